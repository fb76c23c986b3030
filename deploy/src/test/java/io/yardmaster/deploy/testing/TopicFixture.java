package io.yardmaster.deploy.testing;

import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.model.topic.TopicProvisioner;
import io.yardmaster.model.topic.TopicSettings;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The contract's topics under a prefix of their own on the shared broker, with helpers to write
 * records as the dispatcher or agents would and to read back what a command wrote.
 */
public final class TopicFixture {
  private final KafkaClientSettings kafka;
  private final Topics topics;

  private TopicFixture(KafkaClientSettings kafka, Topics topics) {
    this.kafka = kafka;
    this.topics = topics;
  }

  /** Creates every topic (with 2 partitions) under a new random prefix. */
  public static TopicFixture create(KafkaClientSettings kafka, String... pools) {
    Topics topics = new Topics("it-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    TopicProvisioner.ensure(kafka, topics, TopicSettings.of(2, 1), List.of(pools));
    return new TopicFixture(kafka, topics);
  }

  public Topics topics() {
    return topics;
  }

  public String prefix() {
    return topics.prefix();
  }

  public String bootstrap() {
    return kafka.bootstrapServers();
  }

  public YardRunner yard() {
    return YardRunner.kafka(bootstrap(), prefix());
  }

  /** Writes records and waits until Kafka has them. */
  @SafeVarargs
  public final <V> void write(Topic<String, V> topic, V... values) {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            kafka.baseProperties(), new StringSerializer(), topic.valueSerde().serializer())) {
      for (V value : values) {
        producer.send(new ProducerRecord<>(topic.name(), keyOf(value), value)).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String keyOf(Object value) {
    if (value instanceof io.yardmaster.model.TaskView v) {
      return v.id();
    }
    if (value instanceof io.yardmaster.model.PoolStatus p) {
      return p.pool();
    }
    if (value instanceof io.yardmaster.model.AgentHeartbeat h) {
      return h.pool();
    }
    if (value instanceof io.yardmaster.model.DeadLetter d) {
      return d.taskId();
    }
    if (value instanceof io.yardmaster.model.RejectedRecord r) {
      return r.key();
    }
    if (value instanceof io.yardmaster.model.ScalingRecommendation s) {
      return s.pool();
    }
    throw new IllegalArgumentException("no key rule for " + value);
  }

  /** Every record of the topic (read to its end), as key and raw text. */
  public List<ConsumerRecord<String, String>> readAll(Topic<?, ?> topic) {
    Properties props = kafka.baseProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
