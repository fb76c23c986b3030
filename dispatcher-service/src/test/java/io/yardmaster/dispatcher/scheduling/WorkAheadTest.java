package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.testing.Heartbeats;
import io.yardmaster.model.AgentHeartbeat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkAheadTest {
  private static AgentState agent(int slots, Integer maxQueued, double roundTripMs, double runMs) {
    AgentState a = new AgentState("a1", 0);
    a.onHeartbeat(
        Heartbeats.of(
            "a1", "main", Set.of(), slots, 1000, AgentHeartbeat.Status.ACTIVE, 0, maxQueued),
        0);
    if (!Double.isNaN(roundTripMs)) {
      a.recordRoundTrip(roundTripMs);
    }
    if (!Double.isNaN(runMs)) {
      a.recordDuration(runMs);
    }
    return a;
  }

  @Test
  void shouldSizeTheWindowByLittlesLawUpToTheCap() {
    WorkAhead workAhead = new WorkAhead(256);
    // 2 slots of 10 ms tasks finish 200 a second: a 40 ms round trip needs 8 more on the way
    assertThat(workAhead.window(agent(2, null, 40, 10))).isEqualTo(8);
    // a task that reports 0 ms still takes the agent some time: counted as 0.1 ms, 20,000 a
    // second, which a 40 ms round trip would put at 800: the cap holds it
    assertThat(workAhead.window(agent(2, null, 40, 0))).isEqualTo(256);
    assertThat(new WorkAhead(16).window(agent(2, null, 40, 0))).isEqualTo(16);
    assertThat(new WorkAhead(0).window(agent(2, null, 40, 0))).isZero();
  }

  @Test
  void shouldSendOneTaskAheadUntilBothFiguresAreMeasured() {
    assertThat(new WorkAhead(256).window(agent(2, null, Double.NaN, 10))).isEqualTo(1);
    assertThat(new WorkAhead(256).window(agent(2, null, 40, Double.NaN))).isEqualTo(1);
  }

  @Test
  void shouldNeverSendMoreAheadThanTheAgentSaysItQueues() {
    // GIVEN an agent that queues at most 64 assignments beyond its slots (more are handed back)
    AgentState a = agent(2, 64, 40, 0);
    // THEN the window stops at 64 and its room at slots + 64
    WorkAhead workAhead = new WorkAhead(256);
    assertThat(workAhead.window(a)).isEqualTo(64);
    assertThat(workAhead.room(a)).isEqualTo(66);
    // AND an agent that queues nothing is sent no more than its slots
    assertThat(workAhead.room(agent(2, 0, 40, 0))).isEqualTo(2);
  }
}
