package io.yardmaster.fault.harness;

import io.yardmaster.model.config.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning, committed records only, up to the end it has when asked.
 * Tolerates a broker that is away for a while: a read that cannot finish now is tried again on the
 * next call.
 */
final class TopicLog implements AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;

  TopicLog(KafkaClientSettings kafka, String topic) {
    Properties props = kafka.baseProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, READ_TIMEOUT).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Hands every record read since the last call (key, value) to {@code sink}. */
  synchronized void readNew(BiConsumer<String, byte[]> sink) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), READ_TIMEOUT);
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("cannot read up to " + end + " in " + READ_TIMEOUT);
      }
      consumer.poll(Duration.ofMillis(100)).forEach(read::add);
    }
    read.forEach(r -> sink.accept(r.key(), r.value()));
  }

  @Override
  public synchronized void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
