package io.yardmaster.fault.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Profile;
import io.yardmaster.fault.harness.Reports;
import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Worker agents die (SIGKILL, again and again, each started again at once) or freeze (SIGSTOP past
 * their heartbeat timeout, then SIGCONT) in the middle of a run: nothing is lost, no attempt runs
 * twice, no task completes twice, and a frozen agent's late results are ignored as stale.
 */
@ExtendWith(SharedKafkaBroker.class)
class WorkerFaultsIT {
  private static final Profile PROFILE = Profile.current();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(PROFILE.pick(2, 6));
  private static final String[] AGENTS = {"agent-a", "agent-b", "agent-c"};

  @Test
  void shouldLoseNothingWhenWorkersAreKilledRepeatedly(KafkaClientSettings kafka) throws Exception {
    try (FaultYard yard = new FaultYard(kafka, "worker-kill")) {
      // GIVEN a dispatcher and three agents of 4 slots
      yard.startDispatcher("dispatcher", List.of());
      yard.startAgents(4, List.of(), AGENTS);
      // (levels 1, 5 and 9 in turn, so the checker can look for priority inversions)
      List<TaskSubmission> tasks = new ArrayList<>();
      for (TaskSubmission t : Tasks.sleeps("k", PROFILE.pick(1_000, 3_000), 100)) {
        tasks.add(Tasks.withLevel(t, 1 + 4 * (tasks.size() % 3)));
      }
      yard.submitter().submit(tasks);
      // WHEN an agent is killed with SIGKILL every few seconds, and started again at once
      int kills = PROFILE.pick(3, 8);
      Duration recovery = Duration.ZERO;
      for (int i = 0; i < kills; i++) {
        String victim = AGENTS[i % AGENTS.length];
        long before = yard.ledger().count(TaskState.SUCCEEDED);
        await()
            .atMost(RUN_TIMEOUT)
            .until(() -> yard.ledger().count(TaskState.SUCCEEDED) > before + 60);
        Instant killedAt = Instant.now();
        ChildJvm agent = yard.process(victim);
        agent.kill();
        assertThat(agent.waitForExit(Duration.ofSeconds(10))).isEqualTo(137);
        yard.restartAgent(victim);
        recovery = max(recovery, requeueTime(yard, victim, killedAt));
      }
      // THEN every task ends SUCCEEDED, and the checker finds nothing wrong
      await()
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks.size());
      FaultReport report =
          Reports.check(yard, "worker-kill", Tasks.submitted(tasks), kills, recovery);
      assertThat(report.holds()).as(report.describe()).isTrue();
    }
  }

  @Test
  void shouldIgnoreLateResultsWhenAWorkerIsPausedPastItsHeartbeatTimeout(KafkaClientSettings kafka)
      throws Exception {
    try (FaultYard yard = new FaultYard(kafka, "worker-pause")) {
      // GIVEN a dispatcher and two agents of 4 slots running 1 s tasks
      yard.startDispatcher("dispatcher", List.of());
      List<ChildJvm> agents = yard.startAgents(4, List.of(), AGENTS[0], AGENTS[1]);
      List<TaskSubmission> tasks = Tasks.sleeps("p", PROFILE.pick(120, 240), 1_000);
      yard.submitter().submit(tasks);
      await().atMost(RUN_TIMEOUT).until(() -> yard.ledger().count(TaskState.SUCCEEDED) >= 16);
      // WHEN agent A is frozen with SIGSTOP well past its heartbeat timeout, then woken
      int pauses = PROFILE.pick(1, 2);
      Duration recovery = Duration.ZERO;
      for (int i = 0; i < pauses; i++) {
        Instant pausedAt = Instant.now();
        agents.get(0).pause();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> !expiriesOf(yard.ledger().events(), AGENTS[0], pausedAt).isEmpty());
        recovery = max(recovery, requeueTime(yard, AGENTS[0], pausedAt));
        agents.get(0).resume();
        long before = yard.ledger().count(TaskState.SUCCEEDED);
        await()
            .atMost(RUN_TIMEOUT)
            .until(() -> yard.ledger().count(TaskState.SUCCEEDED) > before + 8);
      }
      // THEN every task ends SUCCEEDED once, the frozen agent's late results were stale
      await()
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks.size());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  yard.ledger().events().stream()
                      .anyMatch(e -> e.type() == EventType.STALE_RESULT));
      FaultReport report =
          Reports.check(yard, "worker-pause", Tasks.submitted(tasks), pauses, recovery);
      assertThat(report.holds()).as(report.describe()).isTrue();
      assertThat(report.staleResults()).isPositive();
    }
  }

  /**
   * From the fault to the first of the agent's leases given up: re-queued on its silence, or failed
   * when its next run handed it back.
   */
  static Duration requeueTime(FaultYard yard, String agentId, Instant at) {
    List<TaskEvent> lost =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    yard.ledger().events().stream()
                        .filter(e -> e.type() == EventType.TRANSITION && !e.at().isBefore(at))
                        .filter(e -> e.to() == TaskState.READY || e.to() == TaskState.FAILED)
                        .filter(e -> agentId.equals(e.agentId()) || mentions(e, agentId))
                        .toList(),
                l -> !l.isEmpty());
    return Duration.between(at, lost.get(0).at());
  }

  private static boolean mentions(TaskEvent e, String agentId) {
    return e.reason() != null && e.reason().contains(agentId);
  }

  static List<TaskEvent> expiriesOf(List<TaskEvent> events, String agentId, Instant after) {
    return events.stream()
        .filter(e -> e.type() == EventType.TRANSITION && e.to() == TaskState.READY)
        .filter(e -> e.reason() != null && e.reason().contains(agentId + " missed"))
        .filter(e -> !e.at().isBefore(after))
        .toList();
  }

  static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
