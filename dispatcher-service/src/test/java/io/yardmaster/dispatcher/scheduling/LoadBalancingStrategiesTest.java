package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each strategy, driven through the scheduler core, in a situation where it behaves differently
 * from least-loaded in the way it promises.
 */
class LoadBalancingStrategiesTest {
  private int seq;

  private TaskSubmission task() {
    return TaskSubmission.of("t" + seq++, "noop");
  }

  /** Submits a task and returns the agent it went to (it is then left running). */
  private String place(RecordingPool pool, TaskSubmission task) {
    pool.submit(task);
    List<Assignment> sent = pool.newAssignments();
    assertThat(sent).as("assignments for " + task.id()).hasSize(1);
    return sent.get(0).agentId();
  }

  /** Submits a task, returns the agent it went to, and reports it done at once. */
  private String run(RecordingPool pool, TaskSubmission task, long durationMs) {
    pool.submit(task);
    Assignment a = pool.newAssignments().get(0);
    pool.succeed(a, durationMs);
    return a.agentId();
  }

  @Test
  void shouldCycleThroughEveryAgentWhenRoundRobinEvenIfOneIsBusy() {
    for (String strategy : List.of("round-robin", "least-loaded")) {
      // GIVEN three agents of 10 slots, a1 holding one long task
      RecordingPool pool = RecordingPool.withStrategy(strategy);
      for (String a : List.of("a1", "a2", "a3")) {
        pool.heartbeat(a, 10, Set.of());
      }
      assertThat(place(pool, task())).isEqualTo("a1");
      // WHEN six short tasks come one after the other
      StringBuilder order = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        order.append(run(pool, task(), 10)).append(' ');
      }
      // THEN round robin cycles a2 a3 a1 ..., least-loaded keeps off the busy a1
      assertThat(order.toString().trim())
          .as(strategy)
          .isEqualTo(strategy.equals("round-robin") ? "a2 a3 a1 a2 a3 a1" : "a2 a3 a2 a3 a2 a3");
    }
  }

  @Test
  void shouldShareWorkWithinFivePercentOfTheWeightsWhenWeightedRoundRobin() {
    Map<String, Double> weights = Map.of("a1", 1.0, "a2", 2.0, "a3", 3.0, "a4", 4.0);
    for (String strategy : List.of("weighted-round-robin", "least-loaded")) {
      // GIVEN four agents of weights 1 to 4
      RecordingPool pool = RecordingPool.withStrategy(strategy);
      weights.forEach((a, w) -> pool.heartbeat(a, 4, Set.of(), null, null, w, HostLoad.UNKNOWN));
      // WHEN 10,000 tasks run one after the other
      Map<String, Integer> picks = new HashMap<>();
      for (int i = 0; i < 10_000; i++) {
        picks.merge(run(pool, task(), 10), 1, Integer::sum);
      }
      // THEN weighted round robin gives each its weight's share (within 5%), least-loaded a quarter
      for (String a : weights.keySet()) {
        double share = picks.getOrDefault(a, 0) / 10_000.0;
        double expected = strategy.equals("least-loaded") ? 0.25 : weights.get(a) / 10.0;
        assertThat(share)
            .as(strategy + " share of " + a)
            .isCloseTo(expected, within(expected * 0.05));
      }
    }
  }

  @Test
  void shouldKeepTasksInTheirRegionWhileItHasRoomThenFallBackToTheNearestWhenGeographic() {
    // GIVEN agents of 1 slot in eu-west zones a and b, eu-central and us-east
    RecordingPool pool = RecordingPool.withStrategy("geographic");
    RecordingPool least = RecordingPool.withStrategy("least-loaded");
    for (RecordingPool p : List.of(pool, least)) {
      p.heartbeat("a-us", 1, Set.of(), "us-east", "a", 1, HostLoad.UNKNOWN);
      p.heartbeat("b-euc", 1, Set.of(), "eu-central", "a", 1, HostLoad.UNKNOWN);
      p.heartbeat("c-euw-b", 1, Set.of(), "eu-west", "b", 1, HostLoad.UNKNOWN);
      p.heartbeat("d-euw-a", 1, Set.of(), "eu-west", "a", 1, HostLoad.UNKNOWN);
    }
    // WHEN four tasks preferring eu-west zone a arrive and stay running
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      order.append(place(pool, task().withRegion("eu-west", false).withZone("a"))).append(' ');
    }
    // THEN they fill the preferred zone, then the region's other zone, then the same area, then any
    assertThat(order.toString().trim()).isEqualTo("d-euw-a c-euw-b b-euc a-us");
    // AND least-loaded ignores the preference
    assertThat(place(least, task().withRegion("eu-west", false).withZone("a"))).isEqualTo("a-us");
  }

  @Test
  void shouldNeverSendATaskOutsideARequiredRegionWhenGeographic() {
    // GIVEN one eu-west agent, busy, and a free us-east agent
    RecordingPool pool = RecordingPool.withStrategy("geographic");
    pool.heartbeat("euw", 1, Set.of(), "eu-west", "a", 1, HostLoad.UNKNOWN);
    pool.heartbeat("us", 1, Set.of(), "us-east", "a", 1, HostLoad.UNKNOWN);
    assertThat(place(pool, task().withRegion("eu-west", true))).isEqualTo("euw");
    // WHEN another task that requires eu-west arrives
    pool.submit(task().withRegion("eu-west", true));
    // THEN it waits for eu-west rather than going to us-east
    assertThat(pool.newAssignments()).isEmpty();
    assertThat(pool.scheduler.ready().size()).isEqualTo(1);
  }

  @Test
  void shouldLeaveTheGpuAgentFreeForGpuTasksWhenCapabilityBased() {
    for (String strategy : List.of("capability-based", "least-loaded")) {
      // GIVEN a GPU agent and a CPU agent of one slot each
      RecordingPool pool = RecordingPool.withStrategy(strategy);
      pool.heartbeat("a-gpu", 1, Set.of("cpu", "gpu"));
      pool.heartbeat("b-cpu", 1, Set.of("cpu"));
      // WHEN a CPU task and then a GPU task arrive
      String cpuTaskOn = place(pool, task().withCapabilities(Set.of("cpu")));
      pool.submit(task().withCapabilities(Set.of("gpu")));
      // THEN capability-based ran the CPU task on the CPU agent and the GPU task at once
      if (strategy.equals("capability-based")) {
        assertThat(cpuTaskOn).isEqualTo("b-cpu");
        assertThat(pool.newAssignments()).extracting(Assignment::agentId).containsExactly("a-gpu");
      } else {
        // AND least-loaded took the GPU agent, so the GPU task waits
        assertThat(cpuTaskOn).isEqualTo("a-gpu");
        assertThat(pool.newAssignments()).isEmpty();
      }
    }
  }

  @Test
  void shouldPickTheAgentWithTheLowestCpuAndMemoryWhenResourceAware() {
    RecordingPool pool = RecordingPool.withStrategy("resource-aware");
    RecordingPool least = RecordingPool.withStrategy("least-loaded");
    for (RecordingPool p : List.of(pool, least)) {
      // GIVEN three idle agents whose hosts are busy, quiet, and busy in memory only
      p.heartbeat("a", 4, Set.of(), null, null, 1, new HostLoad(0.9, 0.8, 0));
      p.heartbeat("b", 4, Set.of(), null, null, 1, new HostLoad(0.2, 0.3, 0));
      p.heartbeat("c", 4, Set.of(), null, null, 1, new HostLoad(0.1, 0.9, 0));
    }
    // WHEN a task arrives THEN resource-aware picks b, least-loaded the first by id
    assertThat(place(pool, task())).isEqualTo("b");
    assertThat(place(least, task())).isEqualTo("a");
  }

  @Test
  void shouldFavourTheFastReliableAgentWhenPerformanceBased() {
    Map<String, Double> fastShare = new HashMap<>();
    for (String strategy : List.of("performance-based", "least-loaded")) {
      // GIVEN a slow agent that fails one task in five, and a fast one that never fails
      RecordingPool pool = RecordingPool.withStrategy(strategy);
      pool.heartbeat("a-slow", 2, Set.of());
      pool.heartbeat("b-fast", 2, Set.of());
      // WHEN 200 tasks estimated at 1 s run one at a time (a-slow takes 2 s, b-fast 0.5 s)
      int slowRuns = 0;
      int fast = 0;
      for (int i = 0; i < 200; i++) {
        pool.submit(task().withEstimatedDuration(Duration.ofSeconds(1)).withRetries(0, null));
        Assignment a = pool.newAssignments().get(0);
        if (a.agentId().equals("b-fast")) {
          fast++;
          pool.succeed(a, 500);
        } else if (++slowRuns % 5 == 0) {
          pool.fail(a);
        } else {
          pool.succeed(a, 2000);
        }
      }
      fastShare.put(strategy, fast / 200.0);
    }
    // THEN performance-based sends nearly all to the fast agent; least-loaded alternates
    assertThat(fastShare.get("performance-based")).isGreaterThan(0.95);
    assertThat(fastShare.get("least-loaded")).isCloseTo(0.5, within(0.01));
  }

  @Test
  void shouldSendHighScoringTasksToTheBestAgentAndLowOnesToTheRestWhenPriorityBased() {
    for (String strategy : List.of("priority-based", "least-loaded")) {
      // GIVEN an average agent and a proven fast one, both idle
      RecordingPool pool = RecordingPool.withStrategy(strategy);
      pool.heartbeat("a-avg", 2, Set.of());
      pool.heartbeat("b-best", 2, Set.of());
      for (int i = 0; i < 20; i++) {
        pool.submit(task().withEstimatedDuration(Duration.ofSeconds(1)));
        Assignment a = pool.newAssignments().get(0);
        pool.succeed(a, a.agentId().equals("b-best") ? 400 : 1500);
      }
      // WHEN a high (level 9) and a low (level 2) task arrive in turn
      String high = run(pool, task().withPriority(Priority.of(9)), 10);
      String low = run(pool, task().withPriority(Priority.of(2)), 10);
      // THEN priority-based gives the high one to the best agent and the low one to the other
      if (strategy.equals("priority-based")) {
        assertThat(List.of(high, low)).containsExactly("b-best", "a-avg");
      } else {
        // AND least-loaded, blind to performance, takes turns
        assertThat(List.of(high, low)).containsExactly("a-avg", "b-best");
      }
    }
  }
}
