package io.yardmaster.benchmarks.system;

import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes submissions as a client would, noting when each was sent (wall clock, microseconds: the
 * agents report their times on the same clock).
 */
final class Submitter implements AutoCloseable {
  /** How long one batch of sends took. */
  record Sent(long firstNanos, long flushedNanos, int count) {
    double perSecond() {
      return count / ((flushedNanos - firstNanos) / 1e9);
    }
  }

  private final KafkaProducer<String, TaskSubmission> producer;
  private final String topic;
  private final Map<String, Long> sentMicros = new ConcurrentHashMap<>();

  Submitter(String bootstrap, Topics topics) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    // as the product's own submitters: a retried batch may only duplicate a submission, which
    // intake ignores by task id
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    producer =
        new KafkaProducer<>(p, new StringSerializer(), topics.submit().valueSerde().serializer());
    topic = topics.submit().name();
  }

  /** Sends these tasks as fast as the producer takes them, then flushes. */
  Sent sendAll(List<TaskSubmission> tasks) {
    long first = System.nanoTime();
    for (TaskSubmission t : tasks) {
      send(t);
    }
    producer.flush();
    return new Sent(first, System.nanoTime(), tasks.size());
  }

  /**
   * Sends task i at {@code offsetsNanos[i]} after the start (paced, open loop: a late send does not
   * delay the schedule), then flushes.
   */
  Sent sendPaced(List<TaskSubmission> tasks, long[] offsetsNanos) {
    long start = System.nanoTime();
    for (int i = 0; i < tasks.size(); i++) {
      long wait = start + offsetsNanos[i] - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      send(tasks.get(i));
    }
    producer.flush();
    return new Sent(start, System.nanoTime(), tasks.size());
  }

  void send(TaskSubmission t) {
    sentMicros.put(t.id(), nowMicros());
    producer.send(new ProducerRecord<>(topic, t.id(), t));
  }

  /** When the task was handed to the producer, in epoch microseconds. */
  long sentMicros(String id) {
    Long at = sentMicros.get(id);
    if (at == null) {
      throw new IllegalArgumentException("never sent: " + id);
    }
    return at;
  }

  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  static long micros(java.time.Instant at) {
    return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
  }

  @Override
  public void close() {
    producer.close();
  }
}
