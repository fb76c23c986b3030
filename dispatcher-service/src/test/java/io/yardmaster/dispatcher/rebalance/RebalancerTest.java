package io.yardmaster.dispatcher.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.scheduling.AssignmentOutbox;
import io.yardmaster.dispatcher.scheduling.Outbox;
import io.yardmaster.dispatcher.scheduling.PoolScheduler;
import io.yardmaster.dispatcher.scheduling.SchedulerOptions;
import io.yardmaster.dispatcher.scheduling.TaskStore;
import io.yardmaster.dispatcher.testing.Heartbeats;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which queued tasks the crowded pool gives away, in plain Java. */
class RebalancerTest {
  private static final long NOW = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
  private static final Outbox NOWHERE = new AssignmentOutbox(a -> {});

  private final Rebalancer rebalancer =
      new Rebalancer(
          RebalanceOptions.factor(2),
          name -> Optional.of(PoolConfig.of(name)),
          Duration.ofSeconds(5));

  /** A pool with one busy agent (1 slot) and {@code queued} tasks waiting, some needing gpu. */
  private static PoolScheduler busy(int queued, int gpu) {
    PoolScheduler s =
        new PoolScheduler(
            "busy",
            SchedulerOptions.DEFAULTS.withWorkAheadCap(0),
            TaskStore.inMemory(),
            NOWHERE,
            new SplittableRandom(1),
            () -> "lease");
    s.onHeartbeat(
        Heartbeats.of("b1", "busy", Set.of("gpu"), 1, 1000, AgentHeartbeat.Status.ACTIVE, NOW),
        NOW);
    for (int i = 0; i <= queued; i++) {
      TaskSubmission t = TaskSubmission.of("t" + i, "noop");
      s.enqueue(i < gpu ? t.withCapabilities(Set.of("gpu")) : t, null, NOW);
    }
    return s;
  }

  private static PoolStatus idle(int agents, long queued, int free, long atMs, String... caps) {
    return new PoolStatus(
        "idle",
        agents,
        agents,
        agents * 4,
        free,
        queued,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        agents,
        false,
        Instant.ofEpochMilli(atMs),
        List.of(List.of(caps)));
  }

  @Test
  void shouldMoveOnlyWhenTheImbalanceExceedsTheFactor() {
    // GIVEN busy queues 10 per agent
    PoolScheduler s = busy(10, 0);
    // THEN idle at 4 per agent draws work (10 > 2 x 4), idle at 6 per agent does not
    assertThat(rebalancer.plan(s, List.of(idle(2, 8, 8, NOW)), NOW)).isNotEmpty();
    assertThat(
            new Rebalancer(
                    RebalanceOptions.factor(2),
                    name -> Optional.of(PoolConfig.of(name)),
                    Duration.ofSeconds(5))
                .plan(s, List.of(idle(2, 12, 8, NOW)), NOW))
        .isEmpty();
  }

  @Test
  void shouldSendNoMoreThanTheFreeSlotsOfEachStatus() {
    PoolScheduler s = busy(10, 0);
    // GIVEN idle reports 3 free slots WHEN planning twice on that report
    PoolStatus first = idle(1, 0, 3, NOW);
    List<Rebalancer.Move> moves = rebalancer.plan(s, List.of(first), NOW);
    assertThat(moves).hasSize(3).allMatch(m -> m.target().equals("idle"));
    assertThat(rebalancer.plan(s, List.of(first), NOW + 100)).isEmpty();
    // THEN a newer report opens the budget again
    assertThat(rebalancer.plan(s, List.of(idle(1, 0, 3, NOW + 1000)), NOW + 1000)).hasSize(3);
  }

  @Test
  void shouldIgnoreStaleStatusesAndPoolsThatCannotServeTheTasks() {
    PoolScheduler s = busy(10, 11);
    // GIVEN every queued task needs gpu
    assertThat(rebalancer.plan(s, List.of(idle(1, 0, 4, NOW)), NOW)).isEmpty();
    assertThat(rebalancer.plan(s, List.of(idle(1, 0, 4, NOW, "gpu")), NOW)).hasSize(4);
    // AND a status older than five seconds draws nothing
    PoolScheduler fresh = busy(10, 0);
    assertThat(rebalancer.plan(fresh, List.of(idle(1, 0, 4, NOW - 6000)), NOW)).isEmpty();
  }
}
