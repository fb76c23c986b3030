package io.yardmaster.model;

/** A task was asked to move between two states the lifecycle table does not connect. */
public final class IllegalTransitionException extends YardmasterException {
  private final String taskId;
  private final TaskState from;
  private final TaskState to;

  public IllegalTransitionException(String taskId, TaskState from, TaskState to) {
    super("task " + taskId + " cannot move from " + from + " to " + to);
    this.taskId = taskId;
    this.from = from;
    this.to = to;
  }

  public String taskId() {
    return taskId;
  }

  public TaskState from() {
    return from;
  }

  public TaskState to() {
    return to;
  }
}
