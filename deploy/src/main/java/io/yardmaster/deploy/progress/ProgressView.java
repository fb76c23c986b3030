package io.yardmaster.deploy.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Shows the progress of each pool: redrawn in place on a terminal, or as periodic plain lines. */
public interface ProgressView {
  /** Shows the latest counts; {@code status} is a one-line headline. */
  void show(List<PoolCounts> pools, String status);

  /** Leaves the view so that normal output can follow. */
  void finish();

  /** An in-place view when {@code terminal}, else plain lines at most every {@code every}. */
  static ProgressView choose(boolean terminal, PrintWriter out, Duration every, Clock clock) {
    return terminal
        ? new AnsiProgressView(out, terminalWidth())
        : new PlainProgressView(out, every, clock);
  }

  /** Whether stdout is a terminal that understands ANSI escapes. */
  static boolean stdoutIsTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.equals("dumb");
  }

  private static int terminalWidth() {
    try {
      return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  /** {@code name [#####>>>.....] 12/25 queued 8 running 5 done 12 failed 0}. */
  static String bar(PoolCounts c, int nameWidth, int barWidth) {
    int total = Math.max(1, c.total());
    int done = c.finished() * barWidth / total;
    int running = Math.min(barWidth - done, (c.running() * barWidth + total - 1) / total);
    String bar = "#".repeat(done) + ">".repeat(running) + ".".repeat(barWidth - done - running);
    return String.format(
        Locale.ROOT,
        "%-" + nameWidth + "s [%s] %3d/%-3d  queued %d  running %d  done %d  failed %d",
        c.pool(),
        bar,
        c.finished(),
        c.total(),
        c.queued(),
        c.running(),
        c.done(),
        c.failed());
  }

  static int nameWidth(List<PoolCounts> pools) {
    return pools.stream().mapToInt(p -> p.pool().length()).max().orElse(4);
  }
}
