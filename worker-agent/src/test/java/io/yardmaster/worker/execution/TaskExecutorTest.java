package io.yardmaster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskResult.Status;
import io.yardmaster.worker.testing.Assignments;
import io.yardmaster.worker.testing.GateHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void shouldNeverRunMoreThanSlotsWhenMoreAssignmentsArrive() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(2, 16)) {
      // GIVEN 2 slots WHEN 6 blocking tasks arrive
      for (int i = 0; i < 6; i++) {
        f.submit("t" + i, GateHandler.TYPE, null);
      }
      // THEN 2 run and 4 wait
      await().atMost(WAIT).until(() -> f.gate.running() == 2);
      assertThat(f.executor.snapshot().busy()).isEqualTo(2);
      assertThat(f.executor.snapshot().queued()).isEqualTo(4);
      assertThat(f.executor.snapshot().freeSlots()).isZero();
      assertThat(f.executor.snapshot().held()).hasSize(6);
      // AND once released all finish, never more than 2 at once
      f.gate.open();
      await().atMost(WAIT).until(() -> f.reported.size() == 6);
      assertThat(f.gate.maxRunning()).isEqualTo(2);
      assertThat(f.executor.snapshot().held()).isEmpty();
      assertThat(f.executor.snapshot().freeSlots()).isEqualTo(2);
    }
  }

  @Test
  void shouldStartQueuedWorkInOrderReceivedWhenSlotFrees() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 16)) {
      // GIVEN one slot busy and three tasks queued behind it
      for (String id : new String[] {"a", "b", "c", "d"}) {
        f.submit(id, GateHandler.TYPE, null);
      }
      await().atMost(WAIT).until(() -> f.gate.running() == 1);
      // WHEN the slot frees
      f.gate.open();
      // THEN they run in the order received
      await().atMost(WAIT).until(() -> f.reported.size() == 4);
      assertThat(f.gate.started()).containsExactly("a", "b", "c", "d");
    }
  }

  @Test
  void shouldReportStartedWithQueueTimeThenSucceededWhenTaskRuns() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 16)) {
      // GIVEN a task queued behind a busy slot for 250 ms of clock time
      f.submit("first", GateHandler.TYPE, null);
      await().atMost(WAIT).until(() -> f.gate.running() == 1);
      Assignment echo = f.submit("second", "echo", "{\"v\":7}");
      f.clock.tick(Duration.ofMillis(250));
      // WHEN the slot frees
      f.gate.open();
      await().atMost(WAIT).until(() -> f.reported.contains("second"));
      // THEN it reported STARTED (with its queue time) then SUCCEEDED with its output
      assertThat(f.statuses("second")).containsExactly(Status.STARTED, Status.SUCCEEDED);
      TaskResult started =
          f.results().stream().filter(r -> r.taskId().equals("second")).findFirst().orElseThrow();
      assertThat(started.queuedMs()).isEqualTo(250);
      TaskResult done = f.last("second");
      assertThat(done.output().path("v").asInt()).isEqualTo(7);
      assertThat(done.attempt()).isEqualTo(echo.attempt());
      assertThat(done.leaseId()).isEqualTo(echo.leaseId());
      assertThat(done.agentId()).isEqualTo(Assignments.AGENT);
      assertThat(f.producer.history())
          .allSatisfy(r -> assertThat(r.key()).isEqualTo(Assignments.POOL));
    }
  }

  @Test
  void shouldReleaseQueuedTasksWhenDraining() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 16)) {
      // GIVEN one running task and two queued
      f.submit("running", GateHandler.TYPE, null);
      await().atMost(WAIT).until(() -> f.gate.running() == 1);
      f.submit("queued-1", GateHandler.TYPE, null);
      f.submit("queued-2", GateHandler.TYPE, null);
      // WHEN the executor drains
      CompletableFuture<Boolean> drained =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return f.executor.shutdown(WAIT);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      // THEN the queued ones are handed back at once, never started
      await().atMost(WAIT).until(() -> f.reported.size() == 2);
      assertThat(f.statuses("queued-1")).containsExactly(Status.RELEASED);
      assertThat(f.statuses("queued-2")).containsExactly(Status.RELEASED);
      // AND the running one finishes normally, and new work is handed back too
      f.submit("late", "echo", null);
      assertThat(f.statuses("late")).containsExactly(Status.RELEASED);
      f.gate.open();
      assertThat(drained.get()).isTrue();
      assertThat(f.statuses("running")).containsExactly(Status.STARTED, Status.SUCCEEDED);
    }
  }

  @Test
  void shouldHandBackAtOnceWhenLocalQueueIsFull() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 1)) {
      // GIVEN a busy slot and a full queue of one
      f.submit("running", GateHandler.TYPE, null);
      f.submit("queued", GateHandler.TYPE, null);
      // WHEN one more arrives THEN it is released without waiting
      f.submit("extra", GateHandler.TYPE, null);
      assertThat(f.statuses("extra")).containsExactly(Status.RELEASED);
      assertThat(f.reported).containsExactly("extra");
    }
  }

  @Test
  void shouldIgnoreRepeatWhenSameLeaseIsAlreadyHeld() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN a held task WHEN the same assignment arrives again
      Assignment a = f.submit("once", GateHandler.TYPE, null);
      f.submit(a);
      // THEN the repeat is reported done at once and only one execution happens
      assertThat(f.reported).containsExactly("once");
      f.gate.open();
      await().atMost(WAIT).until(() -> f.reported.size() == 2);
      assertThat(f.gate.started()).containsExactly("once");
    }
  }

  @Test
  void shouldCancelQueuedTaskWithoutStartingItWhenCancelArrives() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN a queued task
      f.submit("running", GateHandler.TYPE, null);
      Assignment queued = f.submit("queued", GateHandler.TYPE, null);
      // WHEN it is cancelled
      boolean found = f.executor.cancel(Assignments.cancel(queued));
      // THEN it is reported CANCELLED and never started
      assertThat(found).isTrue();
      assertThat(f.statuses("queued")).containsExactly(Status.CANCELLED);
      assertThat(f.executor.snapshot().queued()).isZero();
    }
  }

  @Test
  void shouldStopRunningTaskWhenCancelArrives() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN a long sleep running
      Assignment sleep = f.submit("sleepy", "sleep", "{\"ms\": 60000}");
      await().atMost(WAIT).until(() -> f.statuses("sleepy").contains(Status.STARTED));
      // WHEN it is cancelled
      assertThat(f.executor.cancel(Assignments.cancel(sleep))).isTrue();
      // THEN it stops and is reported CANCELLED
      await().atMost(WAIT).until(() -> f.reported.contains("sleepy"));
      assertThat(f.statuses("sleepy")).containsExactly(Status.STARTED, Status.CANCELLED);
    }
  }

  @Test
  void shouldIgnoreCancelWhenLeaseIsNotHeld() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN nothing held WHEN a cancel arrives THEN it is not found and nothing is sent
      assertThat(f.executor.cancel(Assignments.cancel(Assignments.run("ghost", "echo", null))))
          .isFalse();
      assertThat(f.producer.history()).isEmpty();
    }
  }

  @Test
  void shouldReportOnlyTheResultOfATaskThatEndsWithinTheStartedReportDelay() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4, 1024, null, Duration.ofSeconds(5))) {
      // GIVEN a started-report delay of 5 s WHEN a quick echo runs
      f.submit("quick", "echo", "{\"x\": 1}");
      await().atMost(WAIT).until(() -> f.reported.contains("quick"));
      // THEN only its result is sent, and it says when the task started
      assertThat(f.statuses("quick")).containsExactly(Status.SUCCEEDED);
      assertThat(f.last("quick").startedAt()).isNotNull();
    }
  }

  @Test
  void shouldReportStartedBeforeTheResultOnceATaskOutrunsTheDelay() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4, 1024, null, Duration.ofMillis(50))) {
      // GIVEN a task that runs until the gate opens
      f.submit("slow", GateHandler.TYPE, null);
      // WHEN it has run past the 50 ms delay THEN STARTED is sent, and the result after it
      await().atMost(WAIT).until(() -> f.statuses("slow").contains(Status.STARTED));
      f.gate.open();
      await().atMost(WAIT).until(() -> f.reported.contains("slow"));
      assertThat(f.statuses("slow")).containsExactly(Status.STARTED, Status.SUCCEEDED);
      // AND STARTED says how long the task had run when it was sent, so the dispatcher can date
      // the start
      TaskResult started =
          f.results().stream().filter(r -> r.status() == Status.STARTED).findFirst().orElseThrow();
      assertThat(started.durationMs()).isGreaterThanOrEqualTo(50);
    }
  }
}
