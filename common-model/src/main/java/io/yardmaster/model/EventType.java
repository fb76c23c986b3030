package io.yardmaster.model;

/** What a record on {@code tasks.events} tells. */
public enum EventType {
  /** The task moved from one state to another. */
  TRANSITION,
  /** A submission arrived for a task id that is already known: nothing else happened. */
  DUPLICATE_SUBMISSION,
  /** A result from a lease that is no longer the task's current one was ignored. */
  STALE_RESULT,
  /** An operator command was carried out. */
  COMMAND_ACCEPTED,
  /** An operator command could not be carried out; the reason says why. */
  COMMAND_REJECTED,
  /** A queued task's priority changed. */
  REPRIORITISED,
  /** A queued task moved to another pool. */
  MOVED,
  /** An agent's health changed (the task id field holds the agent id). */
  AGENT_HEALTH
}
