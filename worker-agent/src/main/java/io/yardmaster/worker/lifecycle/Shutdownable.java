package io.yardmaster.worker.lifecycle;

import java.time.Duration;

/** A part of the agent that can be stopped: gently within a time limit, or at once. */
public interface Shutdownable {
  /**
   * Stops taking new work and waits up to {@code timeout} for the work in hand to finish.
   *
   * @return true when everything finished in time
   */
  boolean shutdown(Duration timeout) throws InterruptedException;

  /** Stops at once, interrupting the work in hand. */
  void shutdownNow();
}
