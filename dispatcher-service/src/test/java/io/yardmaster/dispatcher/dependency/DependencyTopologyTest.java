package io.yardmaster.dispatcher.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DependencyTopologyTest {
  private static final List<PoolConfig> POOLS =
      List.of(PoolConfig.of("p1"), PoolConfig.of("p2"), PoolConfig.of("p3"));

  private static DispatcherHarness harness() {
    return harness(c -> c);
  }

  private static DispatcherHarness harness(
      UnaryOperator<io.yardmaster.dispatcher.config.DispatcherConfig> tweak) {
    return new DispatcherHarness(POOLS, tweak);
  }

  private static TaskSubmission task(String id, String pool, String... deps) {
    return TaskSubmission.of(id, "noop").withPool(pool).withDependencies(List.of(deps));
  }

  /** Plays one agent per pool that runs tasks one at a time; returns start order. */
  private static List<String> runAll(DispatcherHarness h, Set<String> failing) {
    List<String> started = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      boolean any = false;
      for (PoolConfig p : POOLS) {
        h.heartbeat(p.name(), p.name() + "-agent", 1, Set.of());
        for (Assignment a : h.newAssignments(p.name())) {
          any = true;
          started.add(a.taskId());
          h.started(a);
          if (failing.contains(a.taskId())) {
            h.failed(a, "broken");
          } else {
            h.succeeded(a);
          }
        }
      }
      h.advance(Duration.ofMillis(200));
      if (!any && round > 5) {
        break;
      }
    }
    return started;
  }

  @Test
  void shouldRunADiamondInDependencyOrder() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a diamond: b and c need a, d needs b and c, submitted leaves first
      h.submit(task("d", "p1", "b", "c"));
      h.submit(task("b", "p2", "a"));
      h.submit(task("c", "p3", "a"));
      h.submit(task("a", "p1"));
      // WHEN agents run whatever they are given
      List<String> order = runAll(h, Set.of());
      // THEN a runs first, d last, and every task succeeded
      assertThat(order).hasSize(4);
      assertThat(order.get(0)).isEqualTo("a");
      assertThat(order.get(3)).isEqualTo("d");
      assertThat(h.views().values()).allMatch(v -> v.state() == TaskState.SUCCEEDED);
      assertThat(h.events()).anyMatch(e -> e.taskId().equals("d") && e.to() == TaskState.WAITING);
    }
  }

  @Test
  void shouldRunChainsAcrossThreePoolsInOrder() {
    try (DispatcherHarness h = harness()) {
      // GIVEN two chains of 6 crossing the three pools
      for (int c = 0; c < 2; c++) {
        for (int i = 0; i < 6; i++) {
          String id = "c" + c + "-" + i;
          h.submit(
              i == 0
                  ? task(id, POOLS.get(i % 3).name())
                  : task(id, POOLS.get(i % 3).name(), "c" + c + "-" + (i - 1)));
        }
      }
      // WHEN they run
      List<String> order = runAll(h, Set.of());
      // THEN each chain ran in order
      for (int c = 0; c < 2; c++) {
        for (int i = 1; i < 6; i++) {
          assertThat(order.indexOf("c" + c + "-" + i))
              .isGreaterThan(order.indexOf("c" + c + "-" + (i - 1)));
        }
      }
      assertThat(order).hasSize(12);
    }
  }

  @Test
  void shouldReleaseADependentWhoseDependencyAlreadyFinished() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a finished task
      h.submit(task("done", "p1"));
      runAll(h, Set.of());
      assertThat(h.stateOf("done")).isEqualTo(TaskState.SUCCEEDED);
      // WHEN a task that depends on it arrives
      h.submit(task("later", "p2", "done"));
      // THEN it runs at once
      assertThat(runAll(h, Set.of())).containsExactly("later");
      assertThat(h.stateOf("later")).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  void shouldPropagateAFailureThroughThreeLevelsNamingTheCause() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a -> b -> c -> d where a fails for good
      h.submit(task("a", "p1").withRetries(0, Duration.ofMillis(10)));
      h.submit(task("b", "p2", "a"));
      h.submit(task("c", "p3", "b"));
      h.submit(task("d", "p1", "c"));
      // WHEN a dead-letters
      List<String> ran = runAll(h, Set.of("a"));
      // THEN nothing else ran and b, c, d are UPSTREAM_FAILED, each naming its failed dependency
      assertThat(ran).containsExactly("a");
      assertThat(h.stateOf("a")).isEqualTo(TaskState.DEAD_LETTERED);
      assertThat(h.views().get("b").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
      assertThat(h.views().get("b").reason()).contains("dependency a ended DEAD_LETTERED");
      assertThat(h.views().get("c").reason()).contains("dependency b ended UPSTREAM_FAILED");
      assertThat(h.views().get("d").reason()).contains("dependency c ended UPSTREAM_FAILED");
    }
  }

  @Test
  void shouldFailTheDependentsOfATaskNoPoolCanServe() {
    try (DispatcherHarness h = harness()) {
      // GIVEN b waits for a, and a names a pool that does not exist
      h.submit(task("b", "p1", "a"));
      h.submit(task("a", "nowhere"));
      // THEN a is UNSCHEDULABLE and b UPSTREAM_FAILED because of it
      assertThat(h.stateOf("a")).isEqualTo(TaskState.UNSCHEDULABLE);
      assertThat(h.views().get("b").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
      assertThat(h.views().get("b").reason()).contains("dependency a ended UNSCHEDULABLE");
    }
  }

  @Test
  void shouldReviveDependentsWhenAReplayedDependencySucceeds() {
    try (DispatcherHarness h = harness()) {
      // GIVEN b failed upstream because a was dead-lettered
      h.submit(task("a", "p1").withRetries(0, Duration.ofMillis(10)));
      h.submit(task("b", "p2", "a"));
      runAll(h, Set.of("a"));
      assertThat(h.stateOf("b")).isEqualTo(TaskState.UPSTREAM_FAILED);
      // WHEN a is replayed from the DLQ and succeeds
      h.control(ControlCommand.replay("a"));
      List<String> ran = runAll(h, Set.of());
      // THEN b runs after it
      assertThat(ran).containsExactly("a", "b");
      assertThat(h.stateOf("b")).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  void shouldRejectCyclesOfLengthTwoAndFiveAcrossPoolsSpellingThemOut() {
    try (DispatcherHarness h = harness()) {
      // GIVEN x <-> y, and a five-task ring across pools, plus a task hanging off the ring
      h.submit(task("x", "p1", "y"));
      h.submit(task("y", "p2", "x"));
      for (int i = 0; i < 5; i++) {
        h.submit(task("r" + i, POOLS.get(i % 3).name(), "r" + ((i + 1) % 5)));
      }
      h.submit(task("tail", "p3", "r2"));
      runAll(h, Set.of());
      // THEN every member is REJECTED with the cycle, and the dependent task is UPSTREAM_FAILED
      assertThat(h.views().get("x").state()).isEqualTo(TaskState.REJECTED);
      assertThat(h.views().get("x").reason())
          .contains("dependency cycle")
          .contains("x")
          .contains("y");
      for (int i = 0; i < 5; i++) {
        assertThat(h.views().get("r" + i).state()).isEqualTo(TaskState.REJECTED);
      }
      assertThat(h.views().get("r0").reason())
          .contains("r0 -> r1 -> r2 -> r3 -> r4")
          .matches("dependency cycle: (r\\d) -> .* -> \\1");
      assertThat(h.stateOf("tail")).isEqualTo(TaskState.UPSTREAM_FAILED);
    }
  }

  @Test
  void shouldReportAnUnknownDependencyThenGiveUpAfterTheTimeout() {
    try (DispatcherHarness h =
        harness(c -> c.withUnknownDependencyTimeout(Duration.ofSeconds(30)))) {
      // GIVEN a task whose dependency never arrives
      h.submit(task("orphan", "p1", "ghost"));
      h.advanceInSteps(Duration.ofSeconds(3), Duration.ofSeconds(1));
      // THEN its view says what it waits for
      assertThat(h.views().get("orphan").state()).isEqualTo(TaskState.WAITING);
      assertThat(h.views().get("orphan").reason()).isEqualTo("waiting for unknown task ghost");
      // WHEN the timeout passes, it becomes UNSCHEDULABLE with that reason
      h.advanceInSteps(Duration.ofSeconds(30), Duration.ofSeconds(1));
      assertThat(h.views().get("orphan").state()).isEqualTo(TaskState.UNSCHEDULABLE);
      assertThat(h.views().get("orphan").reason()).startsWith("waiting for unknown task ghost");
    }
  }

  @Test
  void shouldCancelAWaitingTaskAndFailItsDependents() {
    try (DispatcherHarness h = harness()) {
      // GIVEN a waiting on slow, and b on a
      h.submit(task("a", "p1", "slow"));
      h.submit(task("b", "p2", "a"));
      // WHEN a is cancelled
      h.control(ControlCommand.cancel("a"));
      h.submit(task("slow", "p3"));
      runAll(h, Set.of());
      // THEN a is CANCELLED, b UPSTREAM_FAILED, and the command was acknowledged
      assertThat(h.stateOf("a")).isEqualTo(TaskState.CANCELLED);
      assertThat(h.stateOf("b")).isEqualTo(TaskState.UPSTREAM_FAILED);
      List<TaskEvent> events = h.events();
      assertThat(events)
          .anyMatch(e -> e.type() == EventType.COMMAND_ACCEPTED && e.taskId().equals("a"));
    }
  }
}
