package io.yardmaster.dispatcher.intake;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.topology.PoolCommand;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.validation.SubmissionValidator;
import io.yardmaster.model.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Intake, keyed by task id: validates submissions (bad ones go to {@code tasks.rejected} with every
 * reason and their source offset), makes them idempotent, routes them to a pool, and routes control
 * commands to the pool that holds their task. Forwards {@link PoolCommand}s for the schedulers and
 * outbound records for the topics.
 */
public final class IntakeProcessor implements Processor<String, byte[], String, Object> {
  public static final String STORE = "intake-tasks";

  private final DispatcherConfig config;
  private final SubmissionValidator validator;
  private final PoolRouter router;
  private final String controlTopic;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, IntakeEntry> seen;

  public IntakeProcessor(DispatcherConfig config) {
    this.config = Objects.requireNonNull(config, "config can't be null");
    this.validator =
        new SubmissionValidator(
            config.maxPayloadBytes(),
            SubmissionValidator.DEFAULT_MAX_RECORD_BYTES + config.maxPayloadBytes());
    this.router = new PoolRouter(config);
    this.controlTopic = config.topics().control().name();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
  }

  @Override
  public void process(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
    Optional<RecordMetadata> source = context.recordMetadata();
    if (source.isPresent() && source.get().topic().equals(controlTopic)) {
      control(record);
    } else {
      submission(record);
    }
  }

  private void submission(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
    Instant now = now();
    ValidationResult result = validator.validate(record.key(), record.value());
    if (!result.isValid()) {
      reject(record, result.describe());
      return;
    }
    TaskSubmission task = result.submission();
    if (seen.get(task.id()) != null) {
      emit(
          task.id(),
          TaskEvent.note(
              task.id(),
              EventType.DUPLICATE_SUBMISSION,
              seen.get(task.id()).pool(),
              "a task with this id was already submitted; this submission was ignored",
              now));
      return;
    }
    PoolRouter.Route route = router.route(task);
    seen.put(task.id(), new IntakeEntry(route.pool(), now));
    if (!route.isRouted()) {
      emit(
          task.id(),
          TaskEvent.transition(
              task.id(),
              TaskState.SUBMITTED,
              TaskState.UNSCHEDULABLE,
              null,
              null,
              0,
              route.unschedulableReason(),
              now));
      emit(
          task.id(),
          new TaskView(
              task.id(),
              TaskState.UNSCHEDULABLE,
              null,
              task.type(),
              null,
              0,
              route.unschedulableReason(),
              task.priority(),
              task.dependencies(),
              now,
              null,
              null,
              now,
              now,
              null,
              false));
      return;
    }
    context.forward(
        record
            .withKey(route.pool())
            .withValue(PoolCommand.enqueue(task.withPool(route.pool()), now)));
  }

  private void control(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
    ControlCommand command;
    try {
      command = Json.mapper().readValue(record.value(), ControlCommand.class);
    } catch (Exception e) {
      reject(
          record,
          List.of(
              "ERROR (value): not a valid control command: "
                  + e.getMessage().lines().findFirst().orElse("")));
      return;
    }
    if (command.action().targetsPool()) {
      if (config.pool(command.pool()).isEmpty()) {
        emit(
            command.pool(),
            TaskEvent.note(
                command.pool(),
                EventType.COMMAND_REJECTED,
                command.pool(),
                command.action()
                    + " rejected: unknown pool '"
                    + command.pool()
                    + "'; pools: "
                    + config.poolNames(),
                now()));
        return;
      }
      context.forward(record.withKey(command.pool()).withValue(PoolCommand.control(command)));
      return;
    }
    IntakeEntry entry = seen.get(command.taskId());
    if (entry == null || entry.pool() == null) {
      String why =
          entry == null
              ? "unknown task '" + command.taskId() + "'"
              : "task '" + command.taskId() + "' was never scheduled";
      emit(
          command.taskId(),
          TaskEvent.note(
              command.taskId(),
              EventType.COMMAND_REJECTED,
              null,
              command.action() + " rejected: " + why,
              now()));
      return;
    }
    context.forward(record.withKey(entry.pool()).withValue(PoolCommand.control(command)));
  }

  private void reject(
      org.apache.kafka.streams.processor.api.Record<String, byte[]> record, List<String> reasons) {
    RecordMetadata m = context.recordMetadata().orElse(null);
    String raw = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    RejectedRecord rejected =
        new RejectedRecord(
            m == null ? null : m.topic(),
            m == null ? -1 : m.partition(),
            m == null ? -1 : m.offset(),
            record.key(),
            raw,
            reasons,
            now());
    emit(record.key() == null ? "" : record.key(), rejected);
  }

  private void emit(String key, Object value) {
    context.forward(
        new org.apache.kafka.streams.processor.api.Record<>(
            key, value, context.currentSystemTimeMs()));
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }
}
