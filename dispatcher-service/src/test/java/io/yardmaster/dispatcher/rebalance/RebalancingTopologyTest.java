package io.yardmaster.dispatcher.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Queued work moving between pools, through the real topology: the crowded pool's scheduler reads
 * the other pools' statuses and sends tasks through the pool repartition.
 */
class RebalancingTopologyTest {
  private static final String BUSY = "busy";
  private static final String IDLE = "idle";

  private static DispatcherHarness harness(double factor) {
    return new DispatcherHarness(
        List.of(PoolConfig.of(BUSY), PoolConfig.of(IDLE)),
        c ->
            c.withScheduler(c.scheduler().withWorkAheadCap(0))
                .withRebalance(RebalanceOptions.factor(factor)));
  }

  /** Runs both pools for a while: agents beat, idle's agents finish what they get at once. */
  private static Map<String, List<Assignment>> run(DispatcherHarness h, Duration total) {
    Map<String, List<Assignment>> all = new HashMap<>();
    for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plusMillis(100)) {
      if (t.toMillis() % 500 == 0) {
        h.heartbeat(BUSY, "b1", 1, Set.of("gpu"));
        h.heartbeat(IDLE, "i1", 4, Set.of());
        h.heartbeat(IDLE, "i2", 4, Set.of());
      }
      h.advance(Duration.ofMillis(100));
      all.computeIfAbsent(BUSY, p -> new ArrayList<>()).addAll(h.newAssignments(BUSY));
      for (Assignment a : h.newAssignments(IDLE)) {
        all.computeIfAbsent(IDLE, p -> new ArrayList<>()).add(a);
        h.started(a);
        h.succeeded(a);
      }
    }
    return all;
  }

  private static TaskSubmission task(String id) {
    return TaskSubmission.of(id, "noop")
        .withPool(BUSY)
        .withPriority(new Priority(7, 2.0, null, 1.0));
  }

  @Test
  void shouldMoveQueuedTasksToAnIdleCompatiblePoolButNotPinnedOrIncompatibleOnes() {
    try (DispatcherHarness h = harness(2)) {
      // GIVEN busy's one agent (1 slot, gpu) busy with a first task, and 30 plain, 5 pinned and
      // 5 gpu tasks queued behind it; idle has two agents with 4 slots each and no gpu
      h.heartbeat(BUSY, "b1", 1, Set.of("gpu"));
      h.submit(task("first"));
      for (int i = 0; i < 30; i++) {
        h.submit(task("plain-" + i));
      }
      for (int i = 0; i < 5; i++) {
        h.submit(task("pinned-" + i).withPinned(true));
        h.submit(task("gpu-" + i).withCapabilities(Set.of("gpu")));
      }
      // WHEN the pools run for ten seconds
      Map<String, List<Assignment>> assigned = run(h, Duration.ofSeconds(10));
      // THEN every plain task moved to idle and succeeded there, keeping its priority
      Map<String, TaskView> views = h.views();
      for (int i = 0; i < 30; i++) {
        TaskView v = views.get("plain-" + i);
        assertThat(v.state()).as(v.id()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(v.pool()).isEqualTo(IDLE);
        assertThat(v.priority().level()).isEqualTo(7);
      }
      // AND pinned and gpu tasks stayed queued in busy, never moved
      for (int i = 0; i < 5; i++) {
        assertThat(views.get("pinned-" + i).state()).isEqualTo(TaskState.READY);
        assertThat(views.get("pinned-" + i).pool()).isEqualTo(BUSY);
        assertThat(views.get("gpu-" + i).state()).isEqualTo(TaskState.READY);
        assertThat(views.get("gpu-" + i).pool()).isEqualTo(BUSY);
      }
      List<TaskEvent> moves = h.events().stream().filter(e -> e.type() == EventType.MOVED).toList();
      assertThat(moves)
          .allMatch(e -> e.taskId().startsWith("plain-"))
          .filteredOn(e -> e.reason().startsWith("moved from " + BUSY))
          .hasSize(30);
      assertThat(moves).filteredOn(e -> e.reason().startsWith("moved to " + IDLE)).hasSize(30);
      // AND nothing was lost or run twice: one assignment per task, 41 tasks accounted for
      List<String> runIds = new ArrayList<>();
      assigned.values().forEach(l -> l.forEach(a -> runIds.add(a.taskId())));
      assertThat(runIds).doesNotHaveDuplicates().hasSize(31);
      assertThat(assigned.get(BUSY)).extracting(Assignment::taskId).containsExactly("first");
      assertThat(views).hasSize(41);
      Map<TaskState, Long> byState =
          views.values().stream()
              .collect(Collectors.groupingBy(TaskView::state, Collectors.counting()));
      assertThat(byState)
          .containsEntry(TaskState.SUCCEEDED, 30L)
          .containsEntry(TaskState.READY, 10L)
          .containsEntry(TaskState.ASSIGNED, 1L);
    }
  }

  @Test
  void shouldRouteCommandsForAMovedTaskToItsNewPool() {
    try (DispatcherHarness h = harness(2)) {
      // GIVEN a task that moved from busy to idle and ran there
      h.heartbeat(BUSY, "b1", 1, Set.of());
      h.submit(task("first"));
      h.submit(task("mover"));
      run(h, Duration.ofSeconds(3));
      // THEN it ran in idle; a cancel now is answered by idle (it finished), not by busy
      assertThat(h.views().get("mover").pool()).isEqualTo(IDLE);
      h.control(ControlCommand.cancel("mover"));
      assertThat(h.events())
          .filteredOn(e -> e.taskId().equals("mover"))
          .filteredOn(e -> e.type() == EventType.COMMAND_REJECTED)
          .extracting(TaskEvent::pool)
          .containsExactly(IDLE);
    }
  }

  @Test
  void shouldMoveNothingWhenRebalancingIsOff() {
    try (DispatcherHarness h =
        new DispatcherHarness(
            List.of(PoolConfig.of(BUSY), PoolConfig.of(IDLE)),
            c -> c.withScheduler(c.scheduler().withWorkAheadCap(0)))) {
      h.heartbeat(BUSY, "b1", 1, Set.of());
      for (int i = 0; i < 10; i++) {
        h.submit(task("t-" + i));
      }
      run(h, Duration.ofSeconds(5));
      assertThat(h.events()).noneMatch(e -> e.type() == EventType.MOVED);
      assertThat(h.views().values()).allMatch(v -> v.pool().equals(BUSY));
    }
  }
}
