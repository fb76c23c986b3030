package io.yardmaster.dispatcher.rebalance;

/**
 * When queued work moves between pools: a pool moves READY tasks to another pool when its queued
 * tasks per agent exceed {@code factor} times the other's (and at least {@code minQueuedPerAgent}),
 * at most {@code maxMovesPerTick} per scheduler tick and no more than the other pool's free slots
 * per status it publishes. A factor of 0 turns rebalancing off.
 */
public record RebalanceOptions(double factor, int maxMovesPerTick, double minQueuedPerAgent) {
  public static final double DEFAULT_FACTOR = 0;
  public static final int DEFAULT_MAX_MOVES_PER_TICK = 32;
  public static final double DEFAULT_MIN_QUEUED_PER_AGENT = 1;
  public static final RebalanceOptions OFF =
      new RebalanceOptions(
          DEFAULT_FACTOR, DEFAULT_MAX_MOVES_PER_TICK, DEFAULT_MIN_QUEUED_PER_AGENT);

  public RebalanceOptions {
    if (factor != 0 && factor < 1) {
      throw new IllegalArgumentException("factor must be 0 (off) or >= 1, was " + factor);
    }
    if (maxMovesPerTick < 1) {
      throw new IllegalArgumentException("maxMovesPerTick must be >= 1");
    }
    if (minQueuedPerAgent < 0) {
      throw new IllegalArgumentException("minQueuedPerAgent must be >= 0");
    }
  }

  /** Rebalancing at this factor, with the other defaults. */
  public static RebalanceOptions factor(double factor) {
    return new RebalanceOptions(factor, DEFAULT_MAX_MOVES_PER_TICK, DEFAULT_MIN_QUEUED_PER_AGENT);
  }

  public boolean enabled() {
    return factor > 0;
  }
}
