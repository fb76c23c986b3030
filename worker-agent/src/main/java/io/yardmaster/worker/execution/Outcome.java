package io.yardmaster.worker.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskResult;
import io.yardmaster.worker.handler.TaskFailureException;
import java.util.Objects;

/** How one execution ended: the final status, and an error or an output. */
record Outcome(TaskResult.Status status, TaskError error, JsonNode output) {
  static final String TIMEOUT = "timeout";
  static final String AGENT_STOPPED = "agent-stopped";
  static final String UNKNOWN_TYPE = "unknown-type";
  static final String HANDLER_ERROR = "handler-error";
  static final String INTERRUPTED = "interrupted";
  static final int MAX_MESSAGE_CHARS = 2000;

  Outcome {
    Objects.requireNonNull(status, "status can't be null");
  }

  static Outcome succeeded(JsonNode output) {
    return new Outcome(TaskResult.Status.SUCCEEDED, null, output);
  }

  static Outcome failed(String type, String message, boolean retryable) {
    return new Outcome(
        TaskResult.Status.FAILED, new TaskError(type, shorten(message), retryable), null);
  }

  static Outcome of(TaskResult.Status status) {
    return new Outcome(status, null, null);
  }

  /** The outcome of a task the agent stopped. */
  static Outcome stopped(StopReason reason, Assignment assignment) {
    return switch (reason) {
      case CANCELLED -> of(TaskResult.Status.CANCELLED);
      case TIMED_OUT -> failed(TIMEOUT, "ran past its timeout of " + assignment.timeout(), true);
      case AGENT_STOPPING ->
          failed(AGENT_STOPPED, "the agent stopped before the task finished", true);
    };
  }

  /** The outcome of a handler that threw. */
  static Outcome thrown(Throwable thrown) {
    if (thrown instanceof TaskFailureException failure) {
      return failed(failure.errorType(), failure.getMessage(), failure.retryable());
    }
    if (thrown instanceof InterruptedException) {
      return failed(INTERRUPTED, "the task's thread was interrupted", true);
    }
    return failed(
        HANDLER_ERROR, thrown.getClass().getSimpleName() + ": " + thrown.getMessage(), true);
  }

  private static String shorten(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_CHARS) + "…";
  }
}
