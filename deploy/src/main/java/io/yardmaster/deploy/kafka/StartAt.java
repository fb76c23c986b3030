package io.yardmaster.deploy.kafka;

import java.time.Instant;

/**
 * Where a {@link TopicCursor} starts reading: the beginning of each partition, the first record at
 * or after an instant, or the end (only what arrives from now on).
 */
public record StartAt(Kind kind, Instant since) {
  /** How the start position is chosen. */
  public enum Kind {
    BEGINNING,
    SINCE,
    END
  }

  public StartAt {
    if (kind == Kind.SINCE && since == null) {
      throw new IllegalArgumentException("since can't be null when starting at an instant");
    }
  }

  public static StartAt beginning() {
    return new StartAt(Kind.BEGINNING, null);
  }

  public static StartAt since(Instant instant) {
    return new StartAt(Kind.SINCE, instant);
  }

  public static StartAt end() {
    return new StartAt(Kind.END, null);
  }
}
