package io.yardmaster.deploy;

/** A long-running command (the local run) could not finish its work; the message says why. */
public final class RunFailedException extends DeployException {
  public RunFailedException(String message) {
    super(message);
  }

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return EXIT_FAILED;
  }
}
