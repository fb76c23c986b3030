package io.yardmaster.dispatcher.scheduling.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every threshold of the health state machine at its edge: just below, then over. */
class HealthTrackerTest {
  private static final long INTERVAL = 1000;
  // window 20, at least 10 results, error rate > 0.25, late > 1.5 intervals, unhealthy > 2
  // intervals, 3 successes to recover
  private final HealthTracker tracker = new HealthTracker(HealthOptions.DEFAULTS);

  private void results(int successes, int failures) {
    for (int i = 0; i < successes; i++) {
      tracker.onResult(true);
    }
    for (int i = 0; i < failures; i++) {
      tracker.onResult(false);
    }
  }

  @Test
  void shouldStayHealthyAtTheErrorRateThresholdAndDegradeJustOverIt() {
    // GIVEN 15 successes and 5 failures: error rate 0.25 over 20, at the threshold
    results(15, 5);
    assertThat(tracker.state()).isEqualTo(AgentHealth.HEALTHY);
    assertThat(tracker.errorRate()).isEqualTo(0.25);
    // WHEN one more failure pushes a success out of the window: 6 of 20 = 0.30
    Optional<HealthChange> change = tracker.onResult(false);
    // THEN the agent is DEGRADED, and the reason says why
    assertThat(tracker.state()).isEqualTo(AgentHealth.DEGRADED);
    assertThat(change)
        .map(HealthChange::describe)
        .contains("DEGRADED: error rate 0.30 over last 20 results > 0.25");
  }

  @Test
  void shouldNotJudgeTheErrorRateBeforeTheMinimumResults() {
    // GIVEN 9 failures in a row: rate 1.0, but fewer than 10 results
    results(0, 9);
    assertThat(tracker.state()).isEqualTo(AgentHealth.HEALTHY);
    // WHEN the tenth result comes THEN the rate counts
    results(0, 1);
    assertThat(tracker.state()).isEqualTo(AgentHealth.DEGRADED);
  }

  @Test
  void shouldBeHealthyAgainWhenTheErrorRateFallsBackToTheThreshold() {
    // GIVEN a degraded agent: 14 successes, then 6 failures (0.30)
    results(14, 6);
    assertThat(tracker.state()).isEqualTo(AgentHealth.DEGRADED);
    // WHEN 14 successes follow, the 6 failures are still in the window of 20 (0.30)
    results(14, 0);
    assertThat(tracker.state()).isEqualTo(AgentHealth.DEGRADED);
    // AND one more pushes the first failure out: 5 of 20 = 0.25, at the threshold
    Optional<HealthChange> change = tracker.onResult(true);
    // THEN it is HEALTHY again
    assertThat(change.map(HealthChange::to)).contains(AgentHealth.HEALTHY);
  }

  @Test
  void shouldStayHealthyForAHeartbeatAtTheLateLimitAndDegradeJustOverIt() {
    // GIVEN heartbeats 1,500 ms apart: interval × 1.5, at the limit
    assertThat(tracker.onHeartbeat(1500, INTERVAL)).isEmpty();
    assertThat(tracker.state()).isEqualTo(AgentHealth.HEALTHY);
    // WHEN one comes 1,501 ms after the last
    Optional<HealthChange> change = tracker.onHeartbeat(1501, INTERVAL);
    // THEN the agent is DEGRADED until a heartbeat is on time again
    assertThat(change)
        .map(HealthChange::describe)
        .contains("DEGRADED: heartbeat 1501 ms after the last > 1000 ms interval × 1.50");
    assertThat(tracker.onHeartbeat(1000, INTERVAL).map(HealthChange::to))
        .contains(AgentHealth.HEALTHY);
  }

  @Test
  void shouldBecomeUnhealthyJustOverTheMissedHeartbeatLimit() {
    // GIVEN silence of two intervals: at the limit
    assertThat(tracker.onSilence(2000, INTERVAL)).isEmpty();
    // WHEN silence passes it
    Optional<HealthChange> change = tracker.onSilence(2001, INTERVAL);
    // THEN the agent is UNHEALTHY, once
    assertThat(change.map(HealthChange::to)).contains(AgentHealth.UNHEALTHY);
    assertThat(tracker.onSilence(2500, INTERVAL)).isEmpty();
    // AND late heartbeats or results do not make it healthy while it is unhealthy
    assertThat(tracker.onResult(true)).isEmpty();
    assertThat(tracker.state()).isEqualTo(AgentHealth.UNHEALTHY);
  }

  @Test
  void shouldRecoverOnlyAfterTheRequiredSuccessesInARow() {
    // GIVEN an unhealthy agent whose heartbeats return
    tracker.onSilence(2001, INTERVAL);
    assertThat(tracker.onHeartbeat(2500, INTERVAL).map(HealthChange::to))
        .contains(AgentHealth.RECOVERING);
    // WHEN it succeeds twice, fails, then succeeds twice: never 3 in a row
    results(2, 1);
    results(2, 0);
    assertThat(tracker.state()).isEqualTo(AgentHealth.RECOVERING);
    assertThat(tracker.recoveryStreak()).isEqualTo(2);
    // AND then once more: the third success in a row
    Optional<HealthChange> change = tracker.onResult(true);
    // THEN it is HEALTHY
    assertThat(change.map(HealthChange::to)).contains(AgentHealth.HEALTHY);
    assertThat(tracker.state()).isEqualTo(AgentHealth.HEALTHY);
  }

  @Test
  void shouldFallBackToUnhealthyWhenARecoveringAgentGoesSilentAgain() {
    tracker.onSilence(2001, INTERVAL);
    tracker.onHeartbeat(2500, INTERVAL);
    assertThat(tracker.onSilence(2001, INTERVAL).map(HealthChange::to))
        .contains(AgentHealth.UNHEALTHY);
  }

  @Test
  void shouldGoOfflineFromAnyStateAndStayThere() {
    results(0, 10);
    assertThat(tracker.offline("agent left").map(HealthChange::describe))
        .contains("OFFLINE: agent left");
    assertThat(tracker.onHeartbeat(1000, INTERVAL)).isEmpty();
    assertThat(tracker.onSilence(10_000, INTERVAL)).isEmpty();
    assertThat(tracker.state()).isEqualTo(AgentHealth.OFFLINE);
  }

  @Test
  void shouldRejectInconsistentThresholds() {
    assertThatThrownBy(() -> new HealthOptions(20, 10, 0.25, 2.0, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lateFactor");
    assertThatThrownBy(() -> new HealthOptions(20, 21, 0.25, 1.5, 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HealthTracker(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options can't be null");
  }
}
