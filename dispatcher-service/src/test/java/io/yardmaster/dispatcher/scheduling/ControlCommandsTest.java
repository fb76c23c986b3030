package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Operator commands on {@code tasks.control}, through the real topology. */
class ControlCommandsTest {
  private static final String POOL = "main";

  private static DispatcherHarness harness() {
    return new DispatcherHarness(
        List.of(PoolConfig.of(POOL)), c -> c.withScheduler(c.scheduler().withWorkAheadCap(0)));
  }

  private static List<TaskEvent> answers(DispatcherHarness h, String subject) {
    return h.events().stream()
        .filter(e -> e.taskId().equals(subject))
        .filter(
            e -> e.type() == EventType.COMMAND_ACCEPTED || e.type() == EventType.COMMAND_REJECTED)
        .toList();
  }

  @Test
  void shouldRemoveAQueuedTaskAtOnceWhenItIsCancelled() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a task queued while no agent is there
      h.submit(TaskSubmission.of("t1", "noop"));
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.READY);
      // WHEN an operator cancels it
      h.control(ControlCommand.cancel("t1"));
      // THEN it is CANCELLED at once, the command is accepted, and no agent ever gets it
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.CANCELLED);
      assertThat(answers(h, "t1"))
          .extracting(TaskEvent::type)
          .containsExactly(EventType.COMMAND_ACCEPTED);
      h.heartbeat(POOL, "a1", 1, Set.of());
      assertThat(h.newAssignments(POOL)).isEmpty();
    }
  }

  @Test
  void shouldSendACancelToItsAgentWhenARunningTaskIsCancelled() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a task running on a1
      h.heartbeat(POOL, "a1", 1, Set.of());
      h.submit(TaskSubmission.of("t1", "noop"));
      Assignment run = h.newAssignments(POOL).get(0);
      h.started(run);
      // WHEN an operator cancels it
      h.control(ControlCommand.cancel("t1"));
      // THEN a1 is told to stop that very lease, and the task runs until a1 says it stopped
      assertThat(h.newAssignments(POOL))
          .extracting(Assignment::action, Assignment::agentId, Assignment::leaseId)
          .containsExactly(tuple(Assignment.Action.CANCEL, "a1", run.leaseId()));
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.RUNNING);
      assertThat(answers(h, "t1"))
          .extracting(TaskEvent::type)
          .containsExactly(EventType.COMMAND_ACCEPTED);
      h.result(run, TaskResult.Status.CANCELLED, null);
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.CANCELLED);
    }
  }

  @Test
  void shouldPickAReprioritisedTaskNextWhenItWasRaisedAboveTheRest() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a single-slot agent busy with one task, and a queue of level 5, 5 and 2
      h.heartbeat(POOL, "a1", 1, Set.of());
      h.submit(TaskSubmission.of("busy", "noop"));
      Assignment busy = h.newAssignments(POOL).get(0);
      h.submit(TaskSubmission.of("five-a", "noop").withPriority(Priority.of(5)));
      h.submit(TaskSubmission.of("five-b", "noop").withPriority(Priority.of(5)));
      h.submit(TaskSubmission.of("two", "noop").withPriority(Priority.of(2)));
      // WHEN the level-2 task is raised to level 9
      h.control(ControlCommand.reprioritise("two", Priority.of(9)));
      assertThat(answers(h, "two"))
          .extracting(TaskEvent::type)
          .containsExactly(EventType.COMMAND_ACCEPTED);
      assertThat(h.views().get("two").priority().level()).isEqualTo(9);
      // THEN it is the next task the agent gets, ahead of the two queued before it
      h.succeeded(busy);
      assertThat(h.newAssignments(POOL)).extracting(Assignment::taskId).containsExactly("two");
    }
  }

  @Test
  void shouldHoldQueuedWorkWhilePausedAndDispatchItWhenResumed() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a paused pool
      h.control(ControlCommand.pause(POOL));
      assertThat(answers(h, POOL))
          .extracting(TaskEvent::type)
          .containsExactly(EventType.COMMAND_ACCEPTED);
      // WHEN tasks arrive and an agent with free slots keeps reporting
      h.submit(TaskSubmission.of("t1", "noop"));
      h.submit(TaskSubmission.of("t2", "noop"));
      for (int i = 0; i < 5; i++) {
        h.heartbeat(POOL, "a1", 2, Set.of());
        h.advance(Duration.ofMillis(500));
      }
      // THEN nothing is assigned and the work stays queued
      assertThat(h.newAssignments(POOL)).isEmpty();
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.READY);
      assertThat(h.stateOf("t2")).isEqualTo(TaskState.READY);
      // AND once resumed, the queued work goes out at once
      h.control(ControlCommand.resume(POOL));
      assertThat(h.newAssignments(POOL))
          .extracting(Assignment::taskId)
          .containsExactlyInAnyOrder("t1", "t2");
    }
  }

  @Test
  void shouldRunADeadLetteredTaskAgainWithANewAttemptWhenItIsReplayed() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a task with no retries that failed and was dead-lettered
      h.heartbeat(POOL, "a1", 1, Set.of());
      h.submit(TaskSubmission.of("t1", "noop").withRetries(0, Duration.ofSeconds(1)));
      Assignment first = h.newAssignments(POOL).get(0);
      h.result(first, TaskResult.Status.FAILED, new TaskError("bug", "fixed since", false));
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.DEAD_LETTERED);
      // WHEN an operator replays it from the dead-letter queue
      h.control(ControlCommand.replay("t1"));
      // THEN it runs again under a new attempt number and lease, and can succeed
      List<Assignment> again = h.newAssignments(POOL);
      assertThat(again).hasSize(1);
      assertThat(again.get(0).attempt()).isGreaterThan(first.attempt());
      assertThat(again.get(0).leaseId()).isNotEqualTo(first.leaseId());
      assertThat(answers(h, "t1"))
          .extracting(TaskEvent::type)
          .containsExactly(EventType.COMMAND_ACCEPTED);
      h.succeeded(again.get(0));
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  void shouldRejectCancellingAFinishedTaskWithTheReason() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a task that succeeded
      h.heartbeat(POOL, "a1", 1, Set.of());
      h.submit(TaskSubmission.of("t1", "noop"));
      h.succeeded(h.newAssignments(POOL).get(0));
      // WHEN an operator cancels it
      h.control(ControlCommand.cancel("t1"));
      // THEN the command is rejected, saying why, and the task stays SUCCEEDED
      assertThat(answers(h, "t1"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo(EventType.COMMAND_REJECTED);
                assertThat(e.reason()).contains("CANCEL", "not queued or running", "finished");
              });
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  void shouldRejectReplayingATaskThatIsNotDeadLetteredWithTheReason() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a task still queued
      h.submit(TaskSubmission.of("t1", "noop"));
      // WHEN an operator replays it
      h.control(ControlCommand.replay("t1"));
      // THEN the command is rejected with the task's actual state, and the task is unchanged
      assertThat(answers(h, "t1"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo(EventType.COMMAND_REJECTED);
                assertThat(e.reason()).contains("REPLAY", "not dead-lettered", "READY");
              });
      assertThat(h.stateOf("t1")).isEqualTo(TaskState.READY);
    }
  }

  @Test
  void shouldRejectPausingAPoolThatDoesNotExistWithTheReason() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a dispatcher with the single pool "main"
      // WHEN an operator pauses the pool "nowhere"
      h.control(ControlCommand.pause("nowhere"));
      // THEN the command is rejected, naming the unknown pool and the known ones
      assertThat(answers(h, "nowhere"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo(EventType.COMMAND_REJECTED);
                assertThat(e.reason()).contains("PAUSE_POOL", "unknown pool 'nowhere'", POOL);
              });
      // AND the real pool keeps dispatching
      h.heartbeat(POOL, "a1", 1, Set.of());
      h.submit(TaskSubmission.of("t1", "noop"));
      assertThat(h.newAssignments(POOL)).extracting(Assignment::taskId).containsExactly("t1");
    }
  }
}
