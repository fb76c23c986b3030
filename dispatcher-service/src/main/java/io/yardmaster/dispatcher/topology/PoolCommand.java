package io.yardmaster.dispatcher.topology;

import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.Objects;

/**
 * What intake sends a pool's scheduler through the repartition keyed by pool: a task to queue, or
 * an operator command.
 */
public record PoolCommand(
    Kind kind, TaskSubmission task, Instant submittedAt, boolean waited, ControlCommand control) {
  /** Queue a task, or apply a command. */
  public enum Kind {
    ENQUEUE,
    CONTROL
  }

  public PoolCommand {
    Objects.requireNonNull(kind, "kind can't be null");
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
