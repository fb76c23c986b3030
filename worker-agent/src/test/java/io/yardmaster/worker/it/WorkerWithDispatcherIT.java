package io.yardmaster.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.worker.execution.ExecutionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent with the real dispatcher, each a separate process: thousands of tasks run once each
 * within the agents' slots, a killed agent's work is re-run by the other, and a drained agent
 * finishes or hands back its work and exits 0.
 */
@ExtendWith(SharedKafkaBroker.class)
class WorkerWithDispatcherIT {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerWithDispatcherIT.class);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
  private static final int SLOTS = 4;
  private static final String AGENT_A = "agent-a";
  private static final String AGENT_B = "agent-b";

  private YardProcesses yard;

  @BeforeEach
  void startDispatcher(KafkaClientSettings kafka, TestInfo test) throws Exception {
    yard = new YardProcesses(kafka, test.getTestMethod().orElseThrow().getName());
    yard.startDispatcher();
  }

  @AfterEach
  void stopAll() {
    yard.close();
  }

  @Test
  void shouldRunEveryTaskOnceWithinSlotsWhenTwoAgentsServeThePool() throws Exception {
    // GIVEN the dispatcher and two agents of 4 slots each
    yard.startAgents(SLOTS, AGENT_A, AGENT_B);
    // WHEN 2,000 sleep tasks of 20 ms are submitted
    int tasks = 2_000;
    long start = System.nanoTime();
    submit("t", tasks, 20);
    // THEN every task ends SUCCEEDED in tasks.state
    awaitSucceeded(tasks);
    LOG.info("{} tasks in {} ms", tasks, (System.nanoTime() - start) / 1_000_000);
    // AND each ran once, both agents took part, and neither ran more than its slots at once
    ExecutionLogs logs = awaitExecutions(tasks);
    assertWithinSlotsAndNoAttemptRanTwice(logs);
    assertThat(logs.of(AGENT_A)).isNotEmpty();
    assertThat(logs.of(AGENT_B)).isNotEmpty();
    assertThat(logs.records()).hasSize(tasks);
    assertEachFinalAttemptRanOnItsAgent(logs, yard.ledger().views());
    // AND the audit log tells each task's way once: no submission was seen twice
    assertThat(yard.ledger().events())
        .noneMatch(e -> e.type() == EventType.DUPLICATE_SUBMISSION)
        .filteredOn(e -> e.type() == EventType.TRANSITION)
        .hasSize(4 * tasks);
  }

  @Test
  void shouldReRunKilledAgentsTasksOnTheOtherAgentWhenOneIsKilled() throws Exception {
    // GIVEN two agents working through 2,000 tasks, some hundreds done
    List<ChildJvm> agents = yard.startAgents(SLOTS, AGENT_A, AGENT_B);
    int tasks = 2_000;
    submit("k", tasks, 20);
    await().atMost(RUN_TIMEOUT).until(() -> yard.ledger().count(TaskState.SUCCEEDED) >= 400);
    // WHEN agent A is killed with SIGKILL
    Instant killedAt = Instant.now();
    agents.get(0).kill();
    assertThat(agents.get(0).waitForExit(Duration.ofSeconds(10)))
        .as("128 + SIGKILL")
        .isEqualTo(137);
    // THEN nothing is lost: every task ends SUCCEEDED
    awaitSucceeded(tasks);
    // AND A's unfinished leases expired on its missed heartbeats and went to B
    List<TaskEvent> events = yard.ledger().events();
    // (on a loaded machine a live agent may be suspected before the kill; only later ones count)
    List<TaskEvent> expired = expiries(events, AGENT_A, killedAt);
    assertThat(expired).isNotEmpty();
    Set<String> requeued = expiredOn(events, AGENT_A, killedAt);
    Instant firstExpiry = expired.stream().map(TaskEvent::at).min(Comparator.naturalOrder()).get();
    Instant firstReDispatch =
        transitions(events, TaskState.ASSIGNED).stream()
            .filter(e -> requeued.contains(e.taskId()) && e.attempt() > 1)
            .filter(e -> !e.at().isBefore(firstExpiry))
            .map(TaskEvent::at)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    long expiryMs = Duration.between(killedAt, firstExpiry).toMillis();
    long reDispatchMs = Duration.between(killedAt, firstReDispatch).toMillis();
    LOG.info(
        "re-dispatch after kill: {} ms (lease expiry after {} ms, {} tasks re-queued)",
        reDispatchMs,
        expiryMs,
        requeued.size());
    System.out.printf(
        "re-dispatch after kill: %d ms (lease expiry after %d ms, %d tasks re-queued)%n",
        reDispatchMs, expiryMs, requeued.size());
    Map<String, TaskView> views = yard.ledger().views();
    for (String id : requeued) {
      assertThat(views.get(id).agentId()).as(id + " finished on").isEqualTo(AGENT_B);
      assertThat(views.get(id).attempt()).as(id + " attempt").isGreaterThan(1);
    }
    // AND every final attempt ran where tasks.state says, none ran twice, none overran the slots
    ExecutionLogs logs = awaitExecutions(tasks);
    assertEachFinalAttemptRanOnItsAgent(logs, views);
    assertWithinSlotsAndNoAttemptRanTwice(logs);
  }

  @Test
  void shouldFinishOrReleaseInFlightTasksAndExitZeroWhenAnAgentIsDrained() throws Exception {
    // GIVEN two agents busy with 200 tasks of 200 ms, agent B with tasks running
    List<ChildJvm> agents = yard.startAgents(SLOTS, AGENT_A, AGENT_B);
    int tasks = 200;
    submit("d", tasks, 200);
    await()
        .atMost(RUN_TIMEOUT)
        .until(
            () ->
                yard.ledger().views().values().stream()
                        .filter(v -> AGENT_B.equals(v.agentId()))
                        .filter(v -> v.state() == TaskState.SUCCEEDED)
                        .count()
                    >= 20);
    // WHEN B gets SIGTERM
    Instant terminatedAt = Instant.now();
    ChildJvm drained = agents.get(1);
    drained.terminate();
    // THEN it exits 0 well within its drain timeout
    assertThat(drained.waitForExit(Duration.ofSeconds(40))).isZero();
    assertThat(drained.stdout()).contains("yard-worker " + AGENT_B + ": stopped");
    // AND nothing is lost: every task ends SUCCEEDED, none failed
    awaitSucceeded(tasks);
    List<TaskEvent> events = yard.ledger().events();
    assertThat(transitions(events, TaskState.FAILED)).isEmpty();
    // AND the tasks B was running when told to stop finished there
    ExecutionLogs logs = yard.executionLogs(AGENT_A, AGENT_B);
    List<ExecutionRecord> inFlight =
        logs.of(AGENT_B).stream()
            .filter(r -> r.startedAt().isBefore(terminatedAt))
            .filter(r -> r.finishedAt().isAfter(terminatedAt))
            .toList();
    assertThat(inFlight).as("B's tasks running at SIGTERM").isNotEmpty();
    assertThat(inFlight).allMatch(r -> r.status().equals("SUCCEEDED"));
    // AND the ones it held but had not started were handed back and run by A
    Set<String> released =
        transitions(events, TaskState.READY).stream()
            .filter(e -> e.reason() != null && e.reason().contains("released by " + AGENT_B))
            .map(TaskEvent::taskId)
            .collect(Collectors.toSet());
    Map<String, TaskView> views = yard.ledger().views();
    released.forEach(id -> assertThat(views.get(id).agentId()).isEqualTo(AGENT_A));
    // (an assignment that reached B after its poller stopped would come back when B's heartbeats
    // stop, as after a crash)
    Set<String> orphaned = expiredOn(events, AGENT_B, Instant.EPOCH);
    orphaned.forEach(id -> assertThat(views.get(id).agentId()).isEqualTo(AGENT_A));
    List<String> health =
        events.stream()
            .filter(e -> e.type() == EventType.AGENT_HEALTH && e.taskId().equals(AGENT_B))
            .map(TaskEvent::reason)
            .toList();
    LOG.info(
        "drain: {} tasks finished on B after SIGTERM, {} handed back, {} re-queued when B fell"
            + " silent; B's health: {}",
        inFlight.size(),
        released.size(),
        orphaned.size(),
        health);
    assertEachFinalAttemptRanOnItsAgent(logs, views);
    assertWithinSlotsAndNoAttemptRanTwice(logs);
  }

  private void submit(String idPrefix, int count, int sleepMs) throws Exception {
    yard.ledger()
        .submit(
            idPrefix,
            count,
            YardProcesses.POOL,
            "sleep",
            Json.mapper().readTree("{\"ms\": " + sleepMs + "}"));
  }

  private void awaitSucceeded(int tasks) {
    await()
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> yard.ledger().count(TaskState.SUCCEEDED) == tasks);
    Map<String, TaskView> views = yard.ledger().views();
    assertThat(views).hasSize(tasks);
    assertThat(views.values()).allMatch(v -> v.state() == TaskState.SUCCEEDED);
  }

  /** The execution logs once they hold at least {@code count} lines. */
  private ExecutionLogs awaitExecutions(int count) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> yard.executionLogs(AGENT_A, AGENT_B), l -> l.records().size() >= count);
  }

  private static void assertEachFinalAttemptRanOnItsAgent(
      ExecutionLogs logs, Map<String, TaskView> views) {
    Map<String, ExecutionRecord> ran = logs.byAttempt();
    for (TaskView view : views.values()) {
      ExecutionRecord run = ran.get(view.id() + "#" + view.attempt());
      assertThat(run).as("execution of " + view.id() + " attempt " + view.attempt()).isNotNull();
      assertThat(run.agentId()).as(view.id() + " ran on").isEqualTo(view.agentId());
      assertThat(run.status()).as(view.id() + " status").isEqualTo("SUCCEEDED");
    }
  }

  private static void assertWithinSlotsAndNoAttemptRanTwice(ExecutionLogs logs) {
    assertThat(logs.executedTwice()).as("(task, attempt) run twice").isEmpty();
    assertThat(logs.slotsByAgent())
        .allSatisfy((agent, slots) -> assertThat(slots).isEqualTo(SLOTS));
    assertThat(logs.maxOverlapByAgent())
        .allSatisfy((agent, overlap) -> assertThat(overlap).as(agent).isLessThanOrEqualTo(SLOTS));
    assertThat(logs.maxConcurrentAtStartByAgent())
        .allSatisfy((agent, max) -> assertThat(max).as(agent).isLessThanOrEqualTo(SLOTS));
  }

  /** The re-queues of leases an agent held when the dispatcher found it silent. */
  private static List<TaskEvent> expiries(List<TaskEvent> events, String agentId, Instant after) {
    return transitions(events, TaskState.READY).stream()
        .filter(e -> e.reason() != null && e.reason().contains(agentId + " missed"))
        .filter(e -> !e.at().isBefore(after))
        .toList();
  }

  private static Set<String> expiredOn(List<TaskEvent> events, String agentId, Instant after) {
    return expiries(events, agentId, after).stream()
        .map(TaskEvent::taskId)
        .collect(Collectors.toSet());
  }

  private static List<TaskEvent> transitions(List<TaskEvent> events, TaskState to) {
    return events.stream().filter(e -> e.type() == EventType.TRANSITION && e.to() == to).toList();
  }
}
