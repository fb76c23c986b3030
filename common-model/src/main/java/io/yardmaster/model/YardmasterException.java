package io.yardmaster.model;

/** The root of every unchecked exception Yardmaster throws. */
public abstract class YardmasterException extends RuntimeException {
  protected YardmasterException(String message) {
    super(message);
  }

  protected YardmasterException(String message, Throwable cause) {
    super(message, cause);
  }
}
