package io.yardmaster.deploy.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.TaskState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @Test
  void shouldCountTasksPerPoolAndBucketWhenStatesChange() {
    // GIVEN a board with tasks in several states, one whose pool comes late
    ProgressBoard board = new ProgressBoard();
    board.update("a", "p", TaskState.RUNNING);
    board.update("b", "p", TaskState.SUCCEEDED);
    board.update("c", "q", TaskState.RETRY_WAIT);
    board.update("d", null, TaskState.SUBMITTED);
    board.update("d", "q", TaskState.DEAD_LETTERED);
    board.update("e", "q", TaskState.READY);

    // WHEN / THEN
    assertThat(board.pools())
        .containsExactly(new PoolCounts("p", 0, 1, 1, 0), new PoolCounts("q", 2, 0, 0, 1));
    assertThat(board.allTerminal(List.of("b", "d"))).isTrue();
    assertThat(board.allTerminal(List.of("b", "c"))).isFalse();
    assertThat(board.allTerminal(List.of("unknown"))).isFalse();
  }

  @Test
  void shouldDrawDoneRunningAndQueuedWhenMakingABar() {
    // GIVEN 10 tasks: 5 done, 1 failed, 2 running, 2 queued
    PoolCounts counts = new PoolCounts("gpu", 2, 2, 5, 1);

    // WHEN / THEN
    assertThat(ProgressView.bar(counts, 5, 10))
        .isEqualTo("gpu   [######>>..]   6/10   queued 2  running 2  done 5  failed 1");
  }

  @Test
  void shouldPrintPlainLinesAtMostOncePerIntervalWhenNotATerminal() {
    // GIVEN a plain view printing every 2 s, on a clock we move by hand
    MutableClock clock = new MutableClock();
    ProgressView view = ProgressView.choose(false, out, Duration.ofSeconds(2), clock);
    List<PoolCounts> first = List.of(new PoolCounts("p", 1, 0, 0, 0));
    List<PoolCounts> second = List.of(new PoolCounts("p", 0, 0, 1, 0));

    // WHEN showing twice within the interval, then finishing
    view.show(first, "one");
    view.show(second, "two");
    String beforeFinish = text.toString();
    view.finish();

    // THEN the second state waits for the interval, but finish prints it
    assertThat(beforeFinish).contains("[progress] one").doesNotContain("two");
    assertThat(text.toString()).contains("[progress] two").doesNotContain("\u001b[");

    // AND an unchanged state is not printed again
    clock.advance(Duration.ofSeconds(5));
    int length = text.toString().length();
    view.show(second, "two");
    assertThat(text.toString()).hasSize(length);
  }

  @Test
  void shouldRedrawInPlaceWhenATerminal() {
    // GIVEN an in-place view
    ProgressView view = ProgressView.choose(true, out, Duration.ofSeconds(2), new MutableClock());

    // WHEN drawing twice
    view.show(List.of(new PoolCounts("p", 1, 0, 0, 0)), "one");
    view.show(List.of(new PoolCounts("p", 0, 0, 1, 0)), "two");

    // THEN the second frame moves the cursor up over the two lines of the first
    assertThat(text.toString()).contains("\u001b[2F").contains("\u001b[2K" + "two");
  }

  /** A clock moved by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
