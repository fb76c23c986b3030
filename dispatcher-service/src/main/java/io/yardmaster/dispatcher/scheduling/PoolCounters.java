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
  long movedOut;
  long movedIn;

  /** Queued tasks moved to other pools. */
  public long movedOut() {
    return movedOut;
  }

  /** Queued tasks other pools moved here. */
  public long movedIn() {
    return movedIn;
  }

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

  /** Total wait of assigned tasks between ready and assigned, in milliseconds. */
  public double waitMsTotal() {
    return waitMsTotal;
  }

  /** Assignments counted in {@link #waitMsTotal}. */
  public long waits() {
    return waits;
  }

  public double meanWaitMs() {
    return waits == 0 ? 0 : waitMsTotal / waits;
  }
}
