package io.yardmaster.model;

/** Why an execution failed: an error type, a message, and whether another attempt may help. */
public record TaskError(String type, String message, boolean retryable) {
  public static TaskError of(String type, String message) {
    return new TaskError(type, message, true);
  }
}
