package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.scheduling.health.HealthOptions;
import io.yardmaster.model.AgentHeartbeat;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** A pool's agents, from their heartbeats, with the leases each holds. */
public final class AgentTable {
  private final Map<String, AgentState> agents = new TreeMap<>();
  private final HealthOptions health;

  public AgentTable() {
    this(HealthOptions.DEFAULTS);
  }

  public AgentTable(HealthOptions health) {
    this.health = java.util.Objects.requireNonNull(health, "health can't be null");
  }

  /** Records a heartbeat; returns true when the agent is new. */
  public boolean onHeartbeat(AgentHeartbeat hb, long nowMs) {
    boolean isNew =
        !agents.containsKey(hb.agentId()) || agents.get(hb.agentId()).heartbeat() == null;
    agents
        .computeIfAbsent(hb.agentId(), id -> new AgentState(id, nowMs, health))
        .onHeartbeat(hb, nowMs);
    return isNew;
  }

  /** The agent, created without a heartbeat when only a restored lease names it. */
  AgentState getOrPlaceholder(String agentId, long nowMs) {
    return agents.computeIfAbsent(agentId, id -> new AgentState(id, nowMs, health));
  }

  public AgentState get(String agentId) {
    return agents.get(agentId);
  }

  public Collection<AgentState> all() {
    return agents.values();
  }

  public int size() {
    return agents.size();
  }

  void remove(String agentId) {
    agents.remove(agentId);
  }
}
