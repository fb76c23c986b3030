package io.yardmaster.worker.it;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own topics on the shared broker (a random prefix), the dispatcher's side of the
 * assignment contract (writes assignments keyed by agent id with the default partitioner), and
 * readers of what agents write.
 */
final class KafkaTestTopics implements AutoCloseable {
  static final int PARTITIONS = 3;

  final KafkaClientSettings kafka;
  final Topics topics = new Topics("it-" + UUID.randomUUID().toString().substring(0, 8) + ".");
  private final KafkaProducer<String, Assignment> assignments;

  KafkaTestTopics(KafkaClientSettings kafka, String pool) throws Exception {
    this.kafka = kafka;
    try (Admin admin = Admin.create(kafka.baseProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.assignmentTopicName(pool), PARTITIONS, (short) 1),
                  new NewTopic(topics.results().name(), PARTITIONS, (short) 1),
                  new NewTopic(topics.heartbeats().name(), PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Properties props = kafka.baseProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    assignments =
        new KafkaProducer<>(props, new StringSerializer(), JsonSerde.of(Assignment.class));
  }

  /** Writes an assignment as the dispatcher does: keyed by the agent id, default partitioning. */
  void assign(Assignment assignment) throws Exception {
    assignments
        .send(
            new ProducerRecord<>(
                topics.assignmentTopicName(assignment.pool()), assignment.agentId(), assignment))
        .get(30, TimeUnit.SECONDS);
  }

  /** A reader of every partition of {@code topic}, from the beginning. */
  <V> Reader<V> reader(String topic, JsonSerde<V> serde) {
    return new Reader<>(kafka, topic, serde);
  }

  @Override
  public void close() {
    assignments.close(Duration.ofSeconds(5));
  }

  /** Accumulates the records of one topic; {@link #read()} polls once more and returns them all. */
  static final class Reader<V> implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final JsonSerde<V> serde;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    Reader(KafkaClientSettings kafka, String topic, JsonSerde<V> serde) {
      Properties props = kafka.baseProperties();
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      this.consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
      this.serde = serde;
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    synchronized List<ConsumerRecord<String, V>> read() {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        V value = serde.deserialize(r.topic(), r.value());
        records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value));
      }
      return List.copyOf(records);
    }

    List<V> values() {
      return read().stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
