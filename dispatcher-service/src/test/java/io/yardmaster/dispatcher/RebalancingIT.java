package io.yardmaster.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.rebalance.RebalanceOptions;
import io.yardmaster.dispatcher.testing.SimulatedAgents;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rebalancing on a real broker with exactly-once processing: tasks queued in a pool with no agents
 * move through the pool repartition to a pool whose agents run them; pinned ones stay.
 */
@ExtendWith(SharedKafkaBroker.class)
class RebalancingIT {
  private static final int MOVABLE = 200;
  private static final int PINNED = 10;

  @Test
  void shouldRunQueuedTasksInTheIdlePoolWhenTheirPoolHasNoAgents(KafkaClientSettings kafka)
      throws Exception {
    // GIVEN pools busy (no agents) and idle (2 simulated agents of 2 slots), factor 2
    Topics topics = new Topics("rebal1.");
    Path state = Files.createTempDirectory(Path.of("target"), "rebalance-it");
    DispatcherConfig config =
        DispatcherConfig.defaults(kafka, List.of(PoolConfig.of("busy"), PoolConfig.of("idle")))
            .withStateDir(state)
            .withTopicPrefix(topics.prefix())
            .withRebalance(RebalanceOptions.factor(2));
    try (DispatcherService dispatcher = new DispatcherService(config, 1, true);
        SimulatedAgents agents =
            DispatcherExactlyOnceIT.startAfter(dispatcher, kafka, topics, "idle", 2, 2)) {
      // WHEN 200 tasks and 10 pinned ones are submitted to busy
      Properties p = kafka.baseProperties();
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<String, TaskSubmission> producer =
          new KafkaProducer<>(
              p, new StringSerializer(), topics.submit().valueSerde().serializer())) {
        for (int i = 0; i < MOVABLE + PINNED; i++) {
          TaskSubmission t =
              TaskSubmission.of((i < MOVABLE ? "m" : "pinned") + i, "noop")
                  .withPool("busy")
                  .withPinned(i >= MOVABLE);
          producer.send(new ProducerRecord<>(topics.submit().name(), t.id(), t));
        }
      }
      // THEN the 200 run in idle, once each, and the pinned ones wait in busy
      Map<String, TaskView> views = new HashMap<>();
      try (KafkaConsumer<String, TaskView> consumer =
          DispatcherExactlyOnceIT.stateReader(kafka, topics)) {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> views.put(r.key(), r.value()));
                  return views.values().stream()
                          .filter(v -> v.state() == TaskState.SUCCEEDED)
                          .count()
                      == MOVABLE;
                });
      }
      assertThat(views.values())
          .filteredOn(v -> v.state() == TaskState.SUCCEEDED)
          .allMatch(v -> v.pool().equals("idle") && v.id().startsWith("m"));
      assertThat(views.values())
          .filteredOn(v -> v.id().startsWith("pinned"))
          .hasSize(PINNED)
          .allMatch(v -> v.state() == TaskState.READY && v.pool().equals("busy"));
      List<String> ran = agents.assignments().stream().map(Assignment::taskId).toList();
      assertThat(ran).doesNotHaveDuplicates().hasSize(MOVABLE);
    }
  }
}
