package io.yardmaster.dispatcher.scheduling.health;

/**
 * An agent's health as the scheduler sees it. HEALTHY and DEGRADED agents take work (DEGRADED ones
 * ranked lower); UNHEALTHY ones take none; RECOVERING ones hold at most one task until they have
 * proven themselves; OFFLINE ones have left or expired.
 */
public enum AgentHealth {
  HEALTHY(0),
  DEGRADED(1),
  RECOVERING(2),
  UNHEALTHY(3),
  OFFLINE(4);

  private final int rank;

  AgentHealth(int rank) {
    this.rank = rank;
  }

  /** Lower is better: strategies prefer the best rank among the agents that can take a task. */
  public int rank() {
    return rank;
  }

  /** Most tasks an agent in this state may hold, whatever its slots. */
  public int maxInFlight() {
    return switch (this) {
      case HEALTHY, DEGRADED -> Integer.MAX_VALUE;
      case RECOVERING -> 1;
      case UNHEALTHY, OFFLINE -> 0;
    };
  }

  /** A factor in the efficiency score: 1 for healthy down to 0 for agents that take no work. */
  public double factor() {
    return switch (this) {
      case HEALTHY -> 1.0;
      case DEGRADED -> 0.5;
      case RECOVERING -> 0.25;
      case UNHEALTHY, OFFLINE -> 0.0;
    };
  }
}
