package io.yardmaster.deploy.kafka;

import io.yardmaster.deploy.KafkaUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads whole topics (every partition, no consumer group) from a chosen start: to their end as it
 * was when the cursor opened ({@link #readToEnd}), or live ({@link #poll}). Only committed records
 * are read, so a dispatcher's aborted transactions never show.
 */
public final class TopicCursor implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<TopicPartition, Long> endAtOpen;
  private final Duration stallTimeout;

  private TopicCursor(
      KafkaConsumer<String, byte[]> consumer,
      Map<TopicPartition, Long> endAtOpen,
      Duration stallTimeout) {
    this.consumer = consumer;
    this.endAtOpen = endAtOpen;
    this.stallTimeout = stallTimeout;
  }

  /** A cursor over every partition of these topics, which must exist. */
  public static TopicCursor open(YardClients clients, Collection<String> topics, StartAt start) {
    List<TopicPartition> partitions = new ArrayList<>();
    clients
        .requireTopics(topics)
        .forEach(
            (topic, count) -> {
              for (int p = 0; p < count; p++) {
                partitions.add(new TopicPartition(topic, p));
              }
            });
    return open(clients, partitions, start);
  }

  /** A cursor over the one partition of {@code topic} that holds {@code key}. */
  public static TopicCursor openForKey(YardClients clients, String topic, String key) {
    return openForKey(clients, topic, key, StartAt.beginning());
  }

  /** A cursor from {@code start} over the one partition of {@code topic} that holds {@code key}. */
  public static TopicCursor openForKey(
      YardClients clients, String topic, String key, StartAt start) {
    int partition = KeyPartitions.partitionOf(key, clients.partitionCount(topic));
    return open(clients, List.of(new TopicPartition(topic, partition)), start);
  }

  private static TopicCursor open(
      YardClients clients, List<TopicPartition> partitions, StartAt start) {
    KafkaConsumer<String, byte[]> consumer = clients.consumer();
    try {
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, clients.timeout());
      switch (start.kind()) {
        case BEGINNING -> consumer.seekToBeginning(partitions);
        case END -> ends.forEach(consumer::seek);
        case SINCE -> seekTo(consumer, partitions, ends, start, clients.timeout());
      }
      return new TopicCursor(consumer, new HashMap<>(ends), clients.timeout());
    } catch (KafkaException e) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      throw new KafkaUnavailableException(
          "cannot read " + partitions + ": " + YardClients.rootMessage(e), e);
    }
  }

  private static void seekTo(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends,
      StartAt start,
      Duration timeout) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, start.since().toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = found.get(tp);
      consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
    }
  }

  /** The records that arrived since the last call, waiting at most {@code timeout}. */
  public List<ConsumerRecord<String, byte[]>> poll(Duration timeout) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try {
      consumer.poll(timeout).forEach(records::add);
    } catch (KafkaException e) {
      throw new KafkaUnavailableException(
          "reading from Kafka failed: " + YardClients.rootMessage(e), e);
    }
    return records;
  }

  /** Whether every partition has been read up to where it ended when the cursor opened. */
  public boolean caughtUp() {
    for (Map.Entry<TopicPartition, Long> e : endAtOpen.entrySet()) {
      if (consumer.position(e.getKey(), stallTimeout) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hands every record up to the end (as it was when the cursor opened) to {@code sink}; fails when
   * Kafka returns nothing new for longer than the timeout.
   */
  public void readToEnd(Consumer<ConsumerRecord<String, byte[]>> sink) {
    long lastProgress = System.nanoTime();
    while (!caughtUp()) {
      List<ConsumerRecord<String, byte[]>> records = poll(POLL);
      if (!records.isEmpty()) {
        lastProgress = System.nanoTime();
        records.forEach(sink);
      } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
        throw new KafkaUnavailableException(
            "Kafka stopped returning records before the end of " + endAtOpen.keySet(), null);
      }
    }
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
  }
}
