package io.yardmaster.deploy;

import io.yardmaster.model.YardmasterException;

/**
 * The root of the exceptions of the {@code yard} command line and the local run. Each one carries a
 * message meant for the user (what went wrong and how to fix it) and the exit code to end with, so
 * the command line prints the message without a stack trace.
 */
public abstract class DeployException extends YardmasterException {
  /** The command could not do what was asked (a task not found, a run that failed). */
  public static final int EXIT_FAILED = 1;

  /** The user gave something wrong: a flag, a file, a task. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Kafka could not be reached, or its topics are missing. */
  public static final int EXIT_KAFKA = 3;

  protected DeployException(String message) {
    super(message);
  }

  protected DeployException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code that goes with this error. */
  public abstract int exitCode();
}
