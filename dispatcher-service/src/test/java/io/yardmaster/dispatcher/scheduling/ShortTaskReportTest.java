package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A short task's agent reports only its result (no STARTED), and a task that moves several times in
 * one step writes one view: the audit log still tells every move.
 */
class ShortTaskReportTest {
  private static List<TaskState> transitions(DispatcherHarness h, String taskId) {
    return h.events().stream()
        .filter(e -> e.taskId().equals(taskId) && e.type() == EventType.TRANSITION)
        .map(TaskEvent::to)
        .toList();
  }

  @Test
  void shouldRecordTheRunOfATaskWhoseResultCameWithoutStarted() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("main"))) {
      // GIVEN a task assigned to an agent
      h.heartbeat("main", "a1", 1, Set.of());
      h.submit(TaskSubmission.of("t", "noop"));
      Assignment a = h.newAssignments("main").get(0);
      h.newViews();
      // WHEN the agent reports SUCCEEDED with no STARTED before it
      h.advance(Duration.ofMillis(30));
      h.succeeded(a);
      // THEN the task ran and succeeded, in its events and in its one new view
      assertThat(transitions(h, "t"))
          .containsSubsequence(TaskState.ASSIGNED, TaskState.RUNNING, TaskState.SUCCEEDED);
      List<TaskView> views = h.newViews();
      assertThat(views).extracting(TaskView::state).containsExactly(TaskState.SUCCEEDED);
      assertThat(views.get(0).startedAt()).isNotNull();
      // AND the agent is free for the next task
      h.submit(TaskSubmission.of("t2", "noop"));
      assertThat(h.newAssignments("main")).extracting(Assignment::taskId).containsExactly("t2");
    }
  }

  @Test
  void shouldWriteOneViewForATaskQueuedAndAssignedInOneStep() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("main"))) {
      // GIVEN an agent with a free slot
      h.heartbeat("main", "a1", 1, Set.of());
      // WHEN a task arrives
      h.submit(TaskSubmission.of("t", "noop"));
      // THEN it became READY then ASSIGNED, and tasks.state got the ASSIGNED view alone
      assertThat(transitions(h, "t")).containsSubsequence(TaskState.READY, TaskState.ASSIGNED);
      assertThat(h.newViews()).extracting(TaskView::state).containsExactly(TaskState.ASSIGNED);
    }
  }

  @Test
  void shouldWriteTheRetryWaitViewOnlyWhenAFailureIsRetried() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("main"))) {
      // GIVEN a running task with retries left
      h.heartbeat("main", "a1", 1, Set.of());
      h.submit(TaskSubmission.of("t", "noop").withRetries(1, Duration.ofSeconds(1)));
      Assignment a = h.newAssignments("main").get(0);
      h.started(a);
      h.newViews();
      // WHEN it fails
      h.result(a, TaskResult.Status.FAILED, io.yardmaster.model.TaskError.of("x", "boom"));
      // THEN FAILED and RETRY_WAIT are both events, and the view says RETRY_WAIT
      assertThat(transitions(h, "t")).containsSubsequence(TaskState.FAILED, TaskState.RETRY_WAIT);
      assertThat(h.newViews()).extracting(TaskView::state).containsExactly(TaskState.RETRY_WAIT);
    }
  }
}
