package io.yardmaster.model.topic;

import io.yardmaster.model.YardmasterException;

/** The contract's topics could not be listed, described or created; the message says why. */
public final class TopicProvisioningException extends YardmasterException {
  public TopicProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
