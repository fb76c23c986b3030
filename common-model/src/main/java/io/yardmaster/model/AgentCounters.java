package io.yardmaster.model;

/** An agent's running totals since it started. */
public record AgentCounters(long succeeded, long failed, double meanDurationMs) {
  public static final AgentCounters ZERO = new AgentCounters(0, 0, 0);

  public long done() {
    return succeeded + failed;
  }
}
