package io.yardmaster.dispatcher.scaling;

import java.time.Duration;
import java.util.Objects;

/**
 * How one pool scales: a policy, the bounds of its desired agent count, and what stops flapping.
 *
 * @param policy proposes the agent count
 * @param spec the policy as configured, for messages
 * @param min fewest agents
 * @param max most agents
 * @param upCooldown least time between a change and a scale-up
 * @param downCooldown least time between a change and a scale-down
 * @param tolerance hysteresis: a proposal within this fraction of the current count changes nothing
 */
public record ScalingOptions(
    ScalingPolicy policy,
    String spec,
    int min,
    int max,
    Duration upCooldown,
    Duration downCooldown,
    double tolerance) {
  public static final int DEFAULT_MIN = 1;
  public static final int DEFAULT_MAX = 10;
  public static final Duration DEFAULT_UP_COOLDOWN = Duration.ofSeconds(30);
  public static final Duration DEFAULT_DOWN_COOLDOWN = Duration.ofMinutes(5);
  public static final double DEFAULT_TOLERANCE = 0.1;

  public ScalingOptions {
    Objects.requireNonNull(policy, "policy can't be null");
    spec = spec == null ? policy.name() : spec;
    Objects.requireNonNull(upCooldown, "upCooldown can't be null");
    Objects.requireNonNull(downCooldown, "downCooldown can't be null");
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("need 0 <= min <= max, was min " + min + ", max " + max);
    }
    if (upCooldown.isNegative() || downCooldown.isNegative()) {
      throw new IllegalArgumentException("cooldowns must be >= 0");
    }
    if (tolerance < 0 || tolerance >= 1) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
    }
  }

  /** A policy with the default bounds and cooldowns. */
  public static ScalingOptions of(ScalingPolicy policy) {
    return new ScalingOptions(
        policy,
        null,
        DEFAULT_MIN,
        DEFAULT_MAX,
        DEFAULT_UP_COOLDOWN,
        DEFAULT_DOWN_COOLDOWN,
        DEFAULT_TOLERANCE);
  }

  public ScalingOptions withBounds(int newMin, int newMax) {
    return new ScalingOptions(policy, spec, newMin, newMax, upCooldown, downCooldown, tolerance);
  }

  public ScalingOptions withCooldowns(Duration up, Duration down) {
    return new ScalingOptions(policy, spec, min, max, up, down, tolerance);
  }

  public ScalingOptions withTolerance(double newTolerance) {
    return new ScalingOptions(policy, spec, min, max, upCooldown, downCooldown, newTolerance);
  }

  /** Whether a policy of this kind, here or inside a hybrid, reads the load history. */
  public boolean usesHistory() {
    return uses(policy);
  }

  private static boolean uses(ScalingPolicy p) {
    return p instanceof PredictivePolicy
        || (p instanceof HybridPolicy h && h.policies().stream().anyMatch(ScalingOptions::uses));
  }
}
