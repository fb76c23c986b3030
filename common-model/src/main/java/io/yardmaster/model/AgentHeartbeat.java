package io.yardmaster.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent's periodic report on {@code agents.heartbeats} (key: the pool, so the pool's scheduler
 * reads it with no repartition). A heartbeat with status LEAVING says the agent is draining and
 * will take no more work. {@code maxQueued} is how many assignments beyond its slots the agent
 * keeps waiting before it hands more back (null when the agent does not say): the dispatcher sends
 * no more than that ahead.
 */
public record AgentHeartbeat(
    String agentId,
    String pool,
    Set<String> capabilities,
    int slots,
    int freeSlots,
    List<RunningTask> running,
    String region,
    String zone,
    String version,
    double weight,
    AgentCounters counters,
    HostLoad load,
    long intervalMs,
    Status status,
    Instant sentAt,
    Integer maxQueued) {

  /** ACTIVE agents take work; LEAVING ones drain and then go. */
  public enum Status {
    ACTIVE,
    LEAVING
  }

  /** A heartbeat that does not say how many assignments the agent queues. */
  public AgentHeartbeat(
      String agentId,
      String pool,
      Set<String> capabilities,
      int slots,
      int freeSlots,
      List<RunningTask> running,
      String region,
      String zone,
      String version,
      double weight,
      AgentCounters counters,
      HostLoad load,
      long intervalMs,
      Status status,
      Instant sentAt) {
    this(
        agentId,
        pool,
        capabilities,
        slots,
        freeSlots,
        running,
        region,
        zone,
        version,
        weight,
        counters,
        load,
        intervalMs,
        status,
        sentAt,
        null);
  }

  public AgentHeartbeat {
    Objects.requireNonNull(agentId, "agentId can't be null");
    Objects.requireNonNull(pool, "pool can't be null");
    capabilities =
        capabilities == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new TreeSet<>(capabilities));
    running = running == null ? List.of() : List.copyOf(running);
    counters = counters == null ? AgentCounters.ZERO : counters;
    load = load == null ? HostLoad.UNKNOWN : load;
    status = status == null ? Status.ACTIVE : status;
    weight = weight > 0 ? weight : 1.0;
    if (slots < 0 || freeSlots < 0 || (maxQueued != null && maxQueued < 0)) {
      throw new IllegalArgumentException("slots, freeSlots and maxQueued must be >= 0");
    }
  }
}
