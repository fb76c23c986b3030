package io.yardmaster.dispatcher.scheduling;

/** Running totals of one pool's scheduler since it started. */
public final class PoolCounters {
  long assigned;
  long succeeded;
  long failedAttempts;
  long deadLettered;
  long cancelled;
  long staleResults;
  long lateFinished;
  long expired;
  double waitMsTotal;
  long waits;

  public long assigned() {
    return assigned;
  }

  public long succeeded() {
    return succeeded;
  }

  public long failedAttempts() {
    return failedAttempts;
  }

  public long deadLettered() {
    return deadLettered;
  }

  public long cancelled() {
    return cancelled;
  }

  public long staleResults() {
    return staleResults;
  }

  /** Tasks dropped as EXPIRED: their deadline passed before they started. */
  public long expired() {
    return expired;
  }

  public long lateFinished() {
    return lateFinished;
  }

  public double meanWaitMs() {
    return waits == 0 ? 0 : waitMsTotal / waits;
  }
}
