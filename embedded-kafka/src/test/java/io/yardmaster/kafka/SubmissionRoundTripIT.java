package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.model.topic.TopicProvisioner;
import io.yardmaster.model.topic.TopicSettings;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class SubmissionRoundTripIT {
  private final Topics topics =
      new Topics("rt-" + UUID.randomUUID().toString().substring(0, 8) + ".");

  @BeforeEach
  void createTopics(KafkaClientSettings kafka) {
    TopicProvisioner.ensure(kafka, topics, TopicSettings.defaults(), List.of("data-processing"));
  }

  @Test
  void shouldReadBackTheSameSubmissionWhenProducedThroughTheModelSerde(KafkaClientSettings kafka) {
    // GIVEN a submission with every field set
    Topic<String, TaskSubmission> submit = topics.submit();
    TaskSubmission task = fullSubmission();

    // WHEN it is produced with the topic's serdes
    try (KafkaProducer<String, TaskSubmission> producer = producer(kafka, submit, Map.of())) {
      producer.send(new ProducerRecord<>(submit.name(), task.id(), task));
    }

    // THEN a consumer group reads it back, equal, keyed by its id
    List<ConsumerRecord<String, TaskSubmission>> read =
        readAll(kafka, submit, 1, "read_uncommitted");
    assertThat(read)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("prop-7");
              assertThat(r.value()).isEqualTo(task);
            });
  }

  @Test
  void shouldDeliverCommittedRecordsWhenProducedInATransaction(KafkaClientSettings kafka) {
    // GIVEN a transactional producer (exactly-once needs the transaction log on one broker)
    Topic<String, TaskSubmission> submit = topics.submit();
    Map<String, Object> tx =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());

    // WHEN three submissions are committed in one transaction
    try (KafkaProducer<String, TaskSubmission> producer = producer(kafka, submit, tx)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < 3; i++) {
        TaskSubmission t = TaskSubmission.of("tx-" + i, "noop");
        producer.send(new ProducerRecord<>(submit.name(), t.id(), t));
      }
      producer.commitTransaction();
    }

    // THEN a read_committed consumer sees all three
    assertThat(readAll(kafka, submit, 3, "read_committed"))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("tx-0", "tx-1", "tx-2");
  }

  private static TaskSubmission fullSubmission() {
    return new TaskSubmission(
        "prop-7",
        "sleep",
        JsonNodeFactory.instance.objectNode().put("ms", 300),
        "data-processing",
        new Priority(5, 1.0, Instant.parse("2026-12-04T18:00:00Z"), 1.0),
        Set.of("data_processing"),
        List.of("prop-3"),
        3,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        Duration.ofMillis(300),
        "eu-west",
        true,
        false,
        Map.of("tenant", "acme"));
  }

  private static <V> KafkaProducer<String, V> producer(
      KafkaClientSettings kafka, Topic<String, V> topic, Map<String, Object> extra) {
    Properties props = kafka.baseProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putAll(extra);
    return new KafkaProducer<>(
        props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static <V> List<ConsumerRecord<String, V>> readAll(
      KafkaClientSettings kafka, Topic<String, V> topic, int expected, String isolation) {
    Properties props = kafka.baseProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
              });
    }
    return records;
  }
}
