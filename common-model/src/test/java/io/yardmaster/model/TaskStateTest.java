package io.yardmaster.model;

import static io.yardmaster.model.TaskState.ASSIGNED;
import static io.yardmaster.model.TaskState.CANCELLED;
import static io.yardmaster.model.TaskState.DEAD_LETTERED;
import static io.yardmaster.model.TaskState.FAILED;
import static io.yardmaster.model.TaskState.READY;
import static io.yardmaster.model.TaskState.RETRY_WAIT;
import static io.yardmaster.model.TaskState.RUNNING;
import static io.yardmaster.model.TaskState.SUBMITTED;
import static io.yardmaster.model.TaskState.SUCCEEDED;
import static io.yardmaster.model.TaskState.UPSTREAM_FAILED;
import static io.yardmaster.model.TaskState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskStateTest {

  @ParameterizedTest
  @EnumSource(
      value = TaskState.class,
      names = {"SUCCEEDED", "CANCELLED", "UNSCHEDULABLE", "REJECTED", "EXPIRED"})
  void shouldHaveNoSuccessorWhenStateIsTerminal(TaskState state) {
    // GIVEN a terminal state that no operator action can undo
    // WHEN its successors are asked for
    // THEN there are none, and it is terminal
    assertThat(state.isTerminal()).isTrue();
    assertThat(state.successors()).isEmpty();
    Arrays.stream(TaskState.values()).forEach(next -> assertThat(state.canMoveTo(next)).isFalse());
  }

  @Test
  void shouldOnlyAllowReplayWhenDeadLettered() {
    // GIVEN the dead-lettered state
    // WHEN its successors are asked for
    // THEN READY (a replay from the DLQ) is the only one
    assertThat(DEAD_LETTERED.isTerminal()).isTrue();
    assertThat(DEAD_LETTERED.successors()).containsExactly(READY);
  }

  @Test
  void shouldOnlyAllowRevivalWhenUpstreamFailed() {
    // GIVEN a task whose dependency failed for good
    // WHEN its successors are asked for
    // THEN it can only come back (its dependency was replayed and succeeded), never run directly
    assertThat(UPSTREAM_FAILED.isTerminal()).isTrue();
    assertThat(UPSTREAM_FAILED.successors()).containsExactlyInAnyOrder(WAITING, READY);
    assertThat(UPSTREAM_FAILED.canMoveTo(ASSIGNED)).isFalse();
  }

  @Test
  void shouldListExactlyTheDocumentedTerminalStatesWhenAsked() {
    // GIVEN every state / WHEN the terminal ones are picked
    Set<TaskState> terminal = EnumSet.noneOf(TaskState.class);
    Arrays.stream(TaskState.values()).filter(TaskState::isTerminal).forEach(terminal::add);

    // THEN they are the end states of the lifecycle
    assertThat(terminal)
        .containsExactlyInAnyOrder(
            SUCCEEDED,
            DEAD_LETTERED,
            CANCELLED,
            UPSTREAM_FAILED,
            TaskState.UNSCHEDULABLE,
            TaskState.REJECTED,
            TaskState.EXPIRED);
    assertThat(SUCCEEDED.isTerminalFailure()).isFalse();
    assertThat(CANCELLED.isTerminalFailure()).isTrue();
    assertThat(FAILED.isTerminalFailure()).isFalse();
  }

  @Test
  void shouldAllowTheHappyPathWhenFollowedStepByStep() {
    // GIVEN the documented happy path and the retry loop
    TaskState[][] paths = {
      {SUBMITTED, WAITING, READY, ASSIGNED, RUNNING, SUCCEEDED},
      {RUNNING, FAILED, RETRY_WAIT, READY},
      {FAILED, DEAD_LETTERED, READY},
      {WAITING, UPSTREAM_FAILED},
      {ASSIGNED, READY}
    };
    // WHEN each step is checked / THEN it is allowed
    for (TaskState[] path : paths) {
      for (int i = 1; i < path.length; i++) {
        assertThat(path[i - 1].checkedMoveTo("t", path[i])).isEqualTo(path[i]);
      }
    }
  }

  @Test
  void shouldThrowNamingTaskAndStatesWhenTransitionIsIllegal() {
    // GIVEN a succeeded task
    // WHEN it is asked to run again / THEN the exception names the task and both states
    assertThatThrownBy(() -> SUCCEEDED.checkedMoveTo("task-9", RUNNING))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> {
              assertThat(e.taskId()).isEqualTo("task-9");
              assertThat(e.from()).isEqualTo(SUCCEEDED);
              assertThat(e.to()).isEqualTo(RUNNING);
            })
        .hasMessage("task task-9 cannot move from SUCCEEDED to RUNNING");
  }

  @Test
  void shouldRejectSkippingTheQueueWhenSubmittedTaskIsAssignedDirectly() {
    // GIVEN a submitted task / WHEN it is assigned without being READY / THEN it is refused
    assertThat(SUBMITTED.canMoveTo(ASSIGNED)).isFalse();
    assertThat(READY.canMoveTo(RUNNING)).isFalse();
    assertThatThrownBy(() -> RETRY_WAIT.checkedMoveTo("t", ASSIGNED))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void shouldRefuseNullWhenCheckingATransition() {
    // GIVEN any state / WHEN asked to move to null / THEN it is not allowed
    assertThat(READY.canMoveTo(null)).isFalse();
    assertThatThrownBy(() -> READY.checkedMoveTo("t", null))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void shouldReturnACopyWhenSuccessorsAreChanged() {
    // GIVEN the successors of READY
    Set<TaskState> successors = READY.successors();

    // WHEN the returned set is changed
    successors.clear();

    // THEN the table is untouched
    assertThat(READY.successors()).isNotEmpty();
  }

  @Test
  void shouldGiveEveryNonTerminalStateASuccessorWhenTheTableIsComplete() {
    // GIVEN every non-terminal state / WHEN its successors are asked for
    // THEN there is at least one, so no task can get stuck
    Arrays.stream(TaskState.values())
        .filter(s -> !s.isTerminal())
        .forEach(s -> assertThat(s.successors()).as(s.name()).isNotEmpty());
  }
}
