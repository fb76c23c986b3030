package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Priority;

/**
 * Scores a task: {@code level × business value × urgency × multiplier + aging × minutes waited}.
 *
 * <p>Waiting is counted from the start of the aging quantum the task was queued in, so tasks queued
 * within one quantum share their aging: among them, equal scores are exact ties, and the queue
 * breaks those earliest-deadline-first. Within a level, deadline work then runs in deadline order
 * even where urgency has reached its cap.
 *
 * <p>Urgency depends only on the time left before the deadline and never falls as time passes, and
 * aging grows at the same rate for every task. So the order of two tasks can only change when one
 * of them crosses an urgency step. {@link ReadyQueue} uses that: it keys each task by {@link
 * #orderKey} (its score minus the aging every task shares) with urgency rounded down to a step, and
 * re-keys it at {@link #nextStepAtMs}, which keeps picking O(log n).
 */
public final class PriorityScorer {
  /** Step index meaning "overdue". */
  public static final int OVERDUE = Integer.MAX_VALUE;

  private final ScoringOptions options;
  private final double horizonMs;
  private final double logStep;
  private final int maxStep;
  private final double agingPerMs;
  private final long agingQuantumMs;

  public PriorityScorer(ScoringOptions options) {
    this.options = java.util.Objects.requireNonNull(options, "options can't be null");
    this.horizonMs = options.urgencyHorizon().toMillis();
    this.logStep = Math.log1p(options.urgencyStep());
    this.maxStep = (int) Math.ceil(Math.log(ScoringOptions.MAX_URGENCY) / logStep);
    this.agingPerMs = options.agingPerMinute() / 60_000.0;
    this.agingQuantumMs = options.agingQuantum().toMillis();
  }

  public ScoringOptions options() {
    return options;
  }

  /** The exact urgency at {@code nowMs} of a task due at {@code deadlineMs} (Long.MAX: none). */
  public double urgency(long deadlineMs, long nowMs) {
    if (deadlineMs == Long.MAX_VALUE) {
      return 1.0;
    }
    long left = deadlineMs - nowMs;
    if (left <= 0) {
      return options.overdueUrgency();
    }
    return Math.max(1.0, Math.min(ScoringOptions.MAX_URGENCY, horizonMs / left));
  }

  /** The urgency step at {@code nowMs}: 0 for urgency 1, {@link #OVERDUE} once overdue. */
  public int step(long deadlineMs, long nowMs) {
    if (deadlineMs == Long.MAX_VALUE) {
      return 0;
    }
    if (deadlineMs - nowMs <= 0) {
      return OVERDUE;
    }
    double u = urgency(deadlineMs, nowMs);
    if (u >= ScoringOptions.MAX_URGENCY) {
      return maxStep;
    }
    return Math.min(maxStep, (int) Math.floor(Math.log(u) / logStep + 1e-9));
  }

  /** The urgency a step stands for (rounded down, so a key never overstates a task). */
  public double stepUrgency(int step) {
    if (step == OVERDUE) {
      return options.overdueUrgency();
    }
    if (step >= maxStep) {
      return ScoringOptions.MAX_URGENCY;
    }
    return Math.exp(step * logStep);
  }

  /** When the task reaches its next step, or Long.MAX_VALUE if it never will. */
  public long nextStepAtMs(long deadlineMs, int step, long nowMs) {
    if (deadlineMs == Long.MAX_VALUE || step == OVERDUE) {
      return Long.MAX_VALUE;
    }
    long at;
    if (step >= maxStep) {
      at = deadlineMs;
    } else {
      double nextUrgency = Math.min(ScoringOptions.MAX_URGENCY, Math.exp((step + 1) * logStep));
      at = deadlineMs - (long) Math.floor(horizonMs / nextUrgency);
    }
    return Math.max(at, nowMs + 1);
  }

  /** Level × business value × multiplier: the part of the score that does not change. */
  public static double base(Priority p) {
    return p.level() * p.businessValue() * p.urgencyMultiplier();
  }

  /**
   * The time-invariant order key: the score at a given step less the aging all tasks share. Higher
   * goes first.
   */
  public double orderKey(Priority p, int step, long enqueuedMs) {
    return base(p) * stepUrgency(step) - agingPerMs * agingStartMs(enqueuedMs);
  }

  /** When a task queued at {@code enqueuedMs} starts to age: the start of its quantum. */
  public long agingStartMs(long enqueuedMs) {
    return Math.floorDiv(enqueuedMs, agingQuantumMs) * agingQuantumMs;
  }

  /** The points a task queued at {@code enqueuedMs} has gained by waiting until {@code nowMs}. */
  public double aging(long enqueuedMs, long nowMs) {
    return agingPerMs * Math.max(0, nowMs - agingStartMs(enqueuedMs));
  }

  /** The exact current score. */
  public double score(Priority p, long enqueuedMs, long nowMs) {
    return base(p) * urgency(deadlineMs(p), nowMs) + aging(enqueuedMs, nowMs);
  }

  public static long deadlineMs(Priority p) {
    return p.deadline() == null ? Long.MAX_VALUE : p.deadline().toEpochMilli();
  }
}
