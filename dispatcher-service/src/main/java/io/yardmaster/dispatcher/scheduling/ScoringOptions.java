package io.yardmaster.dispatcher.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * How a pool turns a task's priority into a score.
 *
 * @param urgencyHorizon how long before its deadline a task starts to gain urgency: 1 until then,
 *     {@code horizon / time-left} after (at most {@link #MAX_URGENCY}), and {@link
 *     #OVERDUE_URGENCY} once overdue. The original design's 5 hours is the default; an interactive
 *     pool may use seconds.
 * @param agingPerMinute score points a ready task gains per minute of waiting, so nothing starves
 * @param urgencyStep urgency is tracked in geometric steps of this relative size (e.g. 0.01 = 1%),
 *     so each task is re-ordered at most a bounded number of times as its deadline nears
 */
public record ScoringOptions(Duration urgencyHorizon, double agingPerMinute, double urgencyStep) {
  public static final Duration DEFAULT_URGENCY_HORIZON = Duration.ofHours(5);
  public static final double DEFAULT_AGING_PER_MINUTE = 1.0;
  public static final double DEFAULT_URGENCY_STEP = 0.01;
  public static final double MAX_URGENCY = 5.0;
  public static final double OVERDUE_URGENCY = 10.0;
  public static final ScoringOptions DEFAULTS =
      new ScoringOptions(DEFAULT_URGENCY_HORIZON, DEFAULT_AGING_PER_MINUTE, DEFAULT_URGENCY_STEP);

  public ScoringOptions {
    Objects.requireNonNull(urgencyHorizon, "urgencyHorizon can't be null");
    if (urgencyHorizon.isNegative() || urgencyHorizon.isZero()) {
      throw new IllegalArgumentException("urgencyHorizon must be positive");
    }
    if (agingPerMinute < 0 || Double.isNaN(agingPerMinute)) {
      throw new IllegalArgumentException("agingPerMinute must be >= 0");
    }
    if (!(urgencyStep > 0 && urgencyStep <= 0.5)) {
      throw new IllegalArgumentException("urgencyStep must be in (0, 0.5]");
    }
  }
}
