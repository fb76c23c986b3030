package io.yardmaster.fault.scenario;

import io.yardmaster.fault.check.SubmittedTask;
import io.yardmaster.fault.harness.FaultYard;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Task batches and event look-ups the scenarios share. */
final class Tasks {
  private Tasks() {}

  /** {@code count} sleep tasks {@code <prefix>0…} of {@code ms} in the fault pool. */
  static List<TaskSubmission> sleeps(String prefix, int count, int ms) {
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(sleep(prefix + i, ms));
    }
    return tasks;
  }

  static TaskSubmission sleep(String id, int ms) {
    return TaskSubmission.of(id, "sleep")
        .withPool(FaultYard.POOL)
        .withPayload(Json.mapper().createObjectNode().put("ms", ms));
  }

  static TaskSubmission withLevel(TaskSubmission t, int level) {
    return t.withPriority(Priority.of(level));
  }

  static List<SubmittedTask> submitted(List<TaskSubmission> tasks) {
    return tasks.stream()
        .map(
            t ->
                new SubmittedTask(
                    t.id(), t.dependencies(), t.priority() == null ? 5 : t.priority().level()))
        .toList();
  }

  static boolean allIn(List<TaskView> views, TaskState state) {
    return views.stream().allMatch(v -> v.state() == state);
  }

  /** The first transition to {@code to} at or after {@code after}, if any. */
  static Optional<Instant> firstAfter(List<TaskEvent> events, TaskState to, Instant after) {
    return events.stream()
        .filter(e -> e.type() == EventType.TRANSITION && e.to() == to)
        .map(TaskEvent::at)
        .filter(at -> !at.isBefore(after))
        .min(Instant::compareTo);
  }

  /** From {@code from} to the first transition to {@code to} after it (zero if none). */
  static Duration until(List<TaskEvent> events, TaskState to, Instant from) {
    return firstAfter(events, to, from).map(at -> Duration.between(from, at)).orElse(Duration.ZERO);
  }
}
