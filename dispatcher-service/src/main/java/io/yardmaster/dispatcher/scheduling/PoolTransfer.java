package io.yardmaster.dispatcher.scheduling;

import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.at;

import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;

/**
 * Moves a READY task out of one pool's scheduler and into another's. The record travels whole, so
 * the task keeps its id, priority, attempts and history; both sides tell it as a MOVED event.
 */
public final class PoolTransfer {
  /** A task moves at most this many times, so no task bounces between pools. */
  public static final int MAX_MOVES = 1;

  private PoolTransfer() {}

  /** Whether a queued task may leave its pool: READY, not pinned, no region required, not moved. */
  public static boolean movable(PoolScheduler s, String taskId) {
    TaskRecord r = s.lifecycle().store.get(taskId);
    return r != null
        && r.state == TaskState.READY
        && !r.task.pinned()
        && !r.task.regionRequired()
        && r.movedFrom.size() < MAX_MOVES;
  }

  /** Removes a READY task from its pool and returns its record, to be sent to {@code to}. */
  public static TaskRecord takeOut(
      PoolScheduler s, String taskId, String to, String why, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    TaskRecord r = life.store.get(taskId);
    if (r == null || r.state != TaskState.READY || !life.ready.remove(taskId)) {
      throw new IllegalStateException("task " + taskId + " is not queued in " + s.pool());
    }
    life.store.delete(taskId);
    r.movedFrom.add(s.pool());
    life.counters.movedOut++;
    life.outbox.event(
        new TaskEvent(
            taskId,
            EventType.MOVED,
            TaskState.READY,
            TaskState.READY,
            s.pool(),
            null,
            r.attempt,
            "moved to " + to + ": " + why,
            at(nowMs)));
    return r;
  }

  /**
   * Queues a task another pool moved here; a task this pool already holds is a duplicate and is
   * told as one.
   */
  public static void takeIn(PoolScheduler s, TaskRecord r, String from, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    if (life.store.get(r.id()) != null) {
      life.outbox.event(
          TaskEvent.note(
              r.id(),
              EventType.DUPLICATE_SUBMISSION,
              s.pool(),
              "moved from " + from + " but already queued in " + s.pool(),
              at(nowMs)));
      return;
    }
    life.counters.movedIn++;
    life.adopt(r, from, nowMs);
    s.dispatch(nowMs);
  }
}
