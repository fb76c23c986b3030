package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.YardRunner;
import io.yardmaster.deploy.testing.YardRunner.Result;
import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code yard explain} against a running dispatcher on a real broker. */
@ExtendWith(SharedKafkaBroker.class)
class ExplainCommandIT {

  @Test
  void shouldExplainFromTheDispatchersOwnStateWhyATaskIsNotRunning(KafkaClientSettings kafka)
      throws Exception {
    // GIVEN a running dispatcher with one pool and no agents, and a task that needs a GPU
    Topics topics = new Topics("explain-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    DispatcherConfig config =
        DispatcherConfig.defaults(kafka, List.of(PoolConfig.of("data")))
            .withStateDir(Files.createTempDirectory(Path.of("target"), "explain-it"))
            .withTopicPrefix(topics.prefix());
    try (DispatcherService dispatcher = new DispatcherService(config, 1, true)) {
      dispatcher.start();
      TaskSubmission task =
          TaskSubmission.of("render-1", "noop")
              .withPool("data")
              .withCapabilities(Set.of("gpu"))
              .withPriority(Priority.of(7));
      Properties p = kafka.baseProperties();
      try (KafkaProducer<String, TaskSubmission> producer =
          new KafkaProducer<>(
              p, new StringSerializer(), topics.submit().valueSerde().serializer())) {
        producer.send(new ProducerRecord<>(topics.submit().name(), task.id(), task)).get();
      }
      YardRunner yard = YardRunner.kafka(kafka.bootstrapServers(), topics.prefix());

      // WHEN yard explain asks about it (once the dispatcher has queued it)
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Result r = yard.run("explain", "render-1");
                // THEN it names the reason, the missing capability and the score's parts
                assertThat(r.exitCode()).as(r.all()).isZero();
                assertThat(r.out())
                    .contains("render-1: READY in pool data - NO_CAPABLE_AGENT")
                    .contains("[gpu]")
                    .containsPattern("score 7\\.\\d\\d = level 7 x value 1.00 x urgency 1.00");
              });

      // AND an unknown id is reported as such, with exit code 1
      Result unknown = yard.run("explain", "no-such-task");
      assertThat(unknown.exitCode()).as(unknown.all()).isEqualTo(1);
      assertThat(unknown.out()).contains("UNKNOWN_TASK");
    }
  }
}
