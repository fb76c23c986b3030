package io.yardmaster.model.validation;

import java.util.Objects;

/** One thing wrong with a submission: the field it concerns and what is wrong. */
public record Problem(Severity severity, String field, String message) {
  /** Errors reject the submission; warnings are reported and the submission is accepted. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(severity, "severity can't be null");
    Objects.requireNonNull(field, "field can't be null");
    Objects.requireNonNull(message, "message can't be null");
  }

  public static Problem error(String field, String message) {
    return new Problem(Severity.ERROR, field, message);
  }

  public static Problem warning(String field, String message) {
    return new Problem(Severity.WARNING, field, message);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
