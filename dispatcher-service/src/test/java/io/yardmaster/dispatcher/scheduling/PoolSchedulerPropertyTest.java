package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.scheduling.InvariantCheckingOutbox.TaskModel;
import io.yardmaster.model.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives the plain-Java scheduler core through thousands of tasks and a crowd of unreliable agents
 * on a simulated clock, and checks its invariants at every step ({@link InvariantCheckingOutbox}).
 */
class PoolSchedulerPropertyTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldKeepEveryInvariantWhenAgentsFailStallLeaveAndOperatorsIntervene(long seed) {
    // GIVEN a pool whose options vary by seed, and a simulation of agents and operators
    PoolSimulation sim = new PoolSimulation(seed);
    // WHEN tasks arrive while agents join, fail, go silent, leave, and operators send commands
    sim.chaos();
    // AND then the pool is resumed and healthy agents work until nothing is left
    sim.drain();
    // THEN every task ended exactly once (again after each replay), and dead letters used up
    // their attempts
    InvariantCheckingOutbox model = sim.model;
    assertThat(model.tally)
        .as("paths the simulation took")
        .containsKeys(
            "restart",
            "DUPLICATE_SUBMISSION",
            "STALE_RESULT",
            "COMMAND_REJECTED",
            "READY->CANCELLED",
            "RETRY_WAIT->CANCELLED",
            "RUNNING->CANCELLED",
            "DEAD_LETTERED->READY",
            "ASSIGNED->READY by the clock",
            "RUNNING->READY by the clock",
            "RUNNING->FAILED by the clock",
            "FAILED->DEAD_LETTERED",
            "RETRY_WAIT->READY by the clock");
    assertThat(model.tasks).hasSize(PoolSimulation.TASKS);
    for (TaskModel m : model.tasks.values()) {
      assertThat(m.state)
          .as(m.task.id())
          .isIn(TaskState.SUCCEEDED, TaskState.DEAD_LETTERED, TaskState.CANCELLED);
      assertThat(m.terminals).as(m.task.id()).isEqualTo(1 + m.replays);
      assertThat(m.lease).as(m.task.id()).isNull();
      if (m.state == TaskState.DEAD_LETTERED) {
        if (m.lastFailureRetryable) {
          assertThat(m.failures).as(m.task.id()).isEqualTo(m.task.maxRetries() + 1);
        } else {
          assertThat(m.failures).as(m.task.id()).isBetween(1, m.task.maxRetries() + 1);
        }
      }
    }
    assertThat(sim.scheduler.ready().isEmpty()).isTrue();
    assertThat(sim.scheduler.retryWaiting()).isZero();
    assertThat(model.deadLetters.size())
        .isEqualTo(model.tasks.values().stream().mapToInt(m -> m.replays).sum() + sim.dead());
  }
}
