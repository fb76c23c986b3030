package io.yardmaster.dispatcher.scheduling;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.yardmaster.model.AttemptRecord;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scheduler's durable record of one task of its pool, kept in the pool's state store while the
 * task is queued, leased or waiting to retry (and while dead-lettered, so it can be replayed).
 * Mutable inside the scheduler; the store keeps serialized copies.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class TaskRecord {
  TaskSubmission task;
  String pool;
  TaskState state;
  int attempt;
  int failures;
  String leaseId;
  String agentId;
  Instant submittedAt;
  Instant readyAt;
  long seq;
  Instant assignedAt;
  Instant startedAt;
  Instant retryAt;
  Instant finishedAt;
  String reason;
  TaskError lastError;
  boolean cancelRequested;
  boolean late;
  List<AttemptRecord> history = new ArrayList<>();
  List<String> movedFrom = new ArrayList<>();

  TaskRecord() {}

  public static TaskRecord submitted(TaskSubmission task, String pool, Instant submittedAt) {
    TaskRecord r = new TaskRecord();
    r.task = Objects.requireNonNull(task, "task can't be null");
    r.pool = Objects.requireNonNull(pool, "pool can't be null");
    r.state = TaskState.SUBMITTED;
    r.submittedAt = submittedAt;
    return r;
  }

  /** Moves to {@code next}, failing loudly if the lifecycle table does not allow it. */
  void moveTo(TaskState next, String why) {
    state = state.checkedMoveTo(task.id(), next);
    reason = why;
  }

  public String id() {
    return task.id();
  }

  public TaskSubmission task() {
    return task;
  }

  public String pool() {
    return pool;
  }

  public TaskState state() {
    return state;
  }

  public int attempt() {
    return attempt;
  }

  public int failures() {
    return failures;
  }

  public String leaseId() {
    return leaseId;
  }

  public String agentId() {
    return agentId;
  }

  public Instant readyAt() {
    return readyAt;
  }

  public List<AttemptRecord> history() {
    return List.copyOf(history);
  }

  /** The pools this task was moved out of, oldest first. */
  public List<String> movedFrom() {
    return List.copyOf(movedFrom);
  }

  public String reason() {
    return reason;
  }

  /** The public view for {@code tasks.state}. */
  public TaskView view(Instant now) {
    return new TaskView(
        task.id(),
        state,
        pool,
        task.type(),
        agentId,
        attempt,
        reason,
        task.priority(),
        task.dependencies(),
        submittedAt,
        readyAt,
        startedAt,
        finishedAt,
        now,
        lastError,
        late);
  }
}
