package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.Priority;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadyQueueTest {
  private static final long NOW = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

  @Test
  void shouldNotKeepUrgencyTimersOfTasksThatLeftWhenTheirDeadlinesAreFarAway() {
    // GIVEN a queue, and tasks due in a week (their first urgency step is days away)
    ReadyQueue queue = new ReadyQueue(new PriorityScorer(ScoringOptions.DEFAULTS));
    Priority dueInAWeek =
        Priority.of(5).withDeadline(Instant.ofEpochMilli(NOW).plus(Duration.ofDays(7)));
    // WHEN 100,000 of them pass through the queue (queued, then assigned) within the hour
    for (int i = 0; i < 100_000; i++) {
      queue.add("t" + i, Requirement.NONE, dueInAWeek, NOW, i, NOW);
      queue.add("t" + i, Requirement.NONE, dueInAWeek.withBusinessValue(2), NOW, i, NOW);
      queue.remove("t" + i);
    }
    // THEN the queue is empty and holds no more than a bounded number of their timers
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.pendingTimers()).isLessThanOrEqualTo(64);
  }

  @Test
  void shouldStillReorderALiveTaskWhenTimersOfOthersWereDropped() {
    // GIVEN a level-2 task due in 4 hours (urgency 1.25), queued behind many tasks that came and
    // went
    ReadyQueue queue = new ReadyQueue(new PriorityScorer(ScoringOptions.DEFAULTS));
    Instant start = Instant.ofEpochMilli(NOW);
    queue.add(
        "due",
        Requirement.NONE,
        Priority.of(2).withDeadline(start.plus(Duration.ofHours(4))),
        NOW,
        0,
        NOW);
    for (int i = 1; i <= 1_000; i++) {
      queue.add(
          "t" + i,
          Requirement.NONE,
          Priority.of(2).withDeadline(start.plus(Duration.ofDays(1))),
          NOW,
          i,
          NOW);
      queue.remove("t" + i);
    }
    queue.add("steady", Requirement.NONE, Priority.of(4), NOW, 2_000, NOW);
    assertThat(queue.best(r -> true).orElseThrow().taskId()).isEqualTo("steady");
    // WHEN time passes until the due task is 30 minutes from its deadline (score 2 × 5 > 4)
    long later = NOW + Duration.ofMinutes(210).toMillis();
    queue.refresh(later);
    // THEN its timer still fired: it goes first
    assertThat(queue.best(r -> true).orElseThrow().taskId()).isEqualTo("due");
  }
}
