package io.yardmaster.dispatcher.intake;

import io.yardmaster.dispatcher.dependency.WaitingTask;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskExplanation.DependencyWait;
import io.yardmaster.model.TaskExplanation.Reason;
import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers EXPLAIN for what intake alone knows: a task never submitted, one no pool can serve, and
 * one held back by its dependencies. Anything else is for its pool's scheduler to explain.
 */
final class IntakeExplainer {
  private IntakeExplainer() {}

  /** The answer, or null when the task is in its pool's hands. */
  static TaskExplanation explain(
      ControlCommand command, IntakeEntry entry, WaitingTask waiting, Instant now) {
    String id = command.taskId();
    String requestId = command.requestId();
    if (entry == null) {
      return TaskExplanation.of(
          id,
          requestId,
          null,
          null,
          Reason.UNKNOWN_TASK,
          "no task '" + id + "' was accepted (a rejected submission is on tasks.rejected)",
          now);
    }
    if (entry.pool() == null) {
      return TaskExplanation.of(
          id,
          requestId,
          TaskState.UNSCHEDULABLE,
          null,
          Reason.UNSCHEDULABLE,
          "no pool can serve its capabilities, so it was never queued",
          now);
    }
    if (waiting == null) {
      return null;
    }
    List<DependencyWait> deps = new ArrayList<>();
    waiting.unknown().forEach(d -> deps.add(new DependencyWait(d, "UNKNOWN")));
    waiting.pending().stream()
        .filter(d -> !waiting.unknown().contains(d))
        .forEach(d -> deps.add(new DependencyWait(d, "PENDING")));
    Reason reason;
    String summary;
    if (waiting.state() == TaskState.UPSTREAM_FAILED) {
      reason = Reason.UPSTREAM_FAILED;
      summary = "dependency " + waiting.failedBecause() + " failed for good";
      deps.add(new DependencyWait(waiting.failedBecause(), "FAILED"));
    } else if (!waiting.unknown().isEmpty()) {
      reason = Reason.UNKNOWN_DEPENDENCY;
      summary =
          "waiting for dependencies that were never submitted: "
              + waiting.unknown()
              + (waiting.pending().size() > waiting.unknown().size()
                  ? "; and for " + (waiting.pending().size() - waiting.unknown().size()) + " more"
                  : "");
    } else {
      reason = Reason.WAITING_FOR_DEPENDENCIES;
      summary =
          "waiting for "
              + waiting.pending().size()
              + " dependenc"
              + (waiting.pending().size() == 1 ? "y" : "ies")
              + " to succeed: "
              + waiting.pending();
    }
    return new TaskExplanation(
        id,
        requestId,
        waiting.state(),
        entry.pool(),
        reason,
        summary,
        deps,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now);
  }
}
