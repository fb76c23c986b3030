package io.yardmaster.dispatcher.scheduling;

import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.at;

import io.yardmaster.dispatcher.scheduling.PoolScheduler.ControlResult;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;

/** Applies operator commands to a pool's scheduler and answers each with an event. */
public final class PoolControl {
  private PoolControl() {}

  /** Applies the command; the event says whether it was carried out and why. */
  public static ControlResult apply(
      PoolScheduler scheduler, ControlCommand command, Outbox outbox, long nowMs) {
    ControlResult result =
        switch (command.action()) {
          case CANCEL -> cancel(scheduler, command.taskId(), nowMs);
          case REPRIORITISE -> reprioritise(scheduler, command.taskId(), command.priority(), nowMs);
          case REPLAY -> replay(scheduler, command.taskId(), nowMs);
          case PAUSE_POOL -> setPaused(scheduler, true, nowMs);
          case RESUME_POOL -> setPaused(scheduler, false, nowMs);
          case EXPLAIN ->
              throw new IllegalArgumentException("EXPLAIN changes nothing: see explain");
        };
    String subject = command.action().targetsPool() ? scheduler.pool() : command.taskId();
    EventType type = result.accepted() ? EventType.COMMAND_ACCEPTED : EventType.COMMAND_REJECTED;
    String by = command.issuedBy() == null ? "" : " (by " + command.issuedBy() + ")";
    outbox.event(
        TaskEvent.note(
            subject,
            type,
            scheduler.pool(),
            command.action() + by + ": " + result.reason(),
            at(nowMs)));
    return result;
  }

  static ControlResult cancel(PoolScheduler s, String taskId, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    TaskRecord r = life.store.get(taskId);
    if (r == null) {
      return ControlResult.rejected(
          "task "
              + taskId
              + " is not queued or running in "
              + s.pool()
              + " (it may have finished)");
    }
    switch (r.state) {
      case READY -> life.ready.remove(taskId);
      case RETRY_WAIT ->
          life.retries.remove(new TaskLifecycle.Due(r.retryAt.toEpochMilli(), taskId));
      case ASSIGNED, RUNNING -> {
        r.cancelRequested = true;
        life.store.put(r);
        life.outbox.assignment(
            Assignment.cancel(taskId, s.pool(), r.agentId, r.attempt, r.leaseId, at(nowMs)));
        return ControlResult.accepted("cancel sent to " + r.agentId);
      }
      default -> {
        return ControlResult.rejected(
            "task " + taskId + " is " + r.state + " and cannot be cancelled");
      }
    }
    String was = r.state == TaskState.READY ? "queued" : "waiting to retry";
    life.cancelled(r, nowMs);
    return ControlResult.accepted("cancelled while " + was);
  }

  static ControlResult reprioritise(PoolScheduler s, String taskId, Priority priority, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    TaskRecord r = life.store.get(taskId);
    if (r == null || (r.state != TaskState.READY && r.state != TaskState.RETRY_WAIT)) {
      return ControlResult.rejected(
          "task "
              + taskId
              + " is not queued in "
              + s.pool()
              + (r == null ? "" : " (it is " + r.state + ")"));
    }
    r.task = r.task.withPriority(priority);
    life.store.put(r);
    if (r.state == TaskState.READY) {
      life.queue(r, nowMs);
    }
    life.outbox.view(r.view(at(nowMs)));
    s.dispatch(nowMs);
    return ControlResult.accepted("priority now level " + priority.level());
  }

  static ControlResult replay(PoolScheduler s, String taskId, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    TaskRecord r = life.store.get(taskId);
    if (r == null || r.state != TaskState.DEAD_LETTERED) {
      return ControlResult.rejected(
          "task "
              + taskId
              + " is not dead-lettered in "
              + s.pool()
              + (r == null ? "" : " (it is " + r.state + ")"));
    }
    r.failures = 0;
    r.readyAt = null;
    r.finishedAt = null;
    life.makeReady(r, "replayed from the dead-letter queue", nowMs);
    s.dispatch(nowMs);
    return ControlResult.accepted("replayed");
  }

  static ControlResult setPaused(PoolScheduler s, boolean pause, long nowMs) {
    if (s.paused() == pause) {
      return ControlResult.rejected(
          "pool " + s.pool() + " is already " + (pause ? "paused" : "running"));
    }
    s.setPausedFlag(pause);
    if (!pause) {
      s.dispatch(nowMs);
    }
    return ControlResult.accepted(pause ? "pool paused" : "pool resumed");
  }
}
