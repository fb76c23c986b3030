package io.yardmaster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What an agent reports about one execution on {@code tasks.results} (key: the pool). The attempt
 * and lease id fence the result: one from a stale lease is ignored. {@code durationMs} is how long
 * the task ran; on a STARTED report, how long it had run when the agent sent it (agents report
 * STARTED only once a task has run for a short delay, and a task that ends sooner reports only its
 * result).
 */
public record TaskResult(
    String taskId,
    String pool,
    String agentId,
    int attempt,
    String leaseId,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    long queuedMs,
    long durationMs,
    TaskError error,
    JsonNode output) {

  /**
   * STARTED when a slot takes the task; then SUCCEEDED, FAILED, CANCELLED (stopped on request), or
   * RELEASED (never started: the agent is draining and hands it back).
   */
  public enum Status {
    STARTED,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    RELEASED;

    public boolean isFinal() {
      return this != STARTED;
    }
  }

  public TaskResult {
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(pool, "pool can't be null");
    Objects.requireNonNull(agentId, "agentId can't be null");
    Objects.requireNonNull(leaseId, "leaseId can't be null");
    Objects.requireNonNull(status, "status can't be null");
  }
}
