package io.yardmaster.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A task that used up its attempts, on {@code tasks.dlq} (key: the task id), with its history. */
public record DeadLetter(
    String taskId,
    String pool,
    TaskSubmission task,
    List<AttemptRecord> attempts,
    String reason,
    Instant at) {
  public DeadLetter {
    Objects.requireNonNull(taskId, "taskId can't be null");
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }
}
