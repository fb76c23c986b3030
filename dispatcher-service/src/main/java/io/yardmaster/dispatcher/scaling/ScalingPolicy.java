package io.yardmaster.dispatcher.scaling;

/**
 * Proposes how many agents a pool needs. The proposal is fractional and unbounded: the {@link
 * Autoscaler} applies the pool's bounds, hysteresis and cooldowns.
 */
public interface ScalingPolicy {
  /** A proposed agent count and why. */
  record Proposal(double agents, String reason) {
    public Proposal {
      agents = Double.isNaN(agents) ? 0 : Math.max(0, agents);
    }
  }

  Proposal propose(PoolLoad load);

  /** A short name for {@code pools.scaling} records. */
  String name();
}
