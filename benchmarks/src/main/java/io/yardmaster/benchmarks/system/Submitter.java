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

  private final KafkaProducer<String, TaskSubmission> bulk;
  private final KafkaProducer<String, TaskSubmission> paced;
  private final String topic;
  private final Map<String, Long> sentMicros = new ConcurrentHashMap<>();

  /**
   * Bursts go through a producer that batches (linger 5 ms, 128 KiB batches); paced sends, whose
   * latency is measured, through one that sends at once (linger 0), as a latency-minded client
   * would.
   */
  Submitter(String bootstrap, Topics topics) {
    bulk = producer(bootstrap, topics, 5, 128 * 1024);
    paced = producer(bootstrap, topics, 0, 16 * 1024);
    topic = topics.submit().name();
  }

  private static KafkaProducer<String, TaskSubmission> producer(
      String bootstrap, Topics topics, int lingerMs, int batchBytes) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
    // as the product's own submitters: a retried batch may only duplicate a submission, which
    // intake ignores by task id
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    return new KafkaProducer<>(
        p, new StringSerializer(), topics.submit().valueSerde().serializer());
  }

  /** Sends these tasks as fast as the producer takes them, then flushes. */
  Sent sendAll(List<TaskSubmission> tasks) {
    long first = System.nanoTime();
    for (TaskSubmission t : tasks) {
      send(bulk, t);
    }
    bulk.flush();
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
      send(paced, tasks.get(i));
    }
    paced.flush();
    return new Sent(start, System.nanoTime(), tasks.size());
  }

  private void send(KafkaProducer<String, TaskSubmission> producer, TaskSubmission t) {
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
    bulk.close();
    paced.close();
  }
}
