package io.yardmaster.dispatcher.web;

import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Asks the dispatcher to explain a task, as {@code yard explain} does: an EXPLAIN command on {@code
 * tasks.control}, answered on {@code tasks.explanations} by whichever instance owns the task or its
 * pool, so any instance's API can answer for the whole cluster.
 */
final class ExplainRequests {
  private final KafkaClientSettings kafka;
  private final Topic<String, TaskExplanation> answers;
  private final ControlSender control;
  private final Duration timeout;

  ExplainRequests(
      KafkaClientSettings kafka, Topics topics, ControlSender control, Duration timeout) {
    this.kafka = kafka;
    this.answers = topics.explanations();
    this.control = control;
    this.timeout = timeout;
  }

  /** The answer, or empty when none came within the timeout. */
  Optional<TaskExplanation> explain(String taskId) {
    Properties p = kafka.baseProperties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, TaskExplanation> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), answers.valueSerde().deserializer())) {
      int partitions = consumer.partitionsFor(answers.name(), timeout).size();
      byte[] key = taskId.getBytes(StandardCharsets.UTF_8);
      TopicPartition tp =
          new TopicPartition(answers.name(), Utils.toPositive(Utils.murmur2(key)) % partitions);
      consumer.assign(List.of(tp));
      consumer.seekToEnd(List.of(tp));
      consumer.position(tp, timeout);
      String requestId = UUID.randomUUID().toString();
      control.send(ControlCommand.explain(taskId, requestId));
      long until = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < until) {
        for (ConsumerRecord<String, TaskExplanation> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.value() != null && requestId.equals(r.value().requestId())) {
            return Optional.of(r.value());
          }
        }
      }
      return Optional.empty();
    }
  }
}
