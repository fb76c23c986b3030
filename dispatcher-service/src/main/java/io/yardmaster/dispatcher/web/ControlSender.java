package io.yardmaster.dispatcher.web;

import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the dashboard's operator commands to {@code tasks.control}, one acknowledged send each.
 */
public final class ControlSender implements AutoCloseable {
  static final String ISSUED_BY = "dashboard";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final Topic<String, ControlCommand> topic;
  private final KafkaProducer<String, ControlCommand> producer;

  public ControlSender(KafkaClientSettings kafka, Topics topics) {
    this.topic = topics.control();
    Properties props = kafka.baseProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, topics.prefix() + "dashboard-control");
    this.producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  public String topicName() {
    return topic.name();
  }

  /** Sends the command, signed by the dashboard, and waits for the broker's acknowledgement. */
  public void send(ControlCommand command) {
    ControlCommand signed =
        new ControlCommand(
            command.action(),
            command.taskId(),
            command.pool(),
            command.priority(),
            ISSUED_BY,
            command.issuedAt(),
            command.requestId());
    try {
      producer
          .send(new ProducerRecord<>(topic.name(), signed.key(), signed))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + signed.action(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot send " + signed.action() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
