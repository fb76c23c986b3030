package io.yardmaster.model;

import java.util.Objects;

/** A task an agent holds (running or queued locally), as its heartbeat reports it. */
public record RunningTask(String taskId, int attempt, String leaseId) {
  public RunningTask {
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(leaseId, "leaseId can't be null");
  }
}
