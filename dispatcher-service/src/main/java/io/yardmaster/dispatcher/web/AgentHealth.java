package io.yardmaster.dispatcher.web;

import io.yardmaster.model.AgentHeartbeat;

/**
 * An agent's health as the dashboard judges it from its heartbeats: on time, late, silent past the
 * missed-heartbeat limit, draining, or gone.
 */
public enum AgentHealth {
  HEALTHY,
  DEGRADED,
  UNHEALTHY,
  DRAINING,
  OFFLINE;

  /**
   * @param ageMs time since the heartbeat was sent
   * @param missedLimit heartbeats an agent may miss before the dispatcher gives up on it
   * @param saidOffline whether the dispatcher announced the agent gone after this heartbeat
   */
  public static AgentHealth of(
      AgentHeartbeat hb, long ageMs, int missedLimit, boolean saidOffline) {
    long interval = Math.max(1, hb.intervalMs());
    if (saidOffline || ageMs > interval * (missedLimit + 1L)) {
      return OFFLINE;
    }
    if (hb.status() == AgentHeartbeat.Status.LEAVING) {
      return DRAINING;
    }
    if (ageMs <= interval * 2) {
      return HEALTHY;
    }
    return ageMs <= interval * missedLimit ? DEGRADED : UNHEALTHY;
  }

  public boolean live() {
    return this == HEALTHY || this == DEGRADED || this == DRAINING;
  }
}
