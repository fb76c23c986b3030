package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskExplanation.DependencyWait;
import io.yardmaster.model.TaskExplanation.Reason;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code EXPLAIN}: why a task is not running, for each reason, through the real topology. */
class ExplainTest {
  private static DispatcherHarness harness() {
    return new DispatcherHarness(
        List.of(PoolConfig.of("cpu", "cpu"), PoolConfig.of("gpu", "gpu", "cuda")),
        c -> c.withScheduler(c.scheduler().withWorkAheadCap(0)));
  }

  private static TaskSubmission task(String id) {
    return TaskSubmission.of(id, "noop").withPool("cpu");
  }

  @Test
  void shouldSayATaskIsUnknownWhenItWasNeverAccepted() {
    try (DispatcherHarness h = harness()) {
      TaskExplanation e = h.explain("nope");
      assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TASK);
      assertThat(e.summary()).contains("no task 'nope'");
    }
  }

  @Test
  void shouldSayNoPoolCanServeAnUnschedulableTask() {
    try (DispatcherHarness h = harness()) {
      h.submit(TaskSubmission.of("q", "noop").withCapabilities(Set.of("quantum")));
      TaskExplanation e = h.explain("q");
      assertThat(e.reason()).isEqualTo(Reason.UNSCHEDULABLE);
      assertThat(e.state()).isEqualTo(TaskState.UNSCHEDULABLE);
    }
  }

  @Test
  void shouldListTheDependenciesATaskWaitsFor() {
    try (DispatcherHarness h = harness()) {
      // GIVEN b waits for a (queued, no agent) and for ghost (never submitted)
      h.submit(task("a"));
      h.submit(task("b").withDependencies(List.of("a")));
      h.submit(task("c").withDependencies(List.of("a", "ghost")));
      // THEN
      TaskExplanation b = h.explain("b");
      assertThat(b.reason()).isEqualTo(Reason.WAITING_FOR_DEPENDENCIES);
      assertThat(b.state()).isEqualTo(TaskState.WAITING);
      assertThat(b.dependencies()).containsExactly(new DependencyWait("a", "PENDING"));
      TaskExplanation c = h.explain("c");
      assertThat(c.reason()).isEqualTo(Reason.UNKNOWN_DEPENDENCY);
      assertThat(c.dependencies())
          .containsExactlyInAnyOrder(
              new DependencyWait("a", "PENDING"), new DependencyWait("ghost", "UNKNOWN"));
    }
  }

  @Test
  void shouldNameTheDependencyThatFailedForGood() {
    try (DispatcherHarness h = harness()) {
      h.heartbeat("cpu", "a1", 1, Set.of("cpu"));
      h.submit(task("a").withRetries(0, Duration.ofSeconds(1)));
      h.submit(task("b").withDependencies(List.of("a")));
      h.failed(h.newAssignments("cpu").get(0), "boom");
      assertThat(h.stateOf("b")).isEqualTo(TaskState.UPSTREAM_FAILED);
      TaskExplanation e = h.explain("b");
      assertThat(e.reason()).isEqualTo(Reason.UPSTREAM_FAILED);
      assertThat(e.dependencies()).contains(new DependencyWait("a", "FAILED"));
    }
  }

  @Test
  void shouldSayNoAgentOffersTheCapabilitiesOrTheRegion() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a gpu agent without cuda, and a cpu agent in us-east
      h.heartbeat("gpu", "g1", 2, Set.of("gpu"));
      h.heartbeat(
          "cpu",
          "c1",
          2,
          Set.of("cpu"),
          "us-east",
          io.yardmaster.model.AgentHeartbeat.Status.ACTIVE);
      h.submit(TaskSubmission.of("needs-cuda", "noop").withCapabilities(Set.of("cuda")));
      h.submit(task("needs-eu").withRegion("eu-west", true));
      // THEN
      TaskExplanation cuda = h.explain("needs-cuda");
      assertThat(cuda.reason()).isEqualTo(Reason.NO_CAPABLE_AGENT);
      assertThat(cuda.summary()).contains("[cuda]");
      assertThat(cuda.capableAgents()).isZero();
      TaskExplanation eu = h.explain("needs-eu");
      assertThat(eu.reason()).isEqualTo(Reason.NO_CAPABLE_AGENT);
      assertThat(eu.summary()).contains("region eu-west");
    }
  }

  @Test
  void shouldGiveRankTasksAheadAndAnEstimatedStartWhenEveryCapableAgentIsBusy() {
    try (DispatcherHarness h = harness()) {
      // GIVEN one agent with one slot that has run a task, then four more tasks
      h.heartbeat("cpu", "a1", 1, Set.of("cpu"));
      h.submit(task("warm-up"));
      Assignment first = h.newAssignments("cpu").get(0);
      h.started(first);
      h.advance(Duration.ofMillis(500));
      h.succeeded(first);
      for (int i = 1; i <= 4; i++) {
        h.submit(task("t" + i));
      }
      // WHEN the last one is explained (t1 runs, t2 and t3 are ahead of it)
      TaskExplanation e = h.explain("t4");
      // THEN
      assertThat(e.reason()).isEqualTo(Reason.AGENTS_BUSY);
      assertThat(e.state()).isEqualTo(TaskState.READY);
      assertThat(e.tasksAhead()).isEqualTo(2);
      assertThat(e.rank()).isEqualTo(3);
      assertThat(e.capableAgents()).isEqualTo(1);
      assertThat(e.estimatedStart()).isAfterOrEqualTo(h.now());
      assertThat(e.summary()).contains("busy").contains("2 task(s) ahead");
    }
  }

  @Test
  void shouldBreakTheScoreIntoItsParts() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a level-7, value-2 task due in an hour (urgency 5 with the 5 h horizon), queued for
      // 3 minutes with no agent
      Priority p =
          Priority.of(7).withBusinessValue(2).withDeadline(h.now().plus(Duration.ofMinutes(63)));
      h.submit(task("scored").withPriority(p));
      h.advance(Duration.ofMinutes(3));
      // THEN score = 7 × 2 × 5 × 1 + 3 minutes of aging (1 point a minute)
      TaskExplanation.ScoreBreakdown s = h.explain("scored").score();
      assertThat(s.level()).isEqualTo(7);
      assertThat(s.businessValue()).isEqualTo(2.0);
      assertThat(s.urgency()).isEqualTo(5.0);
      assertThat(s.multiplier()).isEqualTo(1.0);
      assertThat(s.aging()).isCloseTo(3.0, within(1e-9));
      assertThat(s.total()).isCloseTo(73.0, within(1e-9));
    }
  }

  @Test
  void shouldSayThePoolIsPaused() {
    try (DispatcherHarness h = harness()) {
      h.control(ControlCommand.pause("cpu"));
      h.heartbeat("cpu", "a1", 1, Set.of("cpu"));
      h.submit(task("t1"));
      TaskExplanation e = h.explain("t1");
      assertThat(e.reason()).isEqualTo(Reason.POOL_PAUSED);
      assertThat(e.summary()).contains("paused");
    }
  }

  @Test
  void shouldSayWhenARetryIsDue() {
    try (DispatcherHarness h = harness()) {
      h.heartbeat("cpu", "a1", 1, Set.of("cpu"));
      h.submit(task("t1").withRetries(2, Duration.ofSeconds(30)));
      h.failed(h.newAssignments("cpu").get(0), "flaky");
      TaskExplanation e = h.explain("t1");
      assertThat(e.reason()).isEqualTo(Reason.RETRY_BACKOFF);
      assertThat(e.retryAt()).isAfter(h.now());
      assertThat(e.summary()).contains("flaky");
    }
  }

  @Test
  void shouldSayWhereARunningTaskRunsAndThatAFinishedOneIsDone() {
    try (DispatcherHarness h = harness()) {
      h.heartbeat("cpu", "a1", 1, Set.of("cpu"));
      h.submit(task("t1"));
      Assignment run = h.newAssignments("cpu").get(0);
      assertThat(h.explain("t1").reason()).isEqualTo(Reason.ASSIGNED);
      h.started(run);
      TaskExplanation running = h.explain("t1");
      assertThat(running.reason()).isEqualTo(Reason.RUNNING);
      assertThat(running.agentId()).isEqualTo("a1");
      h.succeeded(run);
      assertThat(h.explain("t1").reason()).isEqualTo(Reason.FINISHED);
    }
  }

  @Test
  void shouldDropATaskAsExpiredAtItsDeadlineOnlyWhenItAskedFor() {
    try (DispatcherHarness h = harness()) {
      // GIVEN two tasks due in 2 s with no agent; only one asked to be dropped when expired
      Priority due = Priority.of(5).withDeadline(h.now().plusSeconds(2));
      h.submit(task("drop").withPriority(due).withDropIfExpired(true));
      h.submit(task("keep").withPriority(due));
      // WHEN 3 s pass
      h.advanceInSteps(Duration.ofSeconds(3), Duration.ofMillis(100));
      // THEN the first is EXPIRED, the other still queued; run late, it is marked late
      assertThat(h.stateOf("drop")).isEqualTo(TaskState.EXPIRED);
      assertThat(h.views().get("drop").reason()).contains("passed before it started");
      assertThat(h.stateOf("keep")).isEqualTo(TaskState.READY);
      h.heartbeat("cpu", "a1", 1, Set.of("cpu"));
      Assignment run = h.newAssignments("cpu").get(0);
      assertThat(run.taskId()).isEqualTo("keep");
      h.succeeded(run);
      assertThat(h.stateOf("keep")).isEqualTo(TaskState.SUCCEEDED);
      assertThat(h.views().get("keep").late()).isTrue();
    }
  }
}
