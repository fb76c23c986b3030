package io.yardmaster.worker.execution;

import io.yardmaster.model.TaskResult;
import io.yardmaster.model.topic.Topic;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends results to {@code tasks.results}, keyed by the pool (so the dispatcher's pool-keyed
 * scheduler reads them with no repartition). The producer retries by itself until its delivery
 * timeout; a send that still fails with a retriable error (the broker is away) is sent again, up to
 * {@link #MAX_SENDS} times, after which it is logged and its future fails (so the assignment's
 * offset is never committed and the assignment comes back after a restart).
 */
public final class ResultPublisher {
  static final int MAX_SENDS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);

  private final Producer<String, byte[]> producer;
  private final Topic<String, TaskResult> topic;

  public ResultPublisher(Producer<String, byte[]> producer, Topic<String, TaskResult> topic) {
    this.producer = Objects.requireNonNull(producer, "producer can't be null");
    this.topic = Objects.requireNonNull(topic, "topic can't be null");
  }

  /** Sends {@code result}; the future completes when the broker has acknowledged it. */
  public CompletableFuture<Void> publish(TaskResult result) {
    Objects.requireNonNull(result, "result can't be null");
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), result);
    CompletableFuture<Void> done = new CompletableFuture<>();
    send(new ProducerRecord<>(topic.name(), result.pool(), value), result, 1, done);
    return done;
  }

  private void send(
      ProducerRecord<String, byte[]> record,
      TaskResult result,
      int attempt,
      CompletableFuture<Void> done) {
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              done.complete(null);
            } else {
              failed(record, result, attempt, done, error);
            }
          });
    } catch (RuntimeException e) {
      failed(record, result, attempt, done, e);
    }
  }

  private void failed(
      ProducerRecord<String, byte[]> record,
      TaskResult result,
      int attempt,
      CompletableFuture<Void> done,
      Exception error) {
    if (error instanceof RetriableException && attempt < MAX_SENDS) {
      LOG.warn(
          "Sending the result of {} failed ({}); sending again",
          describe(result),
          error.toString());
      CompletableFuture.runAsync(() -> send(record, result, attempt + 1, done));
    } else {
      LOG.error("Cannot send the result of {}: {}", describe(result), error.toString());
      done.completeExceptionally(error);
    }
  }

  private static String describe(TaskResult result) {
    return result.taskId() + " attempt " + result.attempt() + " (" + result.status() + ")";
  }
}
