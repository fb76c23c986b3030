package io.yardmaster.deploy.submit;

import io.yardmaster.deploy.kafka.YardClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes checked submissions to {@code tasks.submit}, keyed by task id, exactly as the user wrote
 * them (unknown fields included, so newer dispatchers see them), and waits until Kafka has them
 * all.
 */
public final class SubmissionSender {
  private final YardClients clients;

  public SubmissionSender(YardClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients can't be null");
  }

  /** Sends every submission and returns their ids in order, once all are acknowledged. */
  public List<String> send(List<RawSubmission> batch) {
    String topic = clients.topics().submit().name();
    clients.requireTopics(List.of(topic));
    List<String> ids = new ArrayList<>();
    List<Future<RecordMetadata>> pending = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = clients.producer()) {
      for (RawSubmission task : batch) {
        String id = Objects.requireNonNull(task.id(), "a checked submission has an id");
        pending.add(producer.send(new ProducerRecord<>(topic, id, task.bytes())));
        ids.add(id);
      }
      producer.flush();
      pending.forEach(sent -> clients.awaitAck(sent, topic));
    } catch (KafkaException e) {
      throw clients.explain("write to " + topic, e);
    }
    return ids;
  }
}
