package io.yardmaster.fault.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.check.SubmittedTask;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Profile;
import io.yardmaster.fault.harness.Reports;
import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task that always fails, and one that kills the agent running it (a {@code command} that sends
 * SIGKILL to its parent), among good tasks: each poison task gets exactly maxRetries + 1 attempts,
 * then lands on {@code tasks.dlq} with its history, while every good task completes. Agents that
 * die are started again, as a supervisor would.
 */
@ExtendWith(SharedKafkaBroker.class)
class PoisonTasksIT {
  private static final Profile PROFILE = Profile.current();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(PROFILE.pick(3, 6));
  private static final String[] AGENTS = {"agent-a", "agent-b"};

  @Test
  void shouldDeadLetterPoisonTasksAfterTheirRetriesWhileOthersComplete(KafkaClientSettings kafka)
      throws Exception {
    try (FaultYard yard = new FaultYard(kafka, "poison")) {
      // GIVEN a dispatcher and two agents that may run sh
      yard.startDispatcher("dispatcher", List.of());
      yard.startAgents(4, List.of("--command-allowlist", "sh"), AGENTS);
      // WHEN good tasks are submitted with failing and agent-killing ones among them
      int failRetries = 2;
      int crashRetries = 1;
      List<TaskSubmission> tasks = new ArrayList<>(Tasks.sleeps("g", PROFILE.pick(300, 1_000), 50));
      List<String> failing = new ArrayList<>();
      List<String> crashing = new ArrayList<>();
      for (int i = 0; i < PROFILE.pick(2, 5); i++) {
        TaskSubmission fail =
            TaskSubmission.of("fail-" + i, "sleep")
                .withPool(FaultYard.POOL)
                .withPayload(Json.mapper().createObjectNode().put("ms", 10).put("failTimes", 1000))
                .withRetries(failRetries, Duration.ofMillis(200));
        tasks.add(tasks.size() / 2, fail);
        failing.add(fail.id());
      }
      for (int i = 0; i < PROFILE.pick(1, 2); i++) {
        TaskSubmission crash =
            TaskSubmission.of("crash-" + i, "command")
                .withPool(FaultYard.POOL)
                .withPayload(
                    Json.mapper()
                        .readTree("{\"command\": \"sh\", \"args\": [\"-c\", \"kill -9 $PPID\"]}"))
                .withRetries(crashRetries, Duration.ofMillis(200));
        tasks.add(tasks.size() / 3, crash);
        crashing.add(crash.id());
      }
      yard.submitter().submit(tasks);
      AtomicInteger crashes = new AtomicInteger();
      await()
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                for (String agent : AGENTS) {
                  ChildJvm p = yard.process(agent);
                  if (!p.isAlive()) {
                    crashes.incrementAndGet();
                    yard.restartAgent(agent);
                  }
                }
                return yard.ledger().terminal() == tasks.size();
              });
      // THEN every good task succeeded, every poison task was dead-lettered after max + 1 attempts
      Map<String, TaskView> views = yard.ledger().views();
      assertThat(views.values())
          .filteredOn(v -> v.id().startsWith("g"))
          .allMatch(v -> v.state() == TaskState.SUCCEEDED);
      assertPoisoned(yard, views, failing, failRetries + 1);
      assertPoisoned(yard, views, crashing, crashRetries + 1);
      // (one death may take several attempts of agent-killing tasks with it)
      assertThat(crashes.get()).isPositive();
      // AND the failing tasks ran at most max + 1 times, each attempt once (an attempt sent to an
      // agent that an agent-killing task then took down fails without running)
      for (String id : failing) {
        List<Integer> attempts =
            yard.executions().stream()
                .filter(e -> e.taskId().equals(id))
                .map(e -> e.attempt())
                .toList();
        assertThat(attempts).isNotEmpty().doesNotHaveDuplicates();
        assertThat(attempts.size()).isLessThanOrEqualTo(failRetries + 1);
      }
      List<SubmittedTask> submitted = Tasks.submitted(tasks);
      FaultReport report =
          Reports.check(yard, "poison", submitted, failing.size() + crashes.get(), Duration.ZERO);
      assertThat(report.holds()).as(report.describe()).isTrue();
    }
  }

  private static void assertPoisoned(
      FaultYard yard, Map<String, TaskView> views, List<String> ids, int attempts) {
    List<DeadLetter> dlq =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> yard.ledger().deadLetters(),
                l -> ids.stream().allMatch(id -> l.stream().anyMatch(d -> d.taskId().equals(id))));
    for (String id : ids) {
      assertThat(views.get(id).state()).as(id).isEqualTo(TaskState.DEAD_LETTERED);
      assertThat(views.get(id).attempt()).as(id + " attempts").isEqualTo(attempts);
      DeadLetter letter = dlq.stream().filter(d -> d.taskId().equals(id)).findFirst().orElseThrow();
      assertThat(letter.attempts()).as(id + " history").hasSize(attempts);
      assertThat(letter.task()).as(id + " submission").isNotNull();
    }
  }
}
