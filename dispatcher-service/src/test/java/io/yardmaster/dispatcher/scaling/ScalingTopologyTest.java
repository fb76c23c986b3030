package io.yardmaster.dispatcher.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scaling through the real topology: pools.scaling and the desired count in pools.status. */
class ScalingTopologyTest {
  @Test
  void shouldPublishTheDesiredCountWhenTheBacklogGrows() {
    PoolConfig scaled =
        PoolConfig.of("jobs")
            .withScaling(ScalingSpecParser.parse("reactive(queue=2);min=1;max=5;up=2s;down=1m"));
    try (DispatcherHarness h =
        new DispatcherHarness(List.of(scaled, PoolConfig.of("plain")), c -> c)) {
      // GIVEN one agent with 2 slots in each pool, and 20 tasks queued in jobs
      h.heartbeat("jobs", "j1", 2, Set.of());
      h.heartbeat("plain", "p1", 2, Set.of());
      for (int i = 0; i < 20; i++) {
        h.submit(TaskSubmission.of("t" + i, "noop").withPool("jobs"));
      }
      // WHEN a status report goes out
      h.advance(Duration.ofSeconds(1));
      // THEN jobs wants its maximum (20 tasks / (2 slots + 2 queued) = 5) and says why
      List<ScalingRecommendation> recs = h.newScalingRecommendations();
      assertThat(recs).hasSize(1);
      ScalingRecommendation r = recs.get(0);
      assertThat(r.pool()).isEqualTo("jobs");
      assertThat(r.desiredAgents()).isEqualTo(5);
      assertThat(r.currentAgents()).isEqualTo(1);
      assertThat(r.policy()).startsWith("reactive");
      assertThat(r.reason()).contains("20 queued+running");
      // AND the statuses carry the desired count: jobs' policy, plain's own agents
      assertThat(h.newPoolStatuses())
          .extracting(PoolStatus::pool, PoolStatus::desiredAgents)
          .contains(
              org.assertj.core.groups.Tuple.tuple("jobs", 5),
              org.assertj.core.groups.Tuple.tuple("plain", 1));
      // AND an unchanged count is repeated only every ten seconds
      h.advanceInSteps(Duration.ofSeconds(9), Duration.ofSeconds(1));
      assertThat(h.newScalingRecommendations()).hasSizeLessThanOrEqualTo(1);
    }
  }
}
