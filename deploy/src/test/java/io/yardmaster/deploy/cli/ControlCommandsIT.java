package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.Models;
import io.yardmaster.deploy.testing.TopicFixture;
import io.yardmaster.deploy.testing.YardRunner.Result;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.AttemptRecord;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class ControlCommandsIT {
  private TopicFixture kafka;

  @BeforeEach
  void tasks(KafkaClientSettings settings) {
    // GIVEN a queued task, a finished one and a dead-lettered one
    kafka = TopicFixture.create(settings, "data");
    TaskView queued = Models.view("q-1", TaskState.READY, "data");
    kafka.write(
        kafka.topics().state(),
        new TaskView(
            queued.id(),
            queued.state(),
            queued.pool(),
            queued.type(),
            null,
            0,
            null,
            new Priority(4, 3.0, Instant.parse("2030-01-01T00:00:00Z"), 1.0),
            List.of(),
            queued.submittedAt(),
            null,
            null,
            null,
            queued.updatedAt(),
            null,
            false),
        Models.view("done-1", TaskState.SUCCEEDED, "data"),
        Models.view("dead-1", TaskState.DEAD_LETTERED, "data"));
    kafka.write(
        kafka.topics().dlq(),
        new DeadLetter(
            "dead-1",
            "data",
            TaskSubmission.of("dead-1", "sleep"),
            List.of(
                new AttemptRecord(
                    1, "agent-1", "l1", null, null, "FAILED", TaskError.of("boom", "x")),
                new AttemptRecord(
                    2, "agent-2", "l2", null, null, "FAILED", TaskError.of("boom", "y"))),
            "boom: y",
            Instant.parse("2026-01-01T00:00:00Z")));
  }

  private ControlCommand onlyCommand() throws Exception {
    List<ConsumerRecord<String, String>> records = kafka.readAll(kafka.topics().control());
    assertThat(records).hasSize(1);
    ControlCommand command = Json.mapper().readValue(records.get(0).value(), ControlCommand.class);
    assertThat(records.get(0).key()).isEqualTo(command.key());
    return command;
  }

  @Test
  void shouldWriteACancelKeyedByTaskWhenCancellingAQueuedTask() throws Exception {
    // GIVEN / WHEN
    Result result = kafka.yard().run("cancel", "q-1");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("cancel requested for q-1");
    ControlCommand command = onlyCommand();
    assertThat(command.action()).isEqualTo(ControlCommand.Action.CANCEL);
    assertThat(command.taskId()).isEqualTo("q-1");
  }

  @Test
  void shouldSendNothingWhenTheTaskHasEnded() {
    // GIVEN / WHEN
    Result result = kafka.yard().run("cancel", "done-1");

    // THEN
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("task 'done-1' has already ended (SUCCEEDED); nothing to cancel");
    assertThat(kafka.readAll(kafka.topics().control())).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownTaskUnlessForced() throws Exception {
    // GIVEN / WHEN
    Result refused = kafka.yard().run("cancel", "nope");
    Result forced = kafka.yard().run("cancel", "nope", "--force");

    // THEN
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("yard cancel: no task 'nope' in");
    assertThat(forced.exitCode()).as(forced.all()).isZero();
    assertThat(onlyCommand().taskId()).isEqualTo("nope");
  }

  @Test
  void shouldKeepTheOtherPriorityFieldsWhenChangingTheLevel() throws Exception {
    // GIVEN / WHEN
    Result result = kafka.yard().run("priority", "q-1", "9");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("priority of q-1 set to level 9, value 3.00, deadline 2030-01-01T00:00:00Z");
    ControlCommand command = onlyCommand();
    assertThat(command.action()).isEqualTo(ControlCommand.Action.REPRIORITISE);
    assertThat(command.priority())
        .isEqualTo(new Priority(9, 3.0, Instant.parse("2030-01-01T00:00:00Z"), 1.0));
  }

  @Test
  void shouldListTheDeadLettersWithTheirCurrentStateWhenAsked() {
    // GIVEN / WHEN
    Result result = kafka.yard().run(List.of("dlq", "list"));

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out().lines())
        .hasSize(2)
        .last()
        .asString()
        .matches("dead-1 +data +2 +2026-01-01T00:00:00Z +DEAD_LETTERED +boom: y");
  }

  @Test
  void shouldWriteAReplayWhenTheTaskIsInTheDeadLetterQueue() throws Exception {
    // GIVEN / WHEN
    Result result = kafka.yard().run(List.of("dlq", "replay"), "dead-1");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    ControlCommand command = onlyCommand();
    assertThat(command.action()).isEqualTo(ControlCommand.Action.REPLAY);
    assertThat(command.taskId()).isEqualTo("dead-1");
  }

  @Test
  void shouldRefuseToReplayATaskThatIsNotDeadLettered() {
    // GIVEN / WHEN
    Result result = kafka.yard().run(List.of("dlq", "replay"), "q-1");

    // THEN
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("task 'q-1' is not in the dead-letter queue");
    assertThat(kafka.readAll(kafka.topics().control())).isEmpty();
  }
}
