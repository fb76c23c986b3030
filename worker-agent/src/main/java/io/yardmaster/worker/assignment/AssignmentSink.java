package io.yardmaster.worker.assignment;

import io.yardmaster.model.Assignment;

/** Where the poller hands the assignments it reads. */
public interface AssignmentSink {
  /**
   * Takes a RUN assignment.
   *
   * @param whenReported to run once its final result is acknowledged (exactly once)
   */
  void submit(Assignment assignment, Runnable whenReported);

  /**
   * Stops the task a CANCEL assignment names.
   *
   * @return false when no such task is held
   */
  boolean cancel(Assignment cancel);

  /**
   * Reports, without running it, an assignment an earlier run of this agent was sent and may have
   * run (it was read again after a restart): a FAILED result the dispatcher counts as an attempt
   * lost with its agent, or ignores as stale when that lease already ended.
   *
   * @param whenReported to run once that result is acknowledged
   */
  void handBack(Assignment assignment, Runnable whenReported);
}
