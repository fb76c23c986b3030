package io.yardmaster.worker.execution;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.RunningTask;
import io.yardmaster.worker.handler.Cancellation;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One RUN assignment the agent holds, from the moment it is received (queued or running) until its
 * final result is sent. {@link #stop} signals the handler and interrupts the slot's thread, but
 * only while this run owns that thread.
 */
final class TaskRun {
  private final Assignment assignment;
  private final Instant receivedAt;
  private final Runnable whenReported;
  private final Cancellation cancellation = new Cancellation();
  private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
  private Thread thread;

  TaskRun(Assignment assignment, Instant receivedAt, Runnable whenReported) {
    this.assignment = Objects.requireNonNull(assignment, "assignment can't be null");
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt can't be null");
    this.whenReported = Objects.requireNonNull(whenReported, "whenReported can't be null");
  }

  Assignment assignment() {
    return assignment;
  }

  String leaseId() {
    return assignment.leaseId();
  }

  Instant receivedAt() {
    return receivedAt;
  }

  /** Called once the final result is acknowledged by the broker. */
  Runnable whenReported() {
    return whenReported;
  }

  Cancellation cancellation() {
    return cancellation;
  }

  StopReason stopReason() {
    return stopReason.get();
  }

  RunningTask asRunningTask() {
    return new RunningTask(assignment.taskId(), assignment.attempt(), assignment.leaseId());
  }

  /**
   * Asks the task to stop: the first reason wins.
   *
   * @return true when this call set the reason
   */
  boolean stop(StopReason reason) {
    if (!stopReason.compareAndSet(null, reason)) {
      return false;
    }
    cancellation.cancel();
    synchronized (this) {
      if (thread != null) {
        thread.interrupt();
      }
    }
    return true;
  }

  /** The slot's thread starts running this task. */
  synchronized void attach(Thread slotThread) {
    this.thread = slotThread;
    if (stopReason.get() != null) {
      slotThread.interrupt();
    }
  }

  /** The task is done with the slot's thread: no interrupt may reach the next task. */
  synchronized void detach() {
    this.thread = null;
    Thread.interrupted();
  }
}
