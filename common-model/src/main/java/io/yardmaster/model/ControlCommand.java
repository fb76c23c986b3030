package io.yardmaster.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's command on {@code tasks.control} (key: the task id, or the pool for pool commands).
 * {@code requestId} (optional) is echoed in any answer, so a caller can find its own.
 */
public record ControlCommand(
    Action action,
    String taskId,
    String pool,
    Priority priority,
    String issuedBy,
    Instant issuedAt,
    String requestId) {

  /** What to do. */
  public enum Action {
    CANCEL,
    REPRIORITISE,
    PAUSE_POOL,
    RESUME_POOL,
    REPLAY,
    /** Asks why the task is where it is; the answer goes to {@code tasks.explanations}. */
    EXPLAIN;

    public boolean targetsPool() {
      return this == PAUSE_POOL || this == RESUME_POOL;
    }
  }

  public ControlCommand {
    Objects.requireNonNull(action, "action can't be null");
    if (action.targetsPool()) {
      Objects.requireNonNull(pool, "pool can't be null for " + action);
    } else {
      Objects.requireNonNull(taskId, "taskId can't be null for " + action);
    }
    if (action == Action.REPRIORITISE) {
      Objects.requireNonNull(priority, "priority can't be null for REPRIORITISE");
    }
  }

  /** The record key: the pool for pool commands, else the task id. */
  public String key() {
    return action.targetsPool() ? pool : taskId;
  }

  public static ControlCommand cancel(String taskId) {
    return new ControlCommand(Action.CANCEL, taskId, null, null, null, Instant.now(), null);
  }

  public static ControlCommand replay(String taskId) {
    return new ControlCommand(Action.REPLAY, taskId, null, null, null, Instant.now(), null);
  }

  public static ControlCommand reprioritise(String taskId, Priority priority) {
    return new ControlCommand(
        Action.REPRIORITISE, taskId, null, priority, null, Instant.now(), null);
  }

  public static ControlCommand pause(String pool) {
    return new ControlCommand(Action.PAUSE_POOL, null, pool, null, null, Instant.now(), null);
  }

  public static ControlCommand resume(String pool) {
    return new ControlCommand(Action.RESUME_POOL, null, pool, null, null, Instant.now(), null);
  }

  public static ControlCommand explain(String taskId, String requestId) {
    return new ControlCommand(Action.EXPLAIN, taskId, null, null, null, Instant.now(), requestId);
  }
}
