package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.TaskSubmission;

/**
 * Where and how long a task would like to run, as hints to the load-balancing strategies (unlike a
 * {@link Requirement}, which agents must meet): a preferred region and zone, and its estimated run
 * time.
 *
 * @param region the preferred region (null: none)
 * @param zone the preferred zone (null: none)
 * @param estimatedMs the submitter's estimate of the run time (0: unknown)
 */
public record Placement(String region, String zone, long estimatedMs) {
  public static final Placement NONE = new Placement(null, null, 0);

  public static Placement of(TaskSubmission task) {
    long estimate = task.estimatedDuration() == null ? 0 : task.estimatedDuration().toMillis();
    if (task.region() == null && task.zone() == null && estimate <= 0) {
      return NONE;
    }
    return new Placement(task.region(), task.zone(), Math.max(0, estimate));
  }
}
