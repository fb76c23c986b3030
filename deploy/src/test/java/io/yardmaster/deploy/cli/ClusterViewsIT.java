package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.Models;
import io.yardmaster.deploy.testing.TopicFixture;
import io.yardmaster.deploy.testing.YardRunner;
import io.yardmaster.deploy.testing.YardRunner.Result;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class ClusterViewsIT {
  private KafkaClientSettings settings;
  private TopicFixture kafka;

  @BeforeEach
  void topics(KafkaClientSettings settings) {
    this.settings = settings;
    kafka = TopicFixture.create(settings, "gpu", "cpu");
  }

  @Test
  void shouldTabulateEveryPoolWhenPoolsReported() {
    // GIVEN two pool reports, the first one updated later
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    kafka.write(
        kafka.topics().poolStatus(),
        new PoolStatus("gpu", 2, 2, 8, 3, 10, 5, 0, 100, 2, 1, 0, 12.5, 30, 0.4, 2, false, now),
        new PoolStatus("cpu", 1, 1, 4, 4, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 1, true, now),
        new PoolStatus("gpu", 2, 1, 8, 2, 11, 6, 1, 101, 2, 1, 0, 13.0, 31, 0.5, 2, false, now));

    // WHEN
    Result result = kafka.yard().run("pools");

    // THEN one row per pool with its latest figures
    assertThat(result.exitCode()).as(result.all()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("cpu").contains("paused");
    assertThat(lines.get(2)).startsWith("gpu").contains("1/2").contains("2/8").contains("13.0");
  }

  @Test
  void shouldListTheAgentsHeardOfLatelyWhenAsked() {
    // GIVEN heartbeats of two agents, one of them twice
    Instant now = Instant.now();
    kafka.write(
        kafka.topics().heartbeats(),
        Models.heartbeat("gpu-0", "gpu", now.minusMillis(1500)),
        Models.heartbeat("gpu-1", "gpu", now.minusSeconds(10)),
        Models.heartbeat("gpu-0", "gpu", now.minusMillis(200)));

    // WHEN
    Result result = kafka.yard().run("agents");

    // THEN each agent once, the silent one marked
    assertThat(result.exitCode()).as(result.all()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .startsWith("gpu-0")
        .contains("cuda")
        .contains("3/4")
        .contains("active");
    assertThat(lines.get(2)).startsWith("gpu-1").contains("silent");
  }

  @Test
  void shouldCreateTheTopicsOnceAndReportThemAfterwardsWhenEnsuring() {
    // GIVEN a prefix with no topics yet
    YardRunner yard =
        YardRunner.kafka(settings.bootstrapServers(), "ens-" + UUID.randomUUID() + ".");

    // WHEN ensuring twice
    Result first = yard.run(List.of("topics", "ensure"), "--pool", "gpu", "--partitions", "2");
    Result second = yard.run(List.of("topics", "ensure"), "--pool", "gpu", "--partitions", "2");

    // THEN the first run creates the fixed topics and the pool's, the second finds them
    int all = Topics.FIXED.size() + 1;
    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(first.out()).contains("created  ens-").contains("pool.gpu.assignments");
    assertThat(first.out()).contains(all + " created, 0 already there, 0 differences");
    assertThat(second.out()).contains("0 created, " + all + " already there, 0 differences");
  }

  @Test
  void shouldReportTheDifferenceWhenATopicDoesNotMatch() {
    // GIVEN topics made with 2 partitions / WHEN ensuring 3
    Result result =
        kafka.yard().run(List.of("topics", "ensure"), "--pool", "gpu", "--partitions", "3");

    // THEN
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("DIFFERS  " + kafka.prefix() + "tasks.submit: partitions is 2, wanted 3");
    assertThat(result.err()).contains("some topics differ from the wanted settings");
  }

  @Test
  void shouldDrawEveryPoolAndStopWhenAllTasksEnded() {
    // GIVEN every task has ended
    kafka.write(
        kafka.topics().state(),
        Models.view("a", TaskState.SUCCEEDED, "gpu"),
        Models.view("b", TaskState.DEAD_LETTERED, "gpu"),
        Models.view("c", TaskState.SUCCEEDED, "cpu"));

    // WHEN watching until done
    Result result = kafka.yard().run("watch", "--until-done", "--plain");

    // THEN one bar per pool and a clean end
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("[progress] 3/3 tasks ended in 2 pools")
        .containsPattern("cpu \\[#+\\] +1/1 +queued 0 +running 0 +done 1 +failed 0")
        .containsPattern("gpu \\[#+\\] +2/2 +queued 0 +running 0 +done 1 +failed 1")
        .contains("every task has ended");
  }
}
