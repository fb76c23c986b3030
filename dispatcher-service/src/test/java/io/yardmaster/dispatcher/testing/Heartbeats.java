package io.yardmaster.dispatcher.testing;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.HostLoad;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Heartbeats for tests: an agent with every slot free, on an idle host, in no particular place. */
public final class Heartbeats {
  private Heartbeats() {}

  public static AgentHeartbeat of(
      String agentId,
      String pool,
      Set<String> capabilities,
      int slots,
      long intervalMs,
      AgentHeartbeat.Status status,
      long sentAtMs) {
    return of(agentId, pool, capabilities, slots, intervalMs, status, sentAtMs, null);
  }

  /** The same, from an agent that says how many assignments it queues beyond its slots. */
  public static AgentHeartbeat of(
      String agentId,
      String pool,
      Set<String> capabilities,
      int slots,
      long intervalMs,
      AgentHeartbeat.Status status,
      long sentAtMs,
      Integer maxQueued) {
    return new AgentHeartbeat(
        agentId,
        pool,
        capabilities,
        slots,
        slots,
        List.of(),
        null,
        null,
        "test",
        1.0,
        AgentCounters.ZERO,
        HostLoad.UNKNOWN,
        intervalMs,
        status,
        Instant.ofEpochMilli(sentAtMs),
        maxQueued);
  }
}
