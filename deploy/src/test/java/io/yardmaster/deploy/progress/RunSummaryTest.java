package io.yardmaster.deploy.progress;

import static io.yardmaster.model.TaskState.ASSIGNED;
import static io.yardmaster.model.TaskState.DEAD_LETTERED;
import static io.yardmaster.model.TaskState.FAILED;
import static io.yardmaster.model.TaskState.READY;
import static io.yardmaster.model.TaskState.RETRY_WAIT;
import static io.yardmaster.model.TaskState.RUNNING;
import static io.yardmaster.model.TaskState.SUBMITTED;
import static io.yardmaster.model.TaskState.SUCCEEDED;
import static io.yardmaster.model.TaskState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Map<String, TaskTimeline> timelines = new HashMap<>();

  /** Records transitions of {@code id}: pairs of (ms after T0, state). */
  private void moves(String id, String pool, Object... msAndState) {
    TaskTimeline t = timelines.computeIfAbsent(id, TaskTimeline::new);
    TaskState from = SUBMITTED;
    for (int i = 0; i < msAndState.length; i += 2) {
      TaskState to = (TaskState) msAndState[i + 1];
      t.add(
          TaskEvent.transition(
              id, from, to, pool, null, 1, null, T0.plusMillis((Integer) msAndState[i])));
      from = to;
    }
  }

  @Test
  void shouldCountStatesRetriesAndTimesWhenTasksRan() {
    // GIVEN a task that ran once, one that failed once then succeeded, and one dead-lettered
    moves("a", "p", 0, READY, 10, ASSIGNED, 20, RUNNING, 120, SUCCEEDED);
    moves(
        "b",
        "p",
        0,
        READY,
        10,
        ASSIGNED,
        30,
        RUNNING,
        80,
        FAILED,
        80,
        RETRY_WAIT,
        580,
        READY,
        590,
        ASSIGNED,
        600,
        RUNNING,
        700,
        SUCCEEDED);
    moves("c", "q", 0, READY, 5, ASSIGNED, 10, RUNNING, 20, FAILED, 20, DEAD_LETTERED);

    // WHEN summarising
    RunSummary summary = RunSummary.of(List.of("a", "b", "c"), timelines, Map.of());

    // THEN states, retries and the pool figures follow from the events
    assertThat(summary.byState()).containsEntry(SUCCEEDED, 2).containsEntry(DEAD_LETTERED, 1);
    assertThat(summary.allSucceeded()).isFalse();
    assertThat(summary.retried()).containsExactly("b");
    RunSummary.PoolLine p = summary.pools().get(0);
    assertThat(p.pool()).isEqualTo("p");
    assertThat(p.succeeded()).isEqualTo(2);
    assertThat(p.waitP50Ms()).isEqualTo(20); // a waited 20 ms, b 30 ms
    assertThat(p.waitP99Ms()).isEqualTo(30);
    assertThat(p.runP99Ms()).isEqualTo(100); // runs of 100, 50 and 100 ms
    assertThat(p.throughputPerSec()).isEqualTo(2 / 0.68); // 2 tasks from 20 ms to 700 ms
    assertThat(summary.pools().get(1).failed()).isEqualTo(1);
    assertThat(summary.dependencies().checked()).isZero();
  }

  @Test
  void shouldReportTheViolationWhenATaskStartedBeforeItsDependencySucceeded() {
    // GIVEN "late" succeeding at 500 ms, "ok" starting after it and "early" starting before it
    moves("dep", "p", 0, READY, 10, RUNNING, 500, SUCCEEDED);
    moves("ok", "p", 0, WAITING, 510, READY, 520, RUNNING, 600, SUCCEEDED);
    moves("early", "p", 0, READY, 100, RUNNING, 200, SUCCEEDED);

    // WHEN checking the dependency order
    DependencyCheck check =
        DependencyCheck.of(
            Map.of("ok", List.of("dep"), "early", List.of("dep"), "dep", List.of()), timelines);

    // THEN only "early" broke it
    assertThat(check.checked()).isEqualTo(2);
    assertThat(check.ok()).isFalse();
    assertThat(check.violations())
        .containsExactly(
            "early started at 2026-01-01T00:00:00.100Z before dep succeeded at"
                + " 2026-01-01T00:00:00.500Z");
  }

  @Test
  void shouldPrintTheLinesATestLooksForWhenAllSucceeded() {
    // GIVEN two tasks in order, one retried
    moves(
        "x",
        "p",
        0,
        READY,
        10,
        RUNNING,
        20,
        FAILED,
        20,
        RETRY_WAIT,
        30,
        READY,
        40,
        RUNNING,
        50,
        SUCCEEDED);
    moves("y", "p", 0, WAITING, 60, READY, 70, RUNNING, 80, SUCCEEDED);

    // WHEN printing the summary
    List<String> lines =
        SummaryPrinter.lines(
            RunSummary.of(List.of("x", "y"), timelines, Map.of("y", List.of("x"))));

    // THEN
    assertThat(lines)
        .contains(
            "tasks by state: 2 SUCCEEDED",
            "retries: 1 (x)",
            "dependency order OK: 1 tasks with dependencies, none started before its dependencies"
                + " succeeded");
  }

  @Test
  void shouldCountATaskWithNoEventAsSubmittedWhenNothingWasSeen() {
    // GIVEN / WHEN
    RunSummary summary = RunSummary.of(List.of("ghost"), timelines, Map.of());

    // THEN
    assertThat(summary.byState()).containsExactly(Map.entry(SUBMITTED, 1));
    assertThat(summary.pools().get(0).pool()).isEqualTo(ProgressBoard.UNROUTED);
  }
}
