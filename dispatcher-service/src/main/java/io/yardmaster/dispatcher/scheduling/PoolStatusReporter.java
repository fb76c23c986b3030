package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.PoolStatus;
import java.time.Instant;
import java.util.List;

/** Builds a pool's status from its scheduler, with the throughput since the last report. */
public final class PoolStatusReporter {
  private long lastMs = -1;
  private long lastDone;
  private double throughput;

  /** Tasks finished per second between the last two reports. */
  public double throughput() {
    return throughput;
  }

  public PoolStatus report(PoolScheduler s, long nowMs) {
    PoolCounters c = s.counters();
    long done = c.succeeded() + c.failedAttempts();
    if (lastMs >= 0 && nowMs > lastMs) {
      throughput = (done - lastDone) * 1000.0 / (nowMs - lastMs);
    }
    lastMs = nowMs;
    lastDone = done;
    int agents = 0;
    int slots = 0;
    int running = 0;
    double load = 0;
    java.util.Set<List<String>> offers =
        new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
    for (AgentState a : s.agents().all()) {
      if (a.heartbeat() == null) {
        continue;
      }
      offers.add(List.copyOf(new java.util.TreeSet<>(a.heartbeat().capabilities())));
      agents++;
      slots += a.slots();
      running += a.inFlight();
      load += a.heartbeat().load().cpu();
    }
    return new PoolStatus(
        s.pool(),
        agents,
        agents,
        slots,
        Math.max(0, slots - running),
        s.ready().size(),
        running,
        s.retryWaiting(),
        c.succeeded(),
        c.failedAttempts(),
        c.deadLettered(),
        c.lateFinished(),
        throughput,
        c.meanWaitMs(),
        agents == 0 ? 0 : load / agents,
        agents,
        s.paused(),
        Instant.ofEpochMilli(nowMs),
        List.copyOf(offers));
  }
}
