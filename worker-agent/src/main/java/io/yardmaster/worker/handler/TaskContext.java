package io.yardmaster.worker.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.Assignment;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler knows about the execution it runs.
 *
 * @param taskId the task's id
 * @param attempt the attempt number (the first attempt is 1)
 * @param leaseId the lease this attempt runs under
 * @param pool the pool the task runs in
 * @param type the task type
 * @param payload the task's payload (a JSON null when it had none)
 * @param timeout how long the attempt may run, or null for no limit
 * @param labels the task's labels
 * @param cancellation fires when the task must stop
 */
public record TaskContext(
    String taskId,
    int attempt,
    String leaseId,
    String pool,
    String type,
    JsonNode payload,
    Duration timeout,
    Map<String, String> labels,
    Cancellation cancellation) {

  public TaskContext {
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(leaseId, "leaseId can't be null");
    Objects.requireNonNull(payload, "payload can't be null");
    Objects.requireNonNull(cancellation, "cancellation can't be null");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The context of a RUN assignment. */
  public static TaskContext from(Assignment assignment, Cancellation cancellation) {
    return new TaskContext(
        assignment.taskId(),
        assignment.attempt(),
        assignment.leaseId(),
        assignment.pool(),
        assignment.type(),
        assignment.payload(),
        assignment.timeout(),
        assignment.labels(),
        cancellation);
  }

  /**
   * {@code taskId:attempt}: unique per execution attempt, so a handler can make side effects
   * idempotent (e.g. as an Idempotency-Key header).
   */
  public String idempotencyKey() {
    return taskId + ":" + attempt;
  }

  public Optional<Duration> timeoutIfAny() {
    return Optional.ofNullable(timeout);
  }
}
