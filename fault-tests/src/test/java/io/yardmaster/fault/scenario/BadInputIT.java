package io.yardmaster.fault.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.check.SubmittedTask;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.fault.harness.Profile;
import io.yardmaster.fault.harness.Reports;
import io.yardmaster.fault.harness.Submitter;
import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input mixed into a run: malformed JSON, wrong types, missing fields, oversize payloads,
 * unknown capabilities, cycles, unknown dependencies, unknown pools, and control commands for tasks
 * nobody submitted. Each bad submission ends on {@code tasks.rejected} or in a terminal state with
 * a reason, each bad command is refused on {@code tasks.events}, no process stops, and every good
 * task completes.
 */
@ExtendWith(SharedKafkaBroker.class)
class BadInputIT {
  private static final Profile PROFILE = Profile.current();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(PROFILE.pick(3, 8));
  private static final int KINDS = 10;

  @Test
  void shouldRejectOrEndEveryBadInputWithAReasonWhileGoodTasksComplete(KafkaClientSettings kafka)
      throws Exception {
    try (FaultYard yard = new FaultYard(kafka, "bad-input")) {
      // GIVEN a dispatcher whose pool declares what its agents offer, and two agents
      ChildJvm dispatcher =
          yard.startDispatcher("dispatcher", FaultYard.POOL + ":basic", List.of());
      List<ChildJvm> agents = yard.startAgents(8, List.of(), "agent-a", "agent-b");
      // WHEN good tasks are submitted with bad records of every kind shuffled among them
      int total = PROFILE.pick(600, 10_000);
      int bad = total / 10;
      List<TaskSubmission> good = Tasks.sleeps("g", total - bad, 5);
      List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
      good.forEach(t -> records.add(new ProducerRecord<>("", t.id(), Submitter.json(t))));
      List<String> badIds = new ArrayList<>();
      List<String> ghosts = new ArrayList<>();
      for (int i = 0; i < bad; i++) {
        String id = "bad-" + i;
        if (i % KINDS == KINDS - 1) {
          ghosts.add("ghost-" + i);
          continue;
        }
        badIds.add(id);
        records.add(new ProducerRecord<>("", id, badValue(i % KINDS, id)));
        if (i % KINDS == 5) { // the other half of a cycle
          String other = id + "-b";
          badIds.add(other);
          records.add(new ProducerRecord<>("", other, cycleHalf(other, id)));
        }
      }
      Collections.shuffle(records, new Random(7));
      yard.submitter().submitRaw(records);
      yard.submitter().control(ghosts.stream().map(ControlCommand::cancel).toList());
      // THEN every good task succeeds
      Set<String> goodIds = good.stream().map(TaskSubmission::id).collect(Collectors.toSet());
      await()
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  yard.ledger().views().values().stream()
                          .filter(v -> goodIds.contains(v.id()))
                          .filter(v -> v.state() == TaskState.SUCCEEDED)
                          .count()
                      == goodIds.size());
      // AND every bad submission is rejected, or ends in a terminal state other than success with
      // a reason
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(unsettled(yard, badIds)).isEmpty());
      // AND every command for an unknown task is refused
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          yard.ledger().events().stream()
                              .filter(e -> e.type() == EventType.COMMAND_REJECTED)
                              .map(TaskEvent::taskId)
                              .collect(Collectors.toSet()))
                      .containsAll(ghosts));
      // AND nothing stopped
      assertThat(dispatcher.isAlive()).isTrue();
      assertThat(agents).allMatch(ChildJvm::isAlive);
      List<SubmittedTask> submitted = new ArrayList<>(Tasks.submitted(good));
      badIds.forEach(id -> submitted.add(SubmittedTask.of(id)));
      FaultReport report = Reports.check(yard, "bad-input", submitted, bad, Duration.ZERO);
      assertThat(report.holds()).as(report.describe()).isTrue();
    }
  }

  /** The bad ids neither rejected nor in a terminal state (other than success) with a reason. */
  private static List<String> unsettled(FaultYard yard, List<String> badIds) {
    Set<String> rejected =
        yard.ledger().rejected().stream().map(RejectedRecord::key).collect(Collectors.toSet());
    Map<String, TaskView> views = yard.ledger().views();
    List<String> open = new ArrayList<>();
    for (String id : badIds) {
      TaskView v = views.get(id);
      boolean ended =
          v != null && v.state().isTerminalFailure() && v.reason() != null && !v.reason().isBlank();
      if (!rejected.contains(id) && !ended) {
        open.add(id + (v == null ? "" : "=" + v.state()));
      }
    }
    return open;
  }

  private static byte[] badValue(int kind, String id) {
    String json =
        switch (kind) {
          case 0 -> "{\"id\": \"" + id + "\", \"type\": \"sleep\", \"payload\": {\"ms\": ";
          case 1 -> "{\"id\": \"" + id + "\", \"type\": \"sleep\", \"maxRetries\": \"many\"}";
          case 2 -> "{\"payload\": {\"ms\": 5}}";
          case 3 ->
              "{\"id\": \""
                  + id
                  + "\", \"type\": \"sleep\", \"payload\": {\"blob\": \""
                  + "x".repeat(100 * 1024)
                  + "\"}}";
          case 4 ->
              "{\"id\": \""
                  + id
                  + "\", \"type\": \"sleep\", \"pool\": \""
                  + FaultYard.POOL
                  + "\", \"requiredCapabilities\": [\"quantum\"]}";
          case 5 -> cycleJson(id, id + "-b");
          case 6 ->
              "{\"id\": \""
                  + id
                  + "\", \"type\": \"sleep\", \"pool\": \""
                  + FaultYard.POOL
                  + "\", \"dependencies\": [\"never-submitted-"
                  + id
                  + "\"]}";
          case 7 -> "{\"id\": \"" + id + "\", \"type\": \"sleep\", \"pool\": \"nowhere\"}";
          default -> "[1, 2, 3]";
        };
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] cycleHalf(String id, String dependency) {
    return cycleJson(id, dependency).getBytes(StandardCharsets.UTF_8);
  }

  private static String cycleJson(String id, String dependency) {
    return "{\"id\": \""
        + id
        + "\", \"type\": \"sleep\", \"pool\": \""
        + FaultYard.POOL
        + "\", \"dependencies\": [\""
        + dependency
        + "\"]}";
  }
}
