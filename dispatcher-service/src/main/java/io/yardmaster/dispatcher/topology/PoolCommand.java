package io.yardmaster.dispatcher.topology;

import io.yardmaster.dispatcher.scheduling.TaskRecord;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.Objects;

/**
 * What a pool's scheduler receives through the repartition keyed by pool: a task to queue or an
 * operator command (from intake), or a queued task another pool's scheduler moved here, with its
 * whole record.
 */
public record PoolCommand(
    Kind kind,
    TaskSubmission task,
    Instant submittedAt,
    boolean waited,
    ControlCommand control,
    TaskRecord moved,
    String from) {
  /** Queue a task, apply a command, or take over a moved task. */
  public enum Kind {
    ENQUEUE,
    CONTROL,
    MOVE
  }

  public PoolCommand {
    Objects.requireNonNull(kind, "kind can't be null");
  }

  public PoolCommand(
      Kind kind, TaskSubmission task, Instant submittedAt, boolean waited, ControlCommand control) {
    this(kind, task, submittedAt, waited, control, null, null);
  }

  /** A READY task that the scheduler of pool {@code from} handed over, keeping its record. */
  public static PoolCommand move(TaskRecord record, String from) {
    Objects.requireNonNull(record, "record can't be null");
    Objects.requireNonNull(from, "from can't be null");
    return new PoolCommand(Kind.MOVE, null, null, false, null, record, from);
  }

  public static PoolCommand enqueue(TaskSubmission task, Instant submittedAt) {
    return new PoolCommand(
        Kind.ENQUEUE, Objects.requireNonNull(task, "task can't be null"), submittedAt, false, null);
  }

  /** A task whose dependencies all succeeded. */
  public static PoolCommand release(TaskSubmission task, Instant submittedAt) {
    return new PoolCommand(
        Kind.ENQUEUE, Objects.requireNonNull(task, "task can't be null"), submittedAt, true, null);
  }

  public static PoolCommand control(ControlCommand command) {
    return new PoolCommand(
        Kind.CONTROL, null, null, false, Objects.requireNonNull(command, "command can't be null"));
  }
}
