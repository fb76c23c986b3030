package io.yardmaster.dispatcher.scaling;

import java.util.Objects;

/**
 * What a scaling policy sees of a pool at one moment.
 *
 * @param pool the pool
 * @param nowMs when, in epoch milliseconds
 * @param agents live agents
 * @param slots their slots, together
 * @param queued ready tasks waiting for a slot
 * @param running tasks leased to agents
 * @param waitMs recent mean wait of a task between ready and assigned
 * @param meanCpu the agents' mean CPU load, from 0 to 1
 * @param history the pool's load history (null: none kept)
 */
public record PoolLoad(
    String pool,
    long nowMs,
    int agents,
    int slots,
    long queued,
    long running,
    double waitMs,
    double meanCpu,
    LoadHistory history) {
  public PoolLoad {
    Objects.requireNonNull(pool, "pool can't be null");
  }

  /** Tasks queued or running: the work the pool holds. */
  public long demand() {
    return queued + running;
  }

  /** Slots of one agent, measured; {@code assumed} while the pool has no agent. */
  public double slotsPerAgent(double assumed) {
    return agents == 0 || slots == 0 ? assumed : (double) slots / agents;
  }
}
