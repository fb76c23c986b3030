package io.yardmaster.kafka;

import io.yardmaster.model.YardmasterException;

/** The embedded cluster could not be formatted, started or stopped; the message says why. */
public final class EmbeddedKafkaException extends YardmasterException {
  public EmbeddedKafkaException(String message) {
    super(message);
  }

  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
