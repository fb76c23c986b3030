package io.yardmaster.fault.check;

import java.util.List;
import java.util.Objects;

/** A task a scenario submitted: its id, what it depends on and its priority level. */
public record SubmittedTask(String id, List<String> dependencies, int priorityLevel) {
  public SubmittedTask {
    Objects.requireNonNull(id, "id can't be null");
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  public static SubmittedTask of(String id) {
    return new SubmittedTask(id, List.of(), 5);
  }
}
