package io.yardmaster.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * How much a task matters: a level from 1 to 10, a business value, an optional deadline and an
 * urgency multiplier. The dispatcher turns it into a score that grows as the deadline nears.
 */
public record Priority(
    int level, double businessValue, Instant deadline, double urgencyMultiplier) {
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 10;
  public static final int DEFAULT_LEVEL = 5;
  public static final Priority DEFAULT = new Priority(DEFAULT_LEVEL, 1.0, null, 1.0);

  public Priority {
    if (level < MIN_LEVEL || level > MAX_LEVEL) {
      throw new IllegalArgumentException("priority level must be 1-10, was " + level);
    }
    if (!(businessValue > 0) || !(urgencyMultiplier > 0)) {
      throw new IllegalArgumentException("business value and urgency multiplier must be > 0");
    }
  }

  /**
   * Builds a priority from JSON, where every field is optional: a missing level, business value or
   * multiplier takes its default, so {@code {"level": 8}} is a complete priority.
   */
  @JsonCreator
  public static Priority from(
      @JsonProperty("level") Integer level,
      @JsonProperty("businessValue") Double businessValue,
      @JsonProperty("deadline") Instant deadline,
      @JsonProperty("urgencyMultiplier") Double urgencyMultiplier) {
    return new Priority(
        level == null ? DEFAULT_LEVEL : level,
        businessValue == null ? 1.0 : businessValue,
        deadline,
        urgencyMultiplier == null ? 1.0 : urgencyMultiplier);
  }

  public static Priority of(int level) {
    return new Priority(level, 1.0, null, 1.0);
  }

  public Priority withDeadline(Instant newDeadline) {
    return new Priority(level, businessValue, newDeadline, urgencyMultiplier);
  }

  public Priority withBusinessValue(double value) {
    return new Priority(level, value, deadline, urgencyMultiplier);
  }

  public boolean hasDeadline() {
    return deadline != null;
  }
}
