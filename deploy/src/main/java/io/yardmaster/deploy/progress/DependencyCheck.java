package io.yardmaster.deploy.progress;

import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks from the events that no task started (first RUNNING) before every one of its dependencies
 * had SUCCEEDED.
 *
 * @param checked how many tasks with dependencies were checked
 * @param violations one line per task that started too early
 */
public record DependencyCheck(int checked, List<String> violations) {
  public DependencyCheck {
    violations = List.copyOf(violations);
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  /**
   * Checks every task of {@code dependencies} (task id → the ids it depends on) against the
   * timelines.
   */
  public static DependencyCheck of(
      Map<String, List<String>> dependencies, Map<String, TaskTimeline> timelines) {
    int checked = 0;
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> task : dependencies.entrySet()) {
      if (task.getValue().isEmpty()) {
        continue;
      }
      checked++;
      Optional<Instant> started = timeline(timelines, task.getKey()).firstAt(TaskState.RUNNING);
      if (started.isEmpty()) {
        continue;
      }
      for (String dependency : task.getValue()) {
        Optional<Instant> succeeded = timeline(timelines, dependency).firstAt(TaskState.SUCCEEDED);
        if (succeeded.isEmpty() || started.get().isBefore(succeeded.get())) {
          violations.add(
              task.getKey()
                  + " started at "
                  + started.get()
                  + (succeeded.isEmpty()
                      ? " but " + dependency + " never succeeded"
                      : " before " + dependency + " succeeded at " + succeeded.get()));
        }
      }
    }
    return new DependencyCheck(checked, violations);
  }

  private static TaskTimeline timeline(Map<String, TaskTimeline> timelines, String id) {
    return timelines.getOrDefault(id, new TaskTimeline(id));
  }
}
