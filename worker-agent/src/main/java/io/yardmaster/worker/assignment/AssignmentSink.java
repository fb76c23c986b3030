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
}
