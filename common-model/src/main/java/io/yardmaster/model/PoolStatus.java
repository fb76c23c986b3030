package io.yardmaster.model;

import java.time.Instant;
import java.util.Objects;

/** A pool's figures on {@code pools.status} (compacted; key: the pool). */
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
    Instant updatedAt) {

  public PoolStatus {
    Objects.requireNonNull(pool, "pool can't be null");
  }
}
