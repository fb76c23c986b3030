package io.yardmaster.deploy.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prints the progress as plain lines (for logs and pipes): the headline and one line per pool, at
 * most once per interval and only when something changed.
 */
final class PlainProgressView implements ProgressView {
  private static final int BAR_WIDTH = 20;

  private final PrintWriter out;
  private final Duration every;
  private final Clock clock;
  private Instant lastPrinted;
  private List<PoolCounts> lastShown;
  private List<PoolCounts> pending;
  private String pendingStatus;

  PlainProgressView(PrintWriter out, Duration every, Clock clock) {
    this.out = out;
    this.every = every;
    this.clock = clock;
  }

  @Override
  public void show(List<PoolCounts> pools, String status) {
    pending = pools;
    pendingStatus = status;
    Instant now = clock.instant();
    if (lastPrinted == null || !now.isBefore(lastPrinted.plus(every))) {
      printPending(now);
    }
  }

  private void printPending(Instant now) {
    if (pending == null || pending.equals(lastShown)) {
      return;
    }
    int nameWidth = ProgressView.nameWidth(pending);
    out.println("[progress] " + pendingStatus);
    pending.forEach(p -> out.println("[progress]   " + ProgressView.bar(p, nameWidth, BAR_WIDTH)));
    out.flush();
    lastShown = pending;
    lastPrinted = now;
  }

  @Override
  public void finish() {
    printPending(clock.instant());
  }
}
