package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.scheduling.health.AgentHealth;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How agent health steers the scheduler core: who gets work, how much, and what it reports. */
class AgentHealthSchedulingTest {
  private int seq;
  private final RecordingPool pool = RecordingPool.withStrategy("least-loaded");

  private TaskSubmission task() {
    return TaskSubmission.of("t" + seq++, "noop").withRetries(0, Duration.ofSeconds(1));
  }

  private AgentHealth health(String agent) {
    return pool.scheduler.agents().get(agent).health();
  }

  /** a1 (4 slots) idle and a2 (1 slot) busy, then a1 silent just past two intervals. */
  private void makeA1Unhealthy() {
    pool.heartbeat("a1", 4, Set.of());
    pool.heartbeat("a2", 1, Set.of());
    pool.submit(task());
    pool.submit(task());
    List<Assignment> sent = pool.newAssignments();
    assertThat(sent).extracting(Assignment::agentId).containsExactly("a1", "a2");
    pool.succeed(sent.get(0), 10);
    for (int i = 0; i < 2; i++) {
      pool.advance(1000);
      pool.heartbeat("a2", 1, Set.of());
    }
    assertThat(health("a1")).as("silent 2 intervals: at the limit").isEqualTo(AgentHealth.HEALTHY);
    pool.advance(1);
  }

  @Test
  void shouldGiveNoWorkToAnUnhealthyAgentButKeepItsLeasesUntilTheyExpire() {
    // GIVEN a1 silent for just over two heartbeat intervals
    makeA1Unhealthy();
    // THEN it is UNHEALTHY, with an event saying why
    assertThat(health("a1")).isEqualTo(AgentHealth.UNHEALTHY);
    assertThat(pool.health("a1"))
        .last()
        .isEqualTo("UNHEALTHY: no heartbeat for 2001 ms > 2 intervals of 1000 ms; no new work");
    // WHEN tasks arrive THEN none goes to it, though it has 4 free slots
    pool.submit(task());
    assertThat(pool.newAssignments()).isEmpty();
    // AND it is still in the pool until it misses three heartbeats
    assertThat(pool.scheduler.agents().get("a1")).isNotNull();
  }

  @Test
  void shouldLimitARecoveringAgentToOneTaskUntilItHasSucceededThreeTimesInARow() {
    // GIVEN an unhealthy a1 and five queued tasks
    makeA1Unhealthy();
    for (int i = 0; i < 5; i++) {
      pool.submit(task());
    }
    // WHEN its heartbeats return
    pool.heartbeat("a1", 4, Set.of());
    // THEN it is RECOVERING and gets one task at a time
    assertThat(health("a1")).isEqualTo(AgentHealth.RECOVERING);
    assertThat(pool.health("a1").get(pool.health("a1").size() - 1)).startsWith("RECOVERING:");
    for (int success = 1; success <= 3; success++) {
      List<Assignment> sent = pool.newAssignments();
      assertThat(sent).as("before success " + success).hasSize(1);
      assertThat(pool.scheduler.agents().get("a1").inFlight()).isEqualTo(1);
      pool.succeed(sent.get(0), 10);
    }
    // AND after the third success in a row it is HEALTHY and takes the last two at once
    assertThat(health("a1")).isEqualTo(AgentHealth.HEALTHY);
    assertThat(pool.health("a1"))
        .last()
        .isEqualTo("HEALTHY: 3 successes in a row since it came back");
    assertThat(pool.newAssignments()).extracting(Assignment::agentId).containsExactly("a1", "a1");
  }

  @Test
  void shouldRankADegradedAgentLowerButStillGiveItWork() {
    // GIVEN a1 alone, failing ten tasks in a row: DEGRADED
    pool.heartbeat("a1", 2, Set.of());
    for (int i = 0; i < 10; i++) {
      pool.submit(task());
      pool.fail(pool.newAssignments().get(0));
    }
    assertThat(health("a1")).isEqualTo(AgentHealth.DEGRADED);
    assertThat(pool.health("a1"))
        .last()
        .isEqualTo("DEGRADED: error rate 1.00 over last 10 results > 0.25");
    // WHEN a healthy a2 joins and three tasks arrive
    pool.heartbeat("a2", 2, Set.of());
    for (int i = 0; i < 3; i++) {
      pool.submit(task());
    }
    // THEN a2 gets the first two (though a1 comes first by id and is as idle), a1 the third
    assertThat(pool.newAssignments())
        .extracting(Assignment::agentId)
        .containsExactly("a2", "a2", "a1");
  }

  @Test
  void shouldReportALateHeartbeatAndAnAgentThatLeftAsHealthEvents() {
    // GIVEN an agent heard on time
    pool.heartbeat("a1", 1, Set.of());
    pool.now += 1000;
    pool.heartbeat("a1", 1, Set.of());
    assertThat(health("a1")).isEqualTo(AgentHealth.HEALTHY);
    // WHEN its next heartbeat comes 1,600 ms later THEN it is DEGRADED
    pool.now += 1600;
    pool.heartbeat("a1", 1, Set.of());
    assertThat(pool.health("a1"))
        .last()
        .isEqualTo("DEGRADED: heartbeat 1600 ms after the last > 1000 ms interval × 1.50");
    // AND when it leaves THEN it is OFFLINE
    pool.leave("a1", 1);
    assertThat(pool.health("a1")).last().isEqualTo("OFFLINE: agent left");
    assertThat(pool.scheduler.agents().get("a1")).isNull();
  }

  @Test
  void shouldNotCallAHeartbeatLateWhenItWasSentOnTimeAndOnlyReadLate() {
    // GIVEN an agent heard on time
    pool.heartbeat("a1", 1, Set.of());
    // WHEN its next heartbeat, sent 1,000 ms later, is read 1,800 ms later (the dispatcher lags)
    long sent = pool.now + 1000;
    pool.now += 1800;
    pool.heartbeatSentAt("a1", 1, sent);
    // THEN it is still HEALTHY, with no health event
    assertThat(health("a1")).isEqualTo(AgentHealth.HEALTHY);
    assertThat(pool.health("a1")).noneMatch(r -> r.startsWith("DEGRADED"));
  }

  @Test
  void shouldCountALeaseThatOutlivedItsTimeoutAsAFailureOfTheAgent() {
    // GIVEN a task with a 1 s timeout on a1, which keeps beating but never reports it
    pool.heartbeat("a1", 1, Set.of());
    pool.submit(task().withTimeout(Duration.ofSeconds(1)));
    assertThat(pool.newAssignments()).hasSize(1);
    // WHEN the timeout and the agent timeout (3 heartbeats) pass
    for (int i = 0; i < 5; i++) {
      pool.advance(1000);
      pool.heartbeat("a1", 1, Set.of());
    }
    // THEN the lease was taken back and counted against a1
    assertThat(pool.scheduler.agents().get("a1").healthTracker().results()).isEqualTo(1);
    assertThat(pool.scheduler.agents().get("a1").healthTracker().errorRate()).isEqualTo(1.0);
  }
}
