package io.yardmaster.deploy;

/** Kafka did not answer in time, refused the client, or lacks the topics a command reads. */
public final class KafkaUnavailableException extends DeployException {
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return EXIT_KAFKA;
  }
}
