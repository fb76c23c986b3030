package io.yardmaster.worker.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;

/**
 * A MockConsumer whose empty polls wait (up to the poll timeout, or until a record arrives) as a
 * real consumer does, so a poll loop under test does not spin.
 */
public final class PacedMockConsumer extends MockConsumer<String, byte[]> {

  public PacedMockConsumer() {
    super("latest");
  }

  /** Declares {@code topic} with {@code count} partitions, each empty. */
  public synchronized void createTopic(String topic, int count) {
    Node node = new Node(0, "localhost", 9092);
    List<PartitionInfo> infos =
        IntStream.range(0, count)
            .mapToObj(p -> new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node}))
            .toList();
    updatePartitions(topic, infos);
    Map<TopicPartition, Long> ends = new java.util.HashMap<>();
    infos.forEach(i -> ends.put(new TopicPartition(topic, i.partition()), 0L));
    updateEndOffsets(ends);
    updateBeginningOffsets(ends);
  }

  @Override
  public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
    ConsumerRecords<String, byte[]> records = super.poll(timeout);
    if (records.isEmpty()) {
      try {
        wait(Math.max(1, timeout.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException(e);
      }
    }
    return records;
  }

  @Override
  public synchronized void addRecord(ConsumerRecord<String, byte[]> record) {
    super.addRecord(record);
    notifyAll();
  }

  /** Every commit, in order (readable after close, unlike {@code committed}). */
  public final List<Map<TopicPartition, OffsetAndMetadata>> commits =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    super.commitSync(offsets);
    commits.add(Map.copyOf(offsets));
  }

  @Override
  public synchronized void wakeup() {
    super.wakeup();
    notifyAll();
  }
}
