package io.yardmaster.model;

import java.time.Instant;
import java.util.Objects;

/** The desired agent count of a pool on {@code pools.scaling} (key: the pool). */
public record ScalingRecommendation(
    String pool, int currentAgents, int desiredAgents, String policy, String reason, Instant at) {
  public ScalingRecommendation {
    Objects.requireNonNull(pool, "pool can't be null");
    if (desiredAgents < 0) {
      throw new IllegalArgumentException("desiredAgents must be >= 0");
    }
  }
}
