package io.yardmaster.dispatcher.scheduling;

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
 */
public record SchedulerOptions(
    ScoringOptions scoring,
    int workAheadCap,
    int missedHeartbeats,
    Duration defaultHeartbeatInterval,
    RetryPolicy retry,
    String strategy) {
  public static final int DEFAULT_WORK_AHEAD_CAP = 16;
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
          DEFAULT_STRATEGY);

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
  }

  public SchedulerOptions withWorkAheadCap(int cap) {
    return new SchedulerOptions(
        scoring, cap, missedHeartbeats, defaultHeartbeatInterval, retry, strategy);
  }

  public SchedulerOptions withStrategy(String name) {
    return new SchedulerOptions(
        scoring, workAheadCap, missedHeartbeats, defaultHeartbeatInterval, retry, name);
  }

  public SchedulerOptions withScoring(ScoringOptions newScoring) {
    return new SchedulerOptions(
        newScoring, workAheadCap, missedHeartbeats, defaultHeartbeatInterval, retry, strategy);
  }
}
