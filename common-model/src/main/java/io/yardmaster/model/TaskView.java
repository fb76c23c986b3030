package io.yardmaster.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest view of a task on {@code tasks.state} (compacted; key: the task id). The field names
 * {@code id}, {@code state}, {@code pool}, {@code agentId}, {@code attempt} and {@code reason} are
 * a stable contract.
 */
public record TaskView(
    String id,
    TaskState state,
    String pool,
    String type,
    String agentId,
    int attempt,
    String reason,
    Priority priority,
    List<String> dependencies,
    Instant submittedAt,
    Instant readyAt,
    Instant startedAt,
    Instant finishedAt,
    Instant updatedAt,
    TaskError lastError,
    boolean late) {

  public TaskView {
    Objects.requireNonNull(id, "id can't be null");
    Objects.requireNonNull(state, "state can't be null");
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }
}
