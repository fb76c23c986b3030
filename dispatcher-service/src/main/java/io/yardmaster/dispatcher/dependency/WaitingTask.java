package io.yardmaster.dispatcher.dependency;

import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A task held back by its dependencies: the ones still pending, the ones not yet seen at all, and
 * (when UPSTREAM_FAILED) the dependency that failed it, so a successful replay can revive it, and
 * the tasks whose cycle search has already passed through it (each search crosses a task once).
 */
public record WaitingTask(
    TaskSubmission task,
    TaskState state,
    Set<String> pending,
    Set<String> unknown,
    String failedBecause,
    Instant since,
    boolean unknownReported,
    Set<String> probedBy) {
  public WaitingTask {
    pending = new TreeSet<>(pending);
    unknown = new TreeSet<>(unknown);
    probedBy = probedBy == null ? Set.of() : new TreeSet<>(probedBy);
  }

  WaitingTask with(
      TaskState newState,
      Set<String> newPending,
      Set<String> newUnknown,
      String failed,
      boolean reported) {
    return new WaitingTask(
        task, newState, newPending, newUnknown, failed, since, reported, probedBy);
  }

  WaitingTask probedBy(String origin) {
    Set<String> origins = new TreeSet<>(probedBy);
    origins.add(origin);
    return new WaitingTask(
        task, state, pending, unknown, failedBecause, since, unknownReported, origins);
  }
}
