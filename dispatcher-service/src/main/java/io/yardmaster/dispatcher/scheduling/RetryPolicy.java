package io.yardmaster.dispatcher.scheduling;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th failure waits {@code backoff × 2^(n-1)}, capped, then
 * spread by ±{@code jitter} so that retries of many tasks that failed together do not return
 * together.
 */
public record RetryPolicy(Duration maxBackoff, double jitter) {
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
  public static final double DEFAULT_JITTER = 0.2;
  public static final RetryPolicy DEFAULTS = new RetryPolicy(DEFAULT_MAX_BACKOFF, DEFAULT_JITTER);

  public RetryPolicy {
    java.util.Objects.requireNonNull(maxBackoff, "maxBackoff can't be null");
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /** The delay before the next attempt after {@code failures} failures (1 = the first). */
  public long delayMs(Duration backoff, int failures, RandomGenerator random) {
    double base = backoff.toMillis() * Math.pow(2, Math.max(0, Math.min(failures - 1, 30)));
    double capped = Math.min(base, maxBackoff.toMillis());
    double spread = 1 + jitter * (2 * random.nextDouble() - 1);
    return Math.max(0, Math.round(capped * spread));
  }
}
