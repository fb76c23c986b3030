package io.yardmaster.worker.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  @Test
  void shouldCommitOnlyUpToLowestUnfinishedWhenTasksFinishOutOfOrder() {
    // GIVEN assignments at offsets 10, 11, 12
    OffsetTracker tracker = new OffsetTracker();
    tracker.reset(10);
    tracker.received(10);
    tracker.received(11);
    tracker.received(12);
    // WHEN 12 and 11 finish first THEN nothing past 10 is committable
    tracker.finished(12);
    tracker.finished(11);
    assertThat(tracker.committable()).hasValue(10);
    // WHEN 10 finishes THEN everything read is committable
    tracker.finished(10);
    assertThat(tracker.committable()).hasValue(13);
    assertThat(tracker.unfinishedCount()).isZero();
  }

  @Test
  void shouldMovePastSkippedRecordsWhenNothingIsUnfinished() {
    // GIVEN a record for another agent and a CANCEL
    OffsetTracker tracker = new OffsetTracker();
    tracker.reset(0);
    tracker.skipped(0);
    tracker.received(1);
    tracker.skipped(2);
    // THEN the skipped ones never hold the position back
    assertThat(tracker.committable()).hasValue(1);
    tracker.finished(1);
    assertThat(tracker.committable()).hasValue(3);
  }

  @Test
  void shouldHaveNothingToCommitWhenNotStarted() {
    assertThat(new OffsetTracker().committable()).isEmpty();
  }

  @Test
  void shouldCommitStartPositionWhenNothingWasRead() {
    OffsetTracker tracker = new OffsetTracker();
    tracker.reset(42);
    assertThat(tracker.committable()).hasValue(42);
  }
}
