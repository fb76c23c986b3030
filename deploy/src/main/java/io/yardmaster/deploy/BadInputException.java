package io.yardmaster.deploy;

/** Something the user gave cannot be used: a flag value, a file, a pool spec. */
public final class BadInputException extends DeployException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return EXIT_BAD_INPUT;
  }
}
