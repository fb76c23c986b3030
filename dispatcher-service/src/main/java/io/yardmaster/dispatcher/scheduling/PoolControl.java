package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import java.time.Instant;

/** Applies operator commands to a pool's scheduler and answers each with an event. */
public final class PoolControl {
  private PoolControl() {}

  /** Applies the command; the event says whether it was carried out and why. */
  public static PoolScheduler.ControlResult apply(
      PoolScheduler scheduler, ControlCommand command, Outbox outbox, long nowMs) {
    PoolScheduler.ControlResult result =
        switch (command.action()) {
          case CANCEL -> scheduler.cancel(command.taskId(), nowMs);
          case REPRIORITISE -> scheduler.reprioritise(command.taskId(), command.priority(), nowMs);
          case REPLAY -> scheduler.replay(command.taskId(), nowMs);
          case PAUSE_POOL -> scheduler.setPaused(true, nowMs);
          case RESUME_POOL -> scheduler.setPaused(false, nowMs);
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
            Instant.ofEpochMilli(nowMs)));
    return result;
  }
}
