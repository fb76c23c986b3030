package io.yardmaster.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a task, with the one table of allowed transitions.
 *
 * <p>SUBMITTED → WAITING (on dependencies) → READY → ASSIGNED → RUNNING → SUCCEEDED, or FAILED →
 * RETRY_WAIT (backoff) → READY … → DEAD_LETTERED. Also CANCELLED, UPSTREAM_FAILED, UNSCHEDULABLE,
 * REJECTED and EXPIRED.
 */
public enum TaskState {
  SUBMITTED,
  WAITING,
  READY,
  ASSIGNED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  RETRY_WAIT,
  DEAD_LETTERED,
  CANCELLED,
  UPSTREAM_FAILED,
  UNSCHEDULABLE,
  REJECTED,
  EXPIRED;

  private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

  static {
    allow(SUBMITTED, WAITING, READY, UNSCHEDULABLE, REJECTED, CANCELLED);
    allow(WAITING, READY, UPSTREAM_FAILED, CANCELLED, UNSCHEDULABLE, REJECTED);
    allow(READY, ASSIGNED, CANCELLED, UNSCHEDULABLE, EXPIRED);
    // A lease that expires or is released puts the task back in the queue (READY) with a new
    // attempt, or fails it for good when the attempts are used up (FAILED).
    allow(ASSIGNED, RUNNING, SUCCEEDED, FAILED, READY, CANCELLED);
    allow(RUNNING, SUCCEEDED, FAILED, READY, CANCELLED);
    allow(FAILED, RETRY_WAIT, DEAD_LETTERED);
    allow(RETRY_WAIT, READY, CANCELLED);
    // A dead-lettered task may be replayed from the DLQ.
    allow(DEAD_LETTERED, READY);
    allow(SUCCEEDED);
    allow(CANCELLED);
    // A dependency dead-lettered and then replayed successfully revives its dependents.
    allow(UPSTREAM_FAILED, WAITING, READY);
    allow(UNSCHEDULABLE);
    allow(REJECTED);
    allow(EXPIRED);
  }

  private static void allow(TaskState from, TaskState... to) {
    Set<TaskState> targets = EnumSet.noneOf(TaskState.class);
    targets.addAll(java.util.Arrays.asList(to));
    ALLOWED.put(from, targets);
  }

  /** Whether a task may move from this state to {@code next}. */
  public boolean canMoveTo(TaskState next) {
    return ALLOWED.get(this).contains(next);
  }

  /** The states this one may move to. */
  public Set<TaskState> successors() {
    return EnumSet.copyOf(
        ALLOWED.get(this).isEmpty() ? EnumSet.noneOf(TaskState.class) : ALLOWED.get(this));
  }

  /**
   * A terminal state ends the task's life. Two may still be undone by an operator: DEAD_LETTERED by
   * a replay, and with it UPSTREAM_FAILED when the replayed dependency then succeeds.
   */
  public boolean isTerminal() {
    return switch (this) {
      case SUCCEEDED, DEAD_LETTERED, CANCELLED, UPSTREAM_FAILED, UNSCHEDULABLE, REJECTED, EXPIRED ->
          true;
      default -> false;
    };
  }

  /** A terminal state other than success: dependents of such a task become UPSTREAM_FAILED. */
  public boolean isTerminalFailure() {
    return isTerminal() && this != SUCCEEDED;
  }

  /** Checks a transition, throwing {@link IllegalTransitionException} when it is not allowed. */
  public TaskState checkedMoveTo(String taskId, TaskState next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(taskId, this, next);
    }
    return next;
  }
}
