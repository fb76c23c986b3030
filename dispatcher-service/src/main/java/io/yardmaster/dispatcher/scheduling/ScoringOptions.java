package io.yardmaster.dispatcher.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * How a pool turns a task's priority into a score.
 *
 * @param urgencyHorizon how long before its deadline a task starts to gain urgency: 1 until then,
 *     {@code horizon / time-left} after (at most {@link #MAX_URGENCY}), and {@code overdueUrgency}
 *     once overdue. The original design's 5 hours is the default; an interactive pool may use
 *     seconds.
 * @param agingPerMinute score points a ready task gains per minute of waiting, so nothing starves
 * @param urgencyStep urgency is tracked in geometric steps of this relative size (e.g. 0.01 = 1%),
 *     so each task is re-ordered at most a bounded number of times as its deadline nears
 * @param agingQuantum aging is counted from the start of the quantum a task was queued in, so tasks
 *     queued within the same quantum share their aging and near-ties among them go
 *     earliest-deadline-first instead of first-come-first-served
 * @param overdueUrgency the urgency of a task whose deadline has passed: {@link
 *     #DEFAULT_OVERDUE_URGENCY} (the original design: it goes first), or lower, e.g. 1, so that
 *     under overload tasks that can still meet their deadline go before those that already missed
 *     theirs (aging still lifts those in time)
 */
public record ScoringOptions(
    Duration urgencyHorizon,
    double agingPerMinute,
    double urgencyStep,
    Duration agingQuantum,
    double overdueUrgency) {
  public static final Duration DEFAULT_URGENCY_HORIZON = Duration.ofHours(5);
  public static final double DEFAULT_AGING_PER_MINUTE = 1.0;
  public static final double DEFAULT_URGENCY_STEP = 0.01;
  public static final Duration DEFAULT_AGING_QUANTUM = Duration.ofMinutes(1);
  public static final double MAX_URGENCY = 5.0;
  public static final double DEFAULT_OVERDUE_URGENCY = 10.0;
  public static final ScoringOptions DEFAULTS =
      new ScoringOptions(
          DEFAULT_URGENCY_HORIZON,
          DEFAULT_AGING_PER_MINUTE,
          DEFAULT_URGENCY_STEP,
          DEFAULT_AGING_QUANTUM,
          DEFAULT_OVERDUE_URGENCY);

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
    Objects.requireNonNull(agingQuantum, "agingQuantum can't be null");
    if (agingQuantum.toMillis() < 1) {
      throw new IllegalArgumentException("agingQuantum must be at least 1 ms");
    }
    if (!(overdueUrgency > 0)) {
      throw new IllegalArgumentException("overdueUrgency must be > 0");
    }
  }

  /** Options with the original overdue urgency. */
  public ScoringOptions(
      Duration urgencyHorizon, double agingPerMinute, double urgencyStep, Duration agingQuantum) {
    this(urgencyHorizon, agingPerMinute, urgencyStep, agingQuantum, DEFAULT_OVERDUE_URGENCY);
  }

  public ScoringOptions withOverdueUrgency(double urgency) {
    return new ScoringOptions(urgencyHorizon, agingPerMinute, urgencyStep, agingQuantum, urgency);
  }

  public ScoringOptions withUrgencyHorizon(Duration horizon) {
    return new ScoringOptions(horizon, agingPerMinute, urgencyStep, agingQuantum, overdueUrgency);
  }
}
