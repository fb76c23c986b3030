package io.yardmaster.fault.check;

import java.util.Objects;

/** One execution an agent recorded in its execution log: task, attempt, where, how it ended. */
public record Execution(String taskId, int attempt, String agentId, String status) {
  public Execution {
    Objects.requireNonNull(taskId, "taskId can't be null");
  }

  String key() {
    return taskId + "#" + attempt;
  }
}
