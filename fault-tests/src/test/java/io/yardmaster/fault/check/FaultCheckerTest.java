package io.yardmaster.fault.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultCheckerTest {
  private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
  private final FaultChecker checker = new FaultChecker(Duration.ofSeconds(1));

  @Test
  void shouldFindNothingWhenEveryTaskRanOnceAndSucceeded() {
    // GIVEN two tasks, b after a, each assigned, run once and succeeded in order
    List<TaskEvent> events = new ArrayList<>();
    events.addAll(life("a", 0, 1));
    events.addAll(life("b", 2, 1));
    FaultRun run =
        run(
            List.of(SubmittedTask.of("a"), new SubmittedTask("b", List.of("a"), 5)),
            Set.of(),
            List.of(exec("a", 1), exec("b", 1)),
            Map.of("a", view("a", TaskState.SUCCEEDED), "b", view("b", TaskState.SUCCEEDED)),
            events);
    // WHEN checked
    FaultReport report = checker.check(run);
    // THEN it holds, and the row counts the two tasks
    assertThat(report.holds()).as(report.describe()).isTrue();
    assertThat(report.row())
        .startsWith("| test | 2 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3.5 |");
  }

  @Test
  void shouldReportLostStuckTwiceAndOrderWhenTheRunBrokeThem() {
    // GIVEN lost (never on tasks.state), stuck (RUNNING), an attempt run twice, a task completed
    // twice and a task assigned before its dependency succeeded
    List<TaskEvent> events = new ArrayList<>();
    events.addAll(life("dup", 0, 1));
    events.add(at("dup", TaskState.SUCCEEDED, 5));
    events.addAll(life("early", 0, 1));
    events.addAll(life("dep", 3, 1));
    FaultRun run =
        run(
            List.of(
                SubmittedTask.of("lost"),
                SubmittedTask.of("stuck"),
                SubmittedTask.of("dup"),
                SubmittedTask.of("dep"),
                new SubmittedTask("early", List.of("dep"), 5),
                SubmittedTask.of("bad")),
            Set.of("bad"),
            List.of(exec("dup", 1), exec("dup", 1), exec("early", 1)),
            Map.of(
                "stuck", view("stuck", TaskState.RUNNING),
                "dup", view("dup", TaskState.SUCCEEDED),
                "dep", view("dep", TaskState.SUCCEEDED),
                "early", view("early", TaskState.SUCCEEDED)),
            events);
    // WHEN checked
    FaultReport report = checker.check(run);
    // THEN each is named
    assertThat(report.holds()).isFalse();
    assertThat(report.lost()).containsExactly("lost");
    assertThat(report.stuck()).containsExactly("stuck=RUNNING");
    assertThat(report.executedTwice()).containsEntry("dup#1", 2L);
    assertThat(report.completedTwice()).containsEntry("dup", 2L);
    assertThat(report.dependencyViolations()).containsExactly("early before dep");
    assertThat(report.rejected()).isEqualTo(1);
  }

  @Test
  void shouldReportInversionWhenLowLevelIsAssignedWhileHighLevelWaitedPastTheSlack() {
    // GIVEN high ready at 0 s and assigned at 10 s; low ready at 0 s and assigned at 5 s; fair
    // ready at 4.5 s and assigned at 5 s (within the slack of high being ready: fine)
    List<TaskEvent> events =
        List.of(
            at("high", TaskState.READY, 0),
            at("low", TaskState.READY, 0),
            at("low", TaskState.ASSIGNED, 5),
            at("high", TaskState.ASSIGNED, 10));
    FaultRun run =
        run(
            List.of(
                new SubmittedTask("high", List.of(), 9), new SubmittedTask("low", List.of(), 1)),
            Set.of(),
            List.of(),
            Map.of(),
            events);
    // WHEN checked
    FaultReport report = checker.check(run);
    // THEN low over high is an inversion
    assertThat(report.priorityInversions()).containsExactly("low (level 1) over high");
  }

  @Test
  void shouldCountStaleResults() {
    List<TaskEvent> events = new ArrayList<>(life("a", 0, 2));
    events.add(TaskEvent.note("a", EventType.STALE_RESULT, "p", "lease l1", T0));
    FaultReport report =
        checker.check(
            run(
                List.of(SubmittedTask.of("a")),
                Set.of(),
                List.of(exec("a", 1), exec("a", 2)),
                Map.of("a", view("a", TaskState.SUCCEEDED)),
                events));
    assertThat(report.staleResults()).isEqualTo(1);
    assertThat(report.holds()).isTrue();
  }

  @Test
  void shouldNotAllowNullRun() {
    assertThatThrownBy(() -> checker.check(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("run can't be null");
  }

  private static FaultRun run(
      List<SubmittedTask> submitted,
      Set<String> rejected,
      List<Execution> executions,
      Map<String, TaskView> views,
      List<TaskEvent> events) {
    return new FaultRun(
        "test",
        submitted,
        rejected,
        executions,
        new HashMap<>(views),
        events,
        1,
        Duration.ofMillis(3500));
  }

  private static List<TaskEvent> life(String id, int startSecond, int attempt) {
    return List.of(
        at(id, TaskState.READY, startSecond),
        at(id, TaskState.ASSIGNED, startSecond),
        new TaskEvent(
            id,
            EventType.TRANSITION,
            TaskState.RUNNING,
            TaskState.SUCCEEDED,
            "p",
            "agent",
            attempt,
            null,
            T0.plusSeconds(startSecond + 1)));
  }

  private static TaskEvent at(String id, TaskState to, double second) {
    return TaskEvent.transition(
        id, null, to, "p", "agent", 1, null, T0.plusMillis((long) (second * 1000)));
  }

  private static Execution exec(String id, int attempt) {
    return new Execution(id, attempt, "agent", "SUCCEEDED");
  }

  private static TaskView view(String id, TaskState state) {
    return new TaskView(
        id, state, "p", "sleep", "agent", 1, null, null, List.of(), T0, T0, T0, T0, T0, null,
        false);
  }
}
