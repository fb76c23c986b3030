package io.yardmaster.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.AgentHeartbeat;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentHealthTest {
  private static AgentHeartbeat beat(AgentHeartbeat.Status status) {
    return new AgentHeartbeat(
        "a",
        "p",
        Set.of(),
        2,
        2,
        List.of(),
        null,
        null,
        "v",
        1,
        null,
        null,
        1000,
        status,
        Instant.EPOCH);
  }

  @Test
  void shouldGradeAnAgentByTheAgeOfItsLastHeartbeat() {
    AgentHeartbeat hb = beat(AgentHeartbeat.Status.ACTIVE);
    assertThat(AgentHealth.of(hb, 500, 3, false)).isEqualTo(AgentHealth.HEALTHY);
    assertThat(AgentHealth.of(hb, 2500, 3, false)).isEqualTo(AgentHealth.DEGRADED);
    assertThat(AgentHealth.of(hb, 3500, 3, false)).isEqualTo(AgentHealth.UNHEALTHY);
    assertThat(AgentHealth.of(hb, 4500, 3, false)).isEqualTo(AgentHealth.OFFLINE);
  }

  @Test
  void shouldTrustTheDispatcherAndTheAgentWhenTheySayItIsGoingOrGone() {
    assertThat(AgentHealth.of(beat(AgentHeartbeat.Status.ACTIVE), 100, 3, true))
        .isEqualTo(AgentHealth.OFFLINE);
    assertThat(AgentHealth.of(beat(AgentHeartbeat.Status.LEAVING), 100, 3, false))
        .isEqualTo(AgentHealth.DRAINING);
  }
}
