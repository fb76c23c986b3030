package io.yardmaster.dispatcher.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.dispatcher.topology.DispatcherTopology;
import io.yardmaster.dispatcher.topology.StreamsSettings;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.json.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Dependency cases that once went wrong: replays of failed dependencies, and probe storms. */
class DependencyRegressionTest {
  private static final List<PoolConfig> POOLS =
      List.of(PoolConfig.of("p1"), PoolConfig.of("p2"), PoolConfig.of("p3"));

  private static TaskSubmission task(String id, String pool, String... deps) {
    return TaskSubmission.of(id, "noop")
        .withPool(pool)
        .withDependencies(List.of(deps))
        .withRetries(0, Duration.ofMillis(10));
  }

  /** One agent per pool, one slot each; returns the RUN assignment the pool was just sent. */
  private static Assignment next(DispatcherHarness h, String pool) {
    h.heartbeat(pool, pool + "-agent", 1, Set.of());
    List<Assignment> sent = h.newAssignments(pool);
    assertThat(sent).as("assignments of " + pool).hasSize(1);
    h.started(sent.get(0));
    return sent.get(0);
  }

  @Test
  void shouldKeepADependentFailedWhenOnlyOneOfItsTwoFailedDependenciesIsReplayed() {
    try (DispatcherHarness h = new DispatcherHarness(POOLS, c -> c)) {
      // GIVEN c needs a and b, and both were dead-lettered (a first)
      h.submit(task("a", "p1"));
      h.submit(task("b", "p2"));
      h.submit(task("c", "p3", "a", "b"));
      h.failed(next(h, "p1"), "broken");
      h.failed(next(h, "p2"), "broken");
      assertThat(h.views().get("c").reason()).contains("dependency a ended DEAD_LETTERED");
      // WHEN a is replayed and succeeds
      h.control(ControlCommand.replay("a"));
      h.succeeded(next(h, "p1"));
      h.advanceInSteps(Duration.ofSeconds(3), Duration.ofMillis(500));
      // THEN c is still UPSTREAM_FAILED, now because of b: it does not wait for ever
      assertThat(h.stateOf("c")).isEqualTo(TaskState.UPSTREAM_FAILED);
      assertThat(h.views().get("c").reason()).contains("dependency b ended DEAD_LETTERED");
    }
  }

  @Test
  void shouldLetATaskWaitOnARevivedDependencyWhileThatDependencyRuns() {
    try (DispatcherHarness h = new DispatcherHarness(POOLS, c -> c)) {
      // GIVEN b failed upstream because a was dead-lettered, then a was replayed and succeeded
      h.submit(task("a", "p1"));
      h.submit(task("b", "p2", "a"));
      h.failed(next(h, "p1"), "broken");
      assertThat(h.stateOf("b")).isEqualTo(TaskState.UPSTREAM_FAILED);
      h.control(ControlCommand.replay("a"));
      h.succeeded(next(h, "p1"));
      Assignment b = next(h, "p2");
      assertThat(h.stateOf("b")).isEqualTo(TaskState.RUNNING);
      // WHEN c, which needs b, arrives while b runs
      h.submit(task("c", "p3", "b"));
      // THEN c waits for b (it is not failed because of b's old state), and runs once b succeeds
      assertThat(h.stateOf("c")).isEqualTo(TaskState.WAITING);
      h.succeeded(b);
      h.succeeded(next(h, "p3"));
      assertThat(h.stateOf("c")).isEqualTo(TaskState.SUCCEEDED);
      assertThat(h.events())
          .filteredOn(e -> e.taskId().equals("c"))
          .extracting(TaskEvent::to)
          .doesNotContain(TaskState.UPSTREAM_FAILED);
    }
  }

  @Test
  void shouldCrossEachEdgeOnceAtMostPerCycleSearchWhenALadderArrivesDependenciesFirst()
      throws Exception {
    // GIVEN a ladder two tasks wide and 12 deep: each task needs both tasks of the level below
    Path dir = Files.createTempDirectory(Path.of("target"), "probe-storm");
    DispatcherConfig config =
        DispatcherConfig.defaults(KafkaClientSettings.of("dummy:9092"), POOLS).withStateDir(dir);
    int depth = 12;
    int edges = 0;
    int searches = 0;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            DispatcherTopology.build(config),
            StreamsSettings.properties(config),
            DispatcherHarness.START)) {
      var submit =
          driver.createInputTopic(
              config.topics().submit().name(),
              Serdes.String().serializer(),
              Serdes.ByteArray().serializer());
      var messages =
          driver.createOutputTopic(
              config.topics().dependencies().name(),
              Serdes.String().deserializer(),
              JsonSerde.of(DependencyMessage.class));
      // WHEN it is submitted level by level, dependencies first, before any task runs
      for (int level = 0; level < depth; level++) {
        for (int i = 0; i < 2; i++) {
          TaskSubmission t =
              level == 0
                  ? task("l0-" + i, "p1")
                  : task(
                      "l" + level + "-" + i,
                      "p1",
                      "l" + (level - 1) + "-0",
                      "l" + (level - 1) + "-1");
          edges += t.dependencies().size();
          searches += t.dependencies().isEmpty() ? 0 : 1;
          submit.pipeInput(
              t.id(), Json.mapper().valueToTree(t).toString().getBytes(StandardCharsets.UTF_8));
        }
      }
      // THEN each cycle search (one per waiting task) crosses each edge at most once
      long probes =
          messages.readValuesToList().stream()
              .filter(m -> m.kind() == DependencyMessage.Kind.PROBE)
              .count();
      assertThat(probes)
          .as("probes for %d searches over %d edges", searches, edges)
          .isLessThanOrEqualTo((long) searches * edges);
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
