package io.yardmaster.model;

import java.time.Instant;
import java.util.Objects;

/** One entry of the audit log on {@code tasks.events} (key: the task id). */
public record TaskEvent(
    String taskId,
    EventType type,
    TaskState from,
    TaskState to,
    String pool,
    String agentId,
    int attempt,
    String reason,
    Instant at) {

  public TaskEvent {
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(type, "type can't be null");
    Objects.requireNonNull(at, "at can't be null");
  }

  public static TaskEvent transition(
      String taskId,
      TaskState from,
      TaskState to,
      String pool,
      String agentId,
      int attempt,
      String reason,
      Instant at) {
    return new TaskEvent(
        taskId, EventType.TRANSITION, from, to, pool, agentId, attempt, reason, at);
  }

  public static TaskEvent note(
      String taskId, EventType type, String pool, String reason, Instant at) {
    return new TaskEvent(taskId, type, null, null, pool, null, 0, reason, at);
  }
}
