package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.scheduling.InvariantCheckingOutbox.TaskModel;
import io.yardmaster.dispatcher.scheduling.strategy.Strategies;
import io.yardmaster.model.TaskState;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every load-balancing strategy under the chaos of {@link PoolSimulation}: credits, capabilities,
 * health and leases hold whichever agent each strategy picks, and every task ends exactly once.
 */
class StrategiesPropertyTest {
  static Stream<String> strategies() {
    return Strategies.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void shouldKeepEveryInvariantWhenAgentsFailStallAndLeaveWhateverTheStrategy(String strategy) {
    // GIVEN a pool with this strategy, tasks carrying estimates
    PoolSimulation sim = new PoolSimulation(3, strategy);
    // WHEN agents join, fail, go silent, come back and leave while operators intervene
    sim.chaos();
    sim.drain();
    // THEN every task ended exactly once, and nothing is left queued or leased
    assertThat(sim.model.tasks).hasSize(PoolSimulation.TASKS);
    for (TaskModel m : sim.model.tasks.values()) {
      assertThat(m.state)
          .as(m.task.id())
          .isIn(TaskState.SUCCEEDED, TaskState.DEAD_LETTERED, TaskState.CANCELLED);
      assertThat(m.terminals).as(m.task.id()).isEqualTo(1 + m.replays);
      assertThat(m.lease).as(m.task.id()).isNull();
    }
    assertThat(sim.scheduler.ready().isEmpty()).isTrue();
  }
}
