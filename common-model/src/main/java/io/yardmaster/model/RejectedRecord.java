package io.yardmaster.model;

import java.time.Instant;
import java.util.List;

/**
 * A submission the dispatcher could not accept, on {@code tasks.rejected} (key: the source key):
 * every reason, where it came from, and the start of the raw value.
 */
public record RejectedRecord(
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String key,
    String rawValue,
    List<String> reasons,
    Instant rejectedAt) {

  public static final int MAX_RAW_VALUE_CHARS = 4096;

  public RejectedRecord {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    if (rawValue != null && rawValue.length() > MAX_RAW_VALUE_CHARS) {
      rawValue = rawValue.substring(0, MAX_RAW_VALUE_CHARS) + "…(truncated)";
    }
  }
}
