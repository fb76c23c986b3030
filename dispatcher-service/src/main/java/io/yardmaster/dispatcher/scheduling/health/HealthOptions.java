package io.yardmaster.dispatcher.scheduling.health;

/**
 * When an agent's health changes.
 *
 * @param errorWindow how many of the agent's most recent results the error rate is taken over
 * @param minResults results needed in the window before its error rate counts
 * @param maxErrorRate an error rate above this makes the agent DEGRADED
 * @param lateFactor a heartbeat arriving more than its interval × this after the last one makes the
 *     agent DEGRADED
 * @param unhealthyAfterMissed an agent silent for more than this many heartbeat intervals is
 *     UNHEALTHY (fewer than the missed heartbeats after which its leases expire; may be fractional)
 * @param recoverySuccesses successes in a row a RECOVERING agent needs to be HEALTHY again
 */
public record HealthOptions(
    int errorWindow,
    int minResults,
    double maxErrorRate,
    double lateFactor,
    double unhealthyAfterMissed,
    int recoverySuccesses) {
  public static final int DEFAULT_ERROR_WINDOW = 20;
  public static final int DEFAULT_MIN_RESULTS = 10;
  public static final double DEFAULT_MAX_ERROR_RATE = 0.25;
  public static final double DEFAULT_LATE_FACTOR = 1.5;
  public static final double DEFAULT_UNHEALTHY_AFTER_MISSED = 2;
  public static final int DEFAULT_RECOVERY_SUCCESSES = 3;
  public static final HealthOptions DEFAULTS =
      new HealthOptions(
          DEFAULT_ERROR_WINDOW,
          DEFAULT_MIN_RESULTS,
          DEFAULT_MAX_ERROR_RATE,
          DEFAULT_LATE_FACTOR,
          DEFAULT_UNHEALTHY_AFTER_MISSED,
          DEFAULT_RECOVERY_SUCCESSES);

  public HealthOptions {
    if (errorWindow < 1) {
      throw new IllegalArgumentException("errorWindow must be >= 1");
    }
    if (minResults < 1 || minResults > errorWindow) {
      throw new IllegalArgumentException("minResults must be between 1 and errorWindow");
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("maxErrorRate must be between 0 and 1");
    }
    if (!(lateFactor > 1)) {
      throw new IllegalArgumentException("lateFactor must be > 1");
    }
    if (lateFactor >= unhealthyAfterMissed) {
      throw new IllegalArgumentException("lateFactor must be below unhealthyAfterMissed");
    }
    if (recoverySuccesses < 1) {
      throw new IllegalArgumentException("recoverySuccesses must be >= 1");
    }
  }
}
