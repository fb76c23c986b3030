package io.yardmaster.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pool's figures on {@code pools.status} (compacted; key: the pool).
 *
 * <p>{@code desiredAgents} is the pool's scaling policy's wish (its agent count when it has no
 * policy); {@code agentCapabilities} lists the distinct capability sets its live agents offer, so
 * another pool can tell which of its queued tasks this one could serve.
 */
public record PoolStatus(
    String pool,
    int agents,
    int healthyAgents,
    int slots,
    int freeSlots,
    long queued,
    long running,
    long retryWaiting,
    long succeeded,
    long failed,
    long deadLettered,
    long lateFinished,
    double throughputPerSec,
    double avgWaitMs,
    double avgLoad,
    int desiredAgents,
    boolean paused,
    Instant updatedAt,
    List<List<String>> agentCapabilities) {

  public PoolStatus {
    Objects.requireNonNull(pool, "pool can't be null");
    agentCapabilities =
        agentCapabilities == null
            ? List.of()
            : agentCapabilities.stream().map(List::copyOf).toList();
  }

  /** A status without agents' capabilities. */
  public PoolStatus(
      String pool,
      int agents,
      int healthyAgents,
      int slots,
      int freeSlots,
      long queued,
      long running,
      long retryWaiting,
      long succeeded,
      long failed,
      long deadLettered,
      long lateFinished,
      double throughputPerSec,
      double avgWaitMs,
      double avgLoad,
      int desiredAgents,
      boolean paused,
      Instant updatedAt) {
    this(
        pool,
        agents,
        healthyAgents,
        slots,
        freeSlots,
        queued,
        running,
        retryWaiting,
        succeeded,
        failed,
        deadLettered,
        lateFinished,
        throughputPerSec,
        avgWaitMs,
        avgLoad,
        desiredAgents,
        paused,
        updatedAt,
        List.of());
  }

  public PoolStatus withDesiredAgents(int desired) {
    return new PoolStatus(
        pool,
        agents,
        healthyAgents,
        slots,
        freeSlots,
        queued,
        running,
        retryWaiting,
        succeeded,
        failed,
        deadLettered,
        lateFinished,
        throughputPerSec,
        avgWaitMs,
        avgLoad,
        desired,
        paused,
        updatedAt,
        agentCapabilities);
  }

  /** Queued tasks per live agent; infinite when tasks queue and no agent is there. */
  public double queuedPerAgent() {
    if (agents > 0) {
      return (double) queued / agents;
    }
    return queued > 0 ? Double.POSITIVE_INFINITY : 0;
  }

  /** Whether one of its live agents offers every one of these capabilities. */
  public boolean offers(java.util.Collection<String> capabilities) {
    return agentCapabilities.stream().anyMatch(set -> set.containsAll(capabilities));
  }
}
