package io.yardmaster.worker.handler;

import io.yardmaster.model.YardmasterException;
import java.util.Objects;

/**
 * A task failed in a way its handler understands: the error type (e.g. {@code exit-code}, {@code
 * http-status}) and message go into the FAILED result, and {@link #retryable()} tells the
 * dispatcher whether another attempt may help.
 */
public final class TaskFailureException extends YardmasterException {
  private final String errorType;
  private final boolean retryable;

  public TaskFailureException(String errorType, String message, boolean retryable) {
    super(message);
    this.errorType = Objects.requireNonNull(errorType, "errorType can't be null");
    this.retryable = retryable;
  }

  /** A failure that another attempt may fix (a flaky service, a busy resource). */
  public static TaskFailureException retryable(String errorType, String message) {
    return new TaskFailureException(errorType, message, true);
  }

  /** A failure that will happen again on every attempt (a bad payload, a refused program). */
  public static TaskFailureException permanent(String errorType, String message) {
    return new TaskFailureException(errorType, message, false);
  }

  public String errorType() {
    return errorType;
  }

  public boolean retryable() {
    return retryable;
  }
}
