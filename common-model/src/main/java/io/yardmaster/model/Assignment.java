package io.yardmaster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the dispatcher sends one agent on {@code pool.<pool>.assignments} (key: the agent id): run a
 * task under a lease, or stop one it is running. The lease id fences results: a result that does
 * not carry the task's current lease id is ignored.
 */
public record Assignment(
    Action action,
    String taskId,
    String pool,
    String agentId,
    int attempt,
    String leaseId,
    String type,
    JsonNode payload,
    Duration timeout,
    Instant deadline,
    Instant assignedAt,
    Map<String, String> labels) {

  /** Run the task, or stop it (cancelled by an operator). */
  public enum Action {
    RUN,
    CANCEL
  }

  public Assignment {
    Objects.requireNonNull(action, "action can't be null");
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(pool, "pool can't be null");
    Objects.requireNonNull(agentId, "agentId can't be null");
    Objects.requireNonNull(leaseId, "leaseId can't be null");
    payload = payload == null ? NullNode.getInstance() : payload;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Unique per execution attempt: handlers use it to make side effects idempotent. */
  public String idempotencyKey() {
    return taskId + ":" + attempt;
  }

  public static Assignment cancel(
      String taskId, String pool, String agentId, int attempt, String leaseId, Instant at) {
    return new Assignment(
        Action.CANCEL, taskId, pool, agentId, attempt, leaseId, null, null, null, null, at, null);
  }
}
