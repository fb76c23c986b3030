package io.yardmaster.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.deploy.testing.TopicFixture;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.worker.WorkerMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor of a local run following {@code pools.scaling} on a real broker with real worker
 * processes: it starts agents when the desired count rises and drains them when it falls.
 */
@ExtendWith(SharedKafkaBroker.class)
class AgentSupervisorIT {
  private static final String POOL = "scale";

  private static ScalingRecommendation wants(int n) {
    return new ScalingRecommendation(POOL, 0, n, "static", "test", Instant.now());
  }

  private static long alive(ProcessGroup group) {
    return group.processes().stream().filter(ManagedProcess::isAlive).count();
  }

  private static long upAgents(ProcessGroup group) {
    return group.processes().stream()
        .filter(
            p ->
                String.join("\n", p.logTail(50))
                    .contains("yard-worker " + p.name().substring(6) + ": pool"))
        .count();
  }

  @Test
  void shouldStartAndDrainWorkerProcessesWhenTheDesiredCountChanges(
      KafkaClientSettings settings, @TempDir Path logs) {
    TopicFixture kafka = TopicFixture.create(settings, POOL);
    StringWriter said = new StringWriter();
    PrintWriter out = new PrintWriter(said, true);
    ProcessGroup group = new ProcessGroup(out, Duration.ofSeconds(10));
    JavaCommand java = JavaCommand.ofCurrentJvm();
    ScaleFollower follower =
        new ScaleFollower(
            (pool, i) ->
                group.start(
                    "agent it-" + pool + "-" + i,
                    LocalProcesses.TIER_AGENTS,
                    java.command(
                        WorkerMain.class,
                        List.of(),
                        List.of(
                            "--bootstrap-servers",
                            kafka.bootstrap(),
                            "--topic-prefix",
                            kafka.prefix(),
                            "--pool",
                            pool,
                            "--agent-id",
                            "it-" + pool + "-" + i,
                            "--drain-timeout",
                            "2s",
                            "--metrics-port",
                            "0")),
                    logs.resolve("agent-" + i + ".log")),
            group);
    try (AgentSupervisor supervisor =
        new AgentSupervisor(
                settings,
                kafka.topics(),
                Set.of(POOL),
                follower,
                out,
                Instant.now().minusSeconds(5))
            .start()) {
      // GIVEN the dispatcher wants 2 agents
      kafka.write(kafka.topics().scaling(), wants(2));
      // THEN two worker processes run
      await().atMost(Duration.ofSeconds(30)).until(() -> alive(group) == 2);
      assertThat(follower.running(POOL)).isEqualTo(2);
      // (and both are up: a worker drains on SIGTERM once it has started)
      await().atMost(Duration.ofSeconds(40)).until(() -> upAgents(group) == 2);
      // WHEN it wants 1
      kafka.write(kafka.topics().scaling(), wants(1));
      // THEN the newest agent drains and exits cleanly, the other keeps running
      await().atMost(Duration.ofSeconds(30)).until(() -> alive(group) == 1);
      ManagedProcess drained =
          group.processes().stream().filter(p -> !p.isAlive()).findFirst().orElseThrow();
      assertThat(drained.name()).endsWith("-1");
      assertThat(drained.process().exitValue()).as(String.join("\n", drained.logTail(20))).isZero();
      assertThat(group.firstUnexpectedExit()).isEmpty();
      // WHEN it wants 3 THEN a new agent takes the free index and one more starts
      kafka.write(kafka.topics().scaling(), wants(3));
      await().atMost(Duration.ofSeconds(30)).until(() -> alive(group) == 3);
      assertThat(supervisor.desired(POOL)).isEqualTo(3);
      assertThat(said.toString())
          .contains("draining agent it-scale-1")
          .contains("started agent it-scale-2");
    } finally {
      group.stopAll();
    }
    assertThat(alive(group)).isZero();
  }
}
