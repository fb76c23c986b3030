package io.yardmaster.worker.assignment;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Which offset of the agent's partition is safe to commit: the lowest offset whose assignment is
 * not finished yet, or just past the last record read when all are. Tasks in different slots finish
 * out of order, so the committed position only moves past an assignment once it and every
 * assignment below it are finished (their final results acknowledged): after a crash, only
 * unfinished assignments (and possibly a few finished ones above them) come back.
 *
 * <p>Thread-safe: the poller marks records read, slots mark them finished.
 */
public final class OffsetTracker {
  private final TreeSet<Long> unfinished = new TreeSet<>();
  private long next = -1;

  /** Starts (or restarts) tracking at the consumer's position. */
  public synchronized void reset(long position) {
    unfinished.clear();
    next = position;
  }

  /** A record was read whose assignment still has to finish. */
  public synchronized void received(long offset) {
    unfinished.add(offset);
    next = Math.max(next, offset + 1);
  }

  /** A record was read that needs no work (another agent's, a bad one, a CANCEL). */
  public synchronized void skipped(long offset) {
    next = Math.max(next, offset + 1);
  }

  public synchronized void finished(long offset) {
    unfinished.remove(offset);
  }

  /** The offset to commit, or empty before the first {@link #reset}. */
  public synchronized OptionalLong committable() {
    if (next < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(unfinished.isEmpty() ? next : unfinished.first());
  }

  public synchronized int unfinishedCount() {
    return unfinished.size();
  }
}
