package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.AgentHeartbeat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the scheduler knows of one agent: its last heartbeat, the leases it holds, and the measured
 * figures that size its work-ahead window.
 */
public final class AgentState {
  private static final double EWMA = 0.2;

  private final String agentId;
  private AgentHeartbeat heartbeat;
  private long lastSeenMs;
  private final Set<String> leases = new LinkedHashSet<>();
  private double roundTripMs = Double.NaN;
  private double durationMs = Double.NaN;
  private long assigned;

  AgentState(String agentId, long nowMs) {
    this.agentId = agentId;
    this.lastSeenMs = nowMs;
  }

  public String agentId() {
    return agentId;
  }

  /** The last heartbeat, or null for an agent known only from leases restored after a restart. */
  public AgentHeartbeat heartbeat() {
    return heartbeat;
  }

  void onHeartbeat(AgentHeartbeat hb, long nowMs) {
    this.heartbeat = hb;
    this.lastSeenMs = nowMs;
  }

  /** Moves the last-seen time on by a period in which the agent could not have been heard. */
  void excuse(long gapMs, long nowMs) {
    // Never past now: an agent heard during the stall must not look more recent than one heard
    // just after it.
    lastSeenMs = Math.min(nowMs, lastSeenMs + gapMs);
  }

  public long lastSeenMs() {
    return lastSeenMs;
  }

  public int slots() {
    return heartbeat == null ? 0 : heartbeat.slots();
  }

  public boolean isLeaving() {
    return heartbeat != null && heartbeat.status() == AgentHeartbeat.Status.LEAVING;
  }

  /** Agents known only from restored leases, or leaving, take no new work. */
  public boolean acceptsWork() {
    return heartbeat != null && !isLeaving();
  }

  public Set<String> leases() {
    return java.util.Collections.unmodifiableSet(leases);
  }

  public int inFlight() {
    return leases.size();
  }

  void addLease(String taskId) {
    leases.add(taskId);
    assigned++;
  }

  void removeLease(String taskId) {
    leases.remove(taskId);
  }

  public long assignedTotal() {
    return assigned;
  }

  public boolean covers(Requirement requirement) {
    return heartbeat != null && requirement.isMetBy(heartbeat.capabilities(), heartbeat.region());
  }

  /** The measured dispatch round trip (assignment written → task started, less local queueing). */
  public double roundTripMs() {
    return roundTripMs;
  }

  void recordRoundTrip(double ms) {
    roundTripMs = Double.isNaN(roundTripMs) ? ms : roundTripMs + EWMA * (ms - roundTripMs);
  }

  /** The measured mean run time of this agent's tasks. */
  public double durationMs() {
    return durationMs;
  }

  void recordDuration(double ms) {
    durationMs = Double.isNaN(durationMs) ? ms : durationMs + EWMA * (ms - durationMs);
  }

  /** Load as a fraction of slots (may exceed 1 with work-ahead). */
  public double load() {
    int slots = slots();
    return slots == 0 ? Double.MAX_VALUE : (double) inFlight() / slots;
  }
}
