package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class DeadlineSchedulingTest {
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineSchedulingTest.class);
  // 10 s into a minute, so that one aging quantum ends in the middle of a 30 s workload
  private static final long NOW = Instant.parse("2026-12-04T12:00:10Z").toEpochMilli();

  private static PriorityScorer scorer(Duration horizon) {
    return new PriorityScorer(ScoringOptions.DEFAULTS.withUrgencyHorizon(horizon));
  }

  private static Priority due(int level, long inMs) {
    return Priority.of(level).withDeadline(Instant.ofEpochMilli(NOW + inMs));
  }

  @Test
  void shouldKeepTheOriginalHourScaleFormulaByDefault() {
    // GIVEN the default scorer (urgency 1 until 5 h before, then 5 / hours left, 10 overdue)
    PriorityScorer s = new PriorityScorer(ScoringOptions.DEFAULTS);
    long hour = Duration.ofHours(1).toMillis();
    // THEN
    assertThat(s.urgency(NOW + 6 * hour, NOW)).isEqualTo(1.0);
    assertThat(s.urgency(NOW + 5 * hour, NOW)).isEqualTo(1.0);
    assertThat(s.urgency(NOW + 2 * hour + hour / 2, NOW)).isEqualTo(2.0);
    assertThat(s.urgency(NOW + hour, NOW)).isEqualTo(5.0);
    assertThat(s.urgency(NOW + hour / 2, NOW)).isEqualTo(5.0);
    assertThat(s.urgency(NOW - 1, NOW)).isEqualTo(10.0);
    // AND a deadline 2 s away cannot be told from one 50 minutes away: both are at the cap
    assertThat(s.urgency(NOW + 2_000, NOW)).isEqualTo(s.urgency(NOW + 50 * 60_000, NOW));
  }

  @Test
  void shouldTellSecondsApartWithASecondsHorizon() {
    // GIVEN an interactive pool's horizon of 10 s
    PriorityScorer s = scorer(Duration.ofSeconds(10));
    // THEN urgency grows over the last 10 s: 1.25 at 8 s, 2.5 at 4 s, 5 from 2 s on
    assertThat(s.urgency(NOW + 20_000, NOW)).isEqualTo(1.0);
    assertThat(s.urgency(NOW + 8_000, NOW)).isEqualTo(1.25);
    assertThat(s.urgency(NOW + 4_000, NOW)).isEqualTo(2.5);
    assertThat(s.urgency(NOW + 2_000, NOW)).isEqualTo(5.0);
    // AND a level-5 task due in 4 s (12.5) beats a level-10 task with no deadline (10)
    assertThat(s.score(due(5, 4_000), NOW, NOW)).isGreaterThan(s.score(Priority.of(10), NOW, NOW));
    // AND due in 4 s scores above due in 8 s, which the hour-scale default cannot tell apart
    // from due in 50 minutes
    assertThat(s.score(due(5, 4_000), NOW, NOW)).isGreaterThan(s.score(due(5, 8_000), NOW, NOW));
    PriorityScorer hours = new PriorityScorer(ScoringOptions.DEFAULTS);
    assertThat(hours.score(due(5, 4_000), NOW, NOW))
        .isEqualTo(hours.score(due(5, 50 * 60_000), NOW, NOW));
  }

  @Test
  void shouldTellMinutesApartWithAMinutesHorizon() {
    // GIVEN a horizon of 10 minutes
    PriorityScorer s = scorer(Duration.ofMinutes(10));
    long minute = 60_000;
    // THEN deadlines 20, 5 and 2.5 minutes away have urgency 1, 2 and 4
    assertThat(s.urgency(NOW + 20 * minute, NOW)).isEqualTo(1.0);
    assertThat(s.urgency(NOW + 5 * minute, NOW)).isEqualTo(2.0);
    assertThat(s.urgency(NOW + 5 * minute / 2, NOW)).isEqualTo(4.0);
    // AND the queue takes them nearest deadline first
    ReadyQueue q = new ReadyQueue(s);
    q.add("in-20m", Requirement.NONE, due(5, 20 * minute), NOW, 0, NOW);
    q.add("in-5m", Requirement.NONE, due(5, 5 * minute), NOW + 1, 1, NOW);
    q.add("in-150s", Requirement.NONE, due(5, 5 * minute / 2), NOW + 2, 2, NOW);
    assertThat(drain(q, NOW)).containsExactly("in-150s", "in-5m", "in-20m");
  }

  @Test
  void shouldRunDeadlineWorkInDeadlineOrderWithinALevelEvenAtTheUrgencyCap() {
    // GIVEN a 10 s horizon, and 40 level-5 tasks all due within 2 s (urgency capped at 5),
    // queued one every 5 ms in the reverse of their deadline order
    PriorityScorer s = scorer(Duration.ofSeconds(10));
    ReadyQueue q = new ReadyQueue(s);
    for (int i = 0; i < 40; i++) {
      q.add(
          String.format("t%02d", 39 - i),
          Requirement.NONE,
          due(5, 2_000 - 40 * i),
          NOW + 5 * i,
          i,
          NOW + 200);
    }
    // WHEN they are picked
    List<String> order = drain(q, NOW + 200);
    // THEN earliest deadline first, not first come first served
    assertThat(order).isSorted();
  }

  @Test
  void shouldServeFirstComeFirstWhenAgingIsContinuous() {
    // GIVEN the same tasks, with an aging quantum of 1 ms (aging counted from each arrival)
    PriorityScorer s =
        new PriorityScorer(
            new ScoringOptions(Duration.ofSeconds(10), 1.0, 0.01, Duration.ofMillis(1)));
    ReadyQueue q = new ReadyQueue(s);
    for (int i = 0; i < 40; i++) {
      q.add(
          String.format("t%02d", 39 - i),
          Requirement.NONE,
          due(5, 2_000 - 40 * i),
          NOW + 5 * i,
          i,
          NOW + 200);
    }
    // THEN arrival order wins the near-ties: the quantum is what makes them deadline-ordered
    assertThat(drain(q, NOW + 200)).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void shouldStillLetBusinessValueAndLevelCount() {
    // GIVEN a 10 s horizon: a level-5 task due in 2 s (25), and a value-2 one due in 3 s (33.3)
    ReadyQueue q = new ReadyQueue(scorer(Duration.ofSeconds(10)));
    q.add("urgent", Requirement.NONE, due(5, 2_000), NOW, 0, NOW);
    q.add("valuable", Requirement.NONE, due(5, 3_000).withBusinessValue(2), NOW, 1, NOW);
    q.add("high-level", Requirement.NONE, Priority.of(10), NOW, 2, NOW);
    // THEN value counts first, then the deadline, then level 10 with no deadline (10)
    assertThat(drain(q, NOW)).containsExactly("valuable", "urgent", "high-level");
  }

  @Test
  void shouldLetAgingLiftOldWorkWithoutDeadlinesAboveNewDeadlineWork() {
    // GIVEN a level-1 task with no deadline queued 30 minutes ago, and a fresh level-5 task due
    // in 20 s with a 10 s horizon (urgency 1: score 5)
    long now = NOW + Duration.ofMinutes(30).toMillis();
    ReadyQueue q = new ReadyQueue(scorer(Duration.ofSeconds(10)));
    q.add("old", Requirement.NONE, Priority.of(1), NOW, 0, now);
    q.add(
        "fresh",
        Requirement.NONE,
        Priority.of(5).withDeadline(Instant.ofEpochMilli(now + 20_000)),
        now,
        1,
        now);
    // THEN the old task (1 + 30 minutes of aging = 31) goes first: nothing starves
    assertThat(drain(q, now)).containsExactly("old", "fresh");
  }

  @Test
  void shouldMissDeadlinesAboutAsRarelyAsIdealEarliestDeadlineFirstUnderOverload() {
    Map<String, DeadlineWorkload.Misses> m = overload(1.1);
    // THEN it misses within 2 points of ideal EDF, and far fewer than FIFO
    assertThat(m.get("ours").overall()).isLessThanOrEqualTo(m.get("edf").overall() + 0.02);
    assertThat(m.get("yielding").overall()).isLessThanOrEqualTo(m.get("edf").overall() + 0.02);
    assertThat(m.get("ours").overall()).isLessThan(m.get("fifo").overall() / 2);
  }

  @Test
  void shouldKeepMoreValuableTasksOnTimeThanEarliestDeadlineFirstWhenMissesCannotBeAvoided() {
    // GIVEN 130 %: EDF itself misses most of its deadlines, much like FIFO
    Map<String, DeadlineWorkload.Misses> m = overload(1.3);
    // THEN business value decides which tasks miss: fewer valuable ones than under EDF
    assertThat(m.get("ours").valuable()).isLessThan(m.get("edf").valuable());
    // AND when overdue tasks give way (overdue urgency 1), the pool misses far fewer deadlines
    // than EDF, which runs the tasks that have already missed theirs first
    assertThat(m.get("yielding").overall()).isLessThan(m.get("edf").overall() / 2);
    assertThat(m.get("yielding").valuable()).isLessThan(0.01);
  }

  private static Map<String, DeadlineWorkload.Misses> overload(double load) {
    // GIVEN 4 slots offered more than their capacity for 30 s: Poisson arrivals of 20 ms tasks,
    // each due 0.5–10 s after it arrives, 30 % of them of business value 2 (fixed seed); the
    // run starts 20 s before an aging quantum ends
    long start = NOW + 30_000;
    DeadlineWorkload w = new DeadlineWorkload(42, start, 4, 20, load, 30_000, 500, 10_000, 0.3);
    ScoringOptions tenSeconds = ScoringOptions.DEFAULTS.withUrgencyHorizon(Duration.ofSeconds(10));
    SchedulerOptions options =
        SchedulerOptions.DEFAULTS.withWorkAheadCap(0).withScoring(tenSeconds);
    // WHEN the pool's scheduler runs them, and ideal EDF and FIFO servers run the same arrivals
    DeadlineWorkload.Misses ours = w.misses(w.runScheduler(options));
    DeadlineWorkload.Misses yielding =
        w.misses(w.runScheduler(options.withScoring(tenSeconds.withOverdueUrgency(1))));
    DeadlineWorkload.Misses edf = w.misses(w.runIdeal(DeadlineWorkload.EDF));
    DeadlineWorkload.Misses fifo = w.misses(w.runIdeal(DeadlineWorkload.FIFO));
    DeadlineWorkload.Misses hourScale =
        w.misses(w.runScheduler(options.withScoring(ScoringOptions.DEFAULTS)));
    LOG.info(
        "deadline misses of {} tasks at {} of capacity: scheduler (10 s horizon) {}; with overdue"
            + " urgency 1 {}; ideal EDF {}; FIFO {}; scheduler with the 5 h default horizon {}",
        w.arrivals.size(),
        load,
        ours,
        yielding,
        edf,
        fifo,
        hourScale);
    return Map.of("ours", ours, "yielding", yielding, "edf", edf, "fifo", fifo);
  }

  private static List<String> drain(ReadyQueue q, long nowMs) {
    q.refresh(nowMs);
    List<String> order = new ArrayList<>();
    while (!q.isEmpty()) {
      String id = q.best(r -> true).orElseThrow().taskId();
      order.add(id);
      q.remove(id);
    }
    return order;
  }
}
