package io.yardmaster.worker.lifecycle;

/** Where the agent is in its life: NEW → RUNNING → DRAINING → STOPPED. */
public enum LifecycleState {
  /** Built, not started. */
  NEW,
  /** Taking and running work; heartbeats say ACTIVE. */
  RUNNING,
  /** Taking no new work, finishing what it has; heartbeats say LEAVING. */
  DRAINING,
  /** Done: every client closed. */
  STOPPED;

  /** Whether the agent may move from this state to {@code next} (only forwards, one at a time). */
  public boolean canMoveTo(LifecycleState next) {
    return next.ordinal() > ordinal();
  }
}
