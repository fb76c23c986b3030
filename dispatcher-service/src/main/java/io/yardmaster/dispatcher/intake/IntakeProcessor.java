package io.yardmaster.dispatcher.intake;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.dependency.DependencyMessage;
import io.yardmaster.dispatcher.dependency.DependencyTracker;
import io.yardmaster.dispatcher.dependency.WaitingTask;
import io.yardmaster.dispatcher.topology.PoolCommand;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.model.validation.SubmissionValidator;
import io.yardmaster.model.validation.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Intake, keyed by task id: validates submissions (bad ones go to {@code tasks.rejected} with every
 * reason and their source offset), makes them idempotent, routes them to a pool, holds tasks with
 * dependencies in the {@link DependencyTracker}, and routes control commands to the pool that holds
 * their task. Forwards {@link PoolCommand}s for the schedulers and outbound records for the topics.
 */
public final class IntakeProcessor implements Processor<String, byte[], String, Object> {
  public static final String STORE = "intake-tasks";
  private static final Duration UNKNOWN_CHECK = Duration.ofSeconds(1);

  private final DispatcherConfig config;
  private final SubmissionValidator validator;
  private final PoolRouter router;
  private final Topics topics;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, IntakeEntry> seen;
  private DependencyTracker tracker;

  public IntakeProcessor(DispatcherConfig config) {
    this.config = Objects.requireNonNull(config, "config can't be null");
    this.validator =
        new SubmissionValidator(
            config.maxPayloadBytes(),
            SubmissionValidator.DEFAULT_MAX_RECORD_BYTES + config.maxPayloadBytes());
    this.router = new PoolRouter(config);
    this.topics = config.topics();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
    this.tracker =
        new DependencyTracker(
            context.getStateStore(DependencyTracker.WAITING_STORE),
            context.getStateStore(DependencyTracker.REGISTRY_STORE),
            new DependencyTracker.Output() {
              @Override
              public void send(DependencyMessage message) {
                emit(message.target(), message);
              }

              @Override
              public void event(TaskEvent event) {
                emit(event.taskId(), event);
              }

              @Override
              public void view(TaskView view) {
                emit(view.id(), view);
              }

              @Override
              public void release(TaskSubmission task, Instant submittedAt) {
                emit(task.pool(), PoolCommand.release(task, submittedAt));
              }
            },
            config.unknownDependencyTimeout(),
            id -> seen.get(id) != null);
    context.schedule(
        UNKNOWN_CHECK,
        PunctuationType.WALL_CLOCK_TIME,
        t -> tracker.checkUnknown(Instant.ofEpochMilli(t)));
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String topic =
        context.recordMetadata().map(RecordMetadata::topic).orElse(topics.submit().name());
    if (topic.equals(topics.control().name())) {
      control(record);
    } else if (topic.equals(topics.dependencies().name())) {
      parse(record, DependencyMessage.class, this::dependencyMessage);
    } else {
      submission(record);
    }
  }

  private void dependencyMessage(DependencyMessage m) {
    if (m.kind() == DependencyMessage.Kind.MOVED) {
      IntakeEntry entry = seen.get(m.target());
      if (entry != null && m.subject() != null) {
        seen.put(m.target(), new IntakeEntry(m.subject(), entry.submittedAt()));
      }
      return;
    }
    tracker.handle(m, now());
  }

  private <T> void parse(
      Record<String, byte[]> record, Class<T> type, java.util.function.Consumer<T> handler) {
    if (record.value() == null) {
      return;
    }
    T value;
    try {
      value = Json.mapper().readValue(record.value(), type);
    } catch (IOException | RuntimeException e) {
      reject(
          record,
          List.of("ERROR (value): not a valid " + type.getSimpleName() + ": " + firstLine(e)));
      return;
    }
    handler.accept(value);
  }

  private void submission(Record<String, byte[]> record) {
    Instant now = now();
    ValidationResult result = validator.validate(record.key(), record.value());
    if (!result.isValid()) {
      reject(record, result.describe());
      return;
    }
    TaskSubmission task = result.submission();
    IntakeEntry known = seen.get(task.id());
    if (known != null) {
      emit(
          task.id(),
          TaskEvent.note(
              task.id(),
              EventType.DUPLICATE_SUBMISSION,
              known.pool(),
              "a task with this id was already submitted; this submission was ignored",
              now));
      return;
    }
    PoolRouter.Route route = router.route(task);
    seen.put(task.id(), new IntakeEntry(route.pool(), now));
    tracker.onSubmitted(task.id());
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
      tracker.onFinished(task.id(), TaskState.UNSCHEDULABLE);
      return;
    }
    TaskSubmission routed = task.withPool(route.pool());
    if (routed.dependencies().isEmpty()) {
      emit(route.pool(), PoolCommand.enqueue(routed, now));
    } else {
      tracker.hold(routed, now);
    }
  }

  private void control(Record<String, byte[]> record) {
    parse(record, ControlCommand.class, this::control);
  }

  private void control(ControlCommand command) {
    Instant now = now();
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
                now));
        return;
      }
      emit(command.pool(), PoolCommand.control(command));
      return;
    }
    IntakeEntry entry = seen.get(command.taskId());
    if (command.action() == ControlCommand.Action.EXPLAIN) {
      TaskExplanation answer =
          IntakeExplainer.explain(command, entry, tracker.waiting(command.taskId()), now);
      if (answer == null) {
        emit(entry.pool(), PoolCommand.control(command));
      } else {
        emit(command.taskId(), answer);
      }
      return;
    }
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
              now));
      return;
    }
    WaitingTask waiting = tracker.waiting(command.taskId());
    if (waiting != null
        && waiting.state() == TaskState.WAITING
        && command.action() == ControlCommand.Action.CANCEL) {
      tracker.cancel(command.taskId(), now);
      emit(
          command.taskId(),
          TaskEvent.note(
              command.taskId(),
              EventType.COMMAND_ACCEPTED,
              entry.pool(),
              "CANCEL: cancelled while waiting for dependencies",
              now));
      return;
    }
    if (waiting != null) {
      emit(
          command.taskId(),
          TaskEvent.note(
              command.taskId(),
              EventType.COMMAND_REJECTED,
              entry.pool(),
              command.action()
                  + " rejected: task '"
                  + command.taskId()
                  + "' is "
                  + waiting.state()
                  + " on its dependencies",
              now));
      return;
    }
    emit(entry.pool(), PoolCommand.control(command));
  }

  private void reject(Record<String, byte[]> record, List<String> reasons) {
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
    context.forward(new Record<>(key, value, context.currentSystemTimeMs()));
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
