package io.yardmaster.deploy.progress;

import io.yardmaster.model.TaskState;

/** How the progress view groups the lifecycle states. */
public enum Bucket {
  /** Not started yet: submitted, waiting on dependencies, ready, or waiting to retry. */
  QUEUED,
  /** Assigned to an agent or running. */
  RUNNING,
  /** Succeeded. */
  DONE,
  /** Ended without success: dead-lettered, cancelled, upstream failed, unschedulable... */
  FAILED;

  public static Bucket of(TaskState state) {
    return switch (state) {
      case ASSIGNED, RUNNING -> RUNNING;
      case SUCCEEDED -> DONE;
      // FAILED is a passing state: the dispatcher retries the task or dead-letters it next
      case SUBMITTED, WAITING, READY, RETRY_WAIT, FAILED -> QUEUED;
      case DEAD_LETTERED, CANCELLED, UPSTREAM_FAILED, UNSCHEDULABLE, REJECTED, EXPIRED -> FAILED;
    };
  }
}
