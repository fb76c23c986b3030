package io.yardmaster.fault.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Profile;
import io.yardmaster.fault.harness.Reports;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents whose clocks are minutes off (one ahead, one behind; they stamp heartbeats and results
 * with their own clock): no lease expires early or late, no task is handled as past its deadline
 * when it is not, and every task completes once.
 */
@ExtendWith(SharedKafkaBroker.class)
class ClockSkewIT {
  private static final Profile PROFILE = Profile.current();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(PROFILE.pick(2, 6));

  @Test
  void shouldNeitherExpireLeasesNorMissDeadlinesWhenAgentClocksAreMinutesOff(
      KafkaClientSettings kafka) throws Exception {
    try (FaultYard yard = new FaultYard(kafka, "clock-skew")) {
      // GIVEN a dispatcher, an agent 10 minutes ahead and one 10 minutes behind
      yard.startDispatcher("dispatcher", List.of());
      yard.startAgents(4, List.of("--clock-offset", "PT10M"), "agent-ahead");
      yard.startAgents(4, List.of("--clock-offset", "-PT10M"), "agent-behind");
      // WHEN tasks with deadlines 2 minutes away run on them (a clock 10 minutes ahead would call
      // them overdue), and tasks already past their deadline
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      List<TaskSubmission> tasks = new ArrayList<>();
      for (TaskSubmission t : Tasks.sleeps("s", PROFILE.pick(150, 1_000), 200)) {
        tasks.add(t.withPriority(Priority.of(5).withDeadline(deadline)));
      }
      List<TaskSubmission> overdue = new ArrayList<>();
      for (TaskSubmission t : Tasks.sleeps("o", PROFILE.pick(20, 100), 50)) {
        overdue.add(t.withPriority(Priority.of(5).withDeadline(Instant.now().minusSeconds(60))));
      }
      tasks.addAll(overdue);
      yard.submitter().submit(tasks);
      await()
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks.size());
      // THEN no lease expired and no agent was found silent
      List<TaskEvent> events = yard.ledger().events();
      assertThat(events)
          .filteredOn(e -> e.reason() != null && e.reason().contains("missed"))
          .isEmpty();
      assertThat(events)
          .filteredOn(e -> e.type() == EventType.TRANSITION && e.to() == TaskState.EXPIRED)
          .isEmpty();
      // AND tasks not yet due were not taken as late, while overdue ones were
      Map<String, TaskView> views = yard.ledger().views();
      for (TaskSubmission t : tasks) {
        boolean isOverdue = t.id().startsWith("o");
        if (isOverdue) {
          assertThat(views.get(t.id()).late()).as(t.id() + " late").isTrue();
        } else if (Instant.now().isBefore(deadline)) {
          assertThat(views.get(t.id()).late()).as(t.id() + " late").isFalse();
        }
      }
      // AND each task ran on both skewed agents without a lease given up
      assertThat(yard.executions())
          .extracting(e -> e.agentId())
          .contains("agent-ahead", "agent-behind");
      FaultReport report =
          Reports.check(yard, "clock-skew", Tasks.submitted(tasks), 2, Duration.ZERO);
      assertThat(report.holds()).as(report.describe()).isTrue();
      assertThat(report.staleResults()).isZero();
    }
  }
}
