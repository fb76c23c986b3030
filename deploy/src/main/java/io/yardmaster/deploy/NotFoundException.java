package io.yardmaster.deploy;

import java.util.Objects;

/** A task (or another named thing) the user asked about is not known. */
public final class NotFoundException extends DeployException {
  private final String id;

  public NotFoundException(String id, String message) {
    super(message);
    this.id = Objects.requireNonNull(id, "id can't be null");
  }

  /** The id that was not found. */
  public String id() {
    return id;
  }

  @Override
  public int exitCode() {
    return EXIT_FAILED;
  }
}
