package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.scheduling.health.AgentHealth;
import io.yardmaster.dispatcher.scheduling.health.HealthOptions;
import io.yardmaster.dispatcher.scheduling.health.HealthTracker;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.HostLoad;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the scheduler knows of one agent: its last heartbeat, the leases it holds, and the measured
 * figures that size its work-ahead window and rank it for the load-balancing strategies.
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
  private double pace = Double.NaN;
  private final Map<String, Long> expectedEnds = new HashMap<>();
  private final HealthTracker health;

  AgentState(String agentId, long nowMs) {
    this(agentId, nowMs, HealthOptions.DEFAULTS);
  }

  AgentState(String agentId, long nowMs, HealthOptions healthOptions) {
    this.agentId = agentId;
    this.lastSeenMs = nowMs;
    this.health = new HealthTracker(healthOptions);
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

  /**
   * How late a new heartbeat is: the time since the last one heard, but no more than the time
   * between their sending by the agent's own clock, so a dispatcher that reads its input late does
   * not make every agent look late.
   */
  long heartbeatGapMs(AgentHeartbeat next, long nowMs) {
    long arrived = nowMs - lastSeenMs;
    if (heartbeat == null || heartbeat.sentAt() == null || next.sentAt() == null) {
      return arrived;
    }
    return Math.min(arrived, next.sentAt().toEpochMilli() - heartbeat.sentAt().toEpochMilli());
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
    expectedEnds.remove(taskId);
  }

  /** Notes when a task just leased is expected to end, from its estimate and this agent's pace. */
  void expectEnd(String taskId, long endMs) {
    if (leases.contains(taskId)) {
      expectedEnds.put(taskId, endMs);
    }
  }

  /** The expected run time left of this agent's tasks, in its own ms (0 for tasks overrun). */
  public long expectedRemainingMs(long nowMs) {
    long left = 0;
    for (long end : expectedEnds.values()) {
      left += Math.max(0, end - nowMs);
    }
    return left;
  }

  /**
   * When this agent is expected to have a free slot: now if it has one, else the earliest expected
   * end of its tasks, or {@link Long#MAX_VALUE} when some task has no estimate.
   */
  public long expectedFreeMs(long nowMs) {
    if (inFlight() < slots()) {
      return nowMs;
    }
    if (expectedEnds.size() < leases.size()) {
      return Long.MAX_VALUE;
    }
    long earliest = Long.MAX_VALUE;
    for (long end : expectedEnds.values()) {
      earliest = Math.min(earliest, end);
    }
    return Math.max(nowMs, earliest);
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

  /**
   * How long this agent takes per unit of estimated work: the mean of (run time / the task's
   * estimated duration) over recent tasks; 1 until measured. Below 1 is faster than estimated.
   */
  public double pace() {
    return Double.isNaN(pace) ? 1.0 : pace;
  }

  void recordPace(double actualMs, double estimatedMs) {
    if (estimatedMs > 0 && actualMs >= 0) {
      double ratio = Math.max(actualMs, 1.0) / estimatedMs;
      pace = Double.isNaN(pace) ? ratio : pace + EWMA * (ratio - pace);
    }
  }

  public HealthTracker healthTracker() {
    return health;
  }

  public AgentHealth health() {
    return health.state();
  }

  /** The host's CPU and memory use from the last heartbeat (unknown: zero). */
  public HostLoad hostLoad() {
    return heartbeat == null ? HostLoad.UNKNOWN : heartbeat.load();
  }

  /**
   * The efficiency score a dashboard shows and the performance-based strategies rank by: success
   * rate × health × speed (1 / pace) × availability (share of slots free) × (1 − half the host's
   * CPU use). Higher is better; 0 for an agent that takes no work.
   */
  public double efficiency() {
    int slots = slots();
    if (slots == 0) {
      return 0;
    }
    double availability = Math.max(0, slots - inFlight()) / (double) slots;
    double cpu = Math.min(1, Math.max(0, hostLoad().cpu()));
    return health.successRate()
        * health().factor()
        * (1 / Math.max(pace(), 1e-3))
        * (0.5 + 0.5 * availability)
        * (1 - 0.5 * cpu);
  }

  /** Load as a fraction of slots (may exceed 1 with work-ahead). */
  public double load() {
    int slots = slots();
    return slots == 0 ? Double.MAX_VALUE : (double) inFlight() / slots;
  }
}
