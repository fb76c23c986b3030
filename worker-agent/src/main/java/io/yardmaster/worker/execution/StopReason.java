package io.yardmaster.worker.execution;

/** Why the agent stopped a task before its handler returned. */
public enum StopReason {
  /** A CANCEL assignment named it: reported CANCELLED. */
  CANCELLED,
  /** It ran past its timeout: reported FAILED with error type {@code timeout}. */
  TIMED_OUT,
  /** The agent stopped at once (second SIGTERM, or the drain timeout passed): reported FAILED. */
  AGENT_STOPPING
}
