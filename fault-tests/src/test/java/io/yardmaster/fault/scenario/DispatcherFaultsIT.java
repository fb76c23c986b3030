package io.yardmaster.fault.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Profile;
import io.yardmaster.fault.harness.Reports;
import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dispatcher, a separate process, is killed with SIGKILL three times during a run and started
 * again on its state folder; then a second instance joins and leaves again. Exactly-once holds: no
 * attempt is assigned twice, nothing is lost or completed twice, and the counts add up.
 */
@ExtendWith(SharedKafkaBroker.class)
class DispatcherFaultsIT {
  private static final Profile PROFILE = Profile.current();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(PROFILE.pick(3, 8));

  @Test
  void shouldAssignEachAttemptOnceWhenTheDispatcherIsKilledAndInstancesComeAndGo(
      KafkaClientSettings kafka) throws Exception {
    try (FaultYard yard = new FaultYard(kafka, "dispatcher-kill")) {
      // GIVEN a dispatcher and two agents working through a backlog
      yard.startDispatcher("dispatcher-1", List.of());
      yard.startAgents(4, List.of(), "agent-a", "agent-b");
      List<TaskSubmission> tasks = Tasks.sleeps("d", PROFILE.pick(2_000, 3_000), 50);
      yard.submitter().submit(tasks);
      // WHEN the dispatcher is killed three times, each time started again
      Duration recovery = Duration.ZERO;
      int kills = 3;
      for (int i = 0; i < kills; i++) {
        awaitProgress(yard, 100, tasks.size());
        ChildJvm d = yard.process("dispatcher-1");
        Instant killedAt = Instant.now();
        d.kill();
        assertThat(d.waitForExit(Duration.ofSeconds(10))).isEqualTo(137);
        yard.restartDispatcher("dispatcher-1");
        Duration back =
            await()
                .atMost(RUN_TIMEOUT)
                .until(
                    () -> Tasks.until(yard.ledger().events(), TaskState.SUCCEEDED, killedAt),
                    r -> !r.isZero());
        recovery = WorkerFaultsIT.max(recovery, back);
      }
      // AND a second instance joins, then leaves (SIGTERM)
      awaitProgress(yard, 100, tasks.size());
      yard.startDispatcher("dispatcher-2", List.of());
      Path secondLog = yard.dir().resolve("dispatcher-2.1.log");
      await()
          .atMost(RUN_TIMEOUT)
          .until(
              () -> Files.exists(secondLog) && Files.readString(secondLog).contains("-> RUNNING"));
      awaitProgress(yard, 100, tasks.size());
      ChildJvm second = yard.process("dispatcher-2");
      second.terminate();
      // (SIGTERM runs its shutdown hook, which closes Kafka Streams; the JVM then exits 143)
      assertThat(second.waitForExit(Duration.ofSeconds(60))).isIn(0, 143);
      assertThat(yard.process("dispatcher-1").isAlive()).as("the first instance").isTrue();
      // THEN every task ends SUCCEEDED, each attempt assigned and run once
      await()
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks.size());
      FaultReport report =
          Reports.check(yard, "dispatcher-kill", Tasks.submitted(tasks), kills + 2, recovery);
      assertThat(report.holds()).as(report.describe()).isTrue();
      assertThat(report.finalStates())
          .containsExactlyEntriesOf(java.util.Map.of(TaskState.SUCCEEDED, (long) tasks.size()));
    }
  }

  /** Waits for {@code more} tasks to succeed (or all of them, should fewer be left). */
  private static void awaitProgress(FaultYard yard, int more, int total) {
    long target = Math.min(yard.ledger().count(TaskState.SUCCEEDED) + more, total);
    await().atMost(RUN_TIMEOUT).until(() -> yard.ledger().count(TaskState.SUCCEEDED) >= target);
  }
}
