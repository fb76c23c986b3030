package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.scheduling.health.HealthOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How one pool's scheduler behaves.
 *
 * @param scoring how priority becomes a score
 * @param workAheadCap most tasks an agent may hold beyond its slots (0 = strictly its slots)
 * @param missedHeartbeats an agent silent for this many of its heartbeat intervals is gone, and its
 *     leases are re-queued
 * @param defaultHeartbeatInterval assumed when a heartbeat does not state its interval
 * @param retry backoff between attempts
 * @param strategy the load-balancing strategy's name
 * @param health when agents count as degraded, unhealthy and recovered
 */
public record SchedulerOptions(
    ScoringOptions scoring,
    int workAheadCap,
    int missedHeartbeats,
    Duration defaultHeartbeatInterval,
    RetryPolicy retry,
    String strategy,
    HealthOptions health) {
  public static final int DEFAULT_WORK_AHEAD_CAP = 256;
  public static final int DEFAULT_MISSED_HEARTBEATS = 3;
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
  public static final String DEFAULT_STRATEGY = "least-loaded";
  public static final SchedulerOptions DEFAULTS =
      new SchedulerOptions(
          ScoringOptions.DEFAULTS,
          DEFAULT_WORK_AHEAD_CAP,
          DEFAULT_MISSED_HEARTBEATS,
          DEFAULT_HEARTBEAT_INTERVAL,
          RetryPolicy.DEFAULTS,
          DEFAULT_STRATEGY,
          HealthOptions.DEFAULTS);

  public SchedulerOptions {
    Objects.requireNonNull(scoring, "scoring can't be null");
    Objects.requireNonNull(defaultHeartbeatInterval, "defaultHeartbeatInterval can't be null");
    Objects.requireNonNull(retry, "retry can't be null");
    Objects.requireNonNull(strategy, "strategy can't be null");
    if (workAheadCap < 0) {
      throw new IllegalArgumentException("workAheadCap must be >= 0");
    }
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("missedHeartbeats must be >= 1");
    }
    Objects.requireNonNull(health, "health can't be null");
    if (health.unhealthyAfterMissed() >= missedHeartbeats) {
      throw new IllegalArgumentException(
          "an agent must be unhealthy (after "
              + health.unhealthyAfterMissed()
              + " missed heartbeats) before it expires (after "
              + missedHeartbeats
              + ")");
    }
  }

  /** Options with the default health thresholds. */
  public SchedulerOptions(
      ScoringOptions scoring,
      int workAheadCap,
      int missedHeartbeats,
      Duration defaultHeartbeatInterval,
      RetryPolicy retry,
      String strategy) {
    this(
        scoring,
        workAheadCap,
        missedHeartbeats,
        defaultHeartbeatInterval,
        retry,
        strategy,
        HealthOptions.DEFAULTS);
  }

  public SchedulerOptions withHealth(HealthOptions newHealth) {
    return new SchedulerOptions(
        scoring,
        workAheadCap,
        missedHeartbeats,
        defaultHeartbeatInterval,
        retry,
        strategy,
        newHealth);
  }

  public SchedulerOptions withWorkAheadCap(int cap) {
    return new SchedulerOptions(
        scoring, cap, missedHeartbeats, defaultHeartbeatInterval, retry, strategy, health);
  }

  public SchedulerOptions withStrategy(String name) {
    return new SchedulerOptions(
        scoring, workAheadCap, missedHeartbeats, defaultHeartbeatInterval, retry, name, health);
  }

  public SchedulerOptions withScoring(ScoringOptions newScoring) {
    return new SchedulerOptions(
        newScoring,
        workAheadCap,
        missedHeartbeats,
        defaultHeartbeatInterval,
        retry,
        strategy,
        health);
  }
}
