package io.yardmaster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.config.KafkaClientSettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WorkerKafkaConfigTest {
  private final WorkerOptions options =
      WorkerOptions.builder("etl")
          .agentId("box-1")
          .kafka(
              new KafkaClientSettings(
                  "k:9092",
                  Map.of(
                      "security.protocol", "SASL_SSL",
                      "isolation.level", "read_uncommitted",
                      "linger.ms", "20")))
          .build();

  @Test
  void shouldReadOwnAssignmentsCommittedWhenConsumerIsBuilt() {
    // WHEN the consumer's properties are built, even over conflicting user settings
    Properties props = WorkerKafkaConfig.consumer(options);
    // THEN the contract's settings hold and the user's TLS/SASL ones pass through
    assertThat(props)
        .containsEntry("group.id", "yard.agent.box-1")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("auto.offset.reset", "latest")
        .containsEntry("allow.auto.create.topics", "false")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("bootstrap.servers", "k:9092");
  }

  @Test
  void shouldLetUserTuneProducerWhenCorrectnessIsNotAtStake() {
    // WHEN the producer's properties are built
    Properties props = WorkerKafkaConfig.producer(options);
    // THEN acks and idempotence are fixed, tuning is the user's
    assertThat(props)
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("linger.ms", "20")
        .containsEntry("security.protocol", "SASL_SSL");
  }
}
