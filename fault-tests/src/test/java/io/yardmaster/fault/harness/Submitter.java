package io.yardmaster.fault.harness;

import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes submissions (well-formed or raw bytes) and control commands, waiting for every ack. */
public final class Submitter {
  private final KafkaClientSettings kafka;
  private final Topics topics;

  public Submitter(KafkaClientSettings kafka, Topics topics) {
    this.kafka = kafka;
    this.topics = topics;
  }

  public void submit(List<TaskSubmission> tasks) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (TaskSubmission t : tasks) {
      records.add(new ProducerRecord<>(topics.submit().name(), t.id(), json(t)));
    }
    send(records);
  }

  /** Raw values on {@code tasks.submit}, as a misbehaving producer would write them. */
  public void submitRaw(List<ProducerRecord<String, byte[]>> raw) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    raw.forEach(r -> records.add(new ProducerRecord<>(topics.submit().name(), r.key(), r.value())));
    send(records);
  }

  public void control(List<ControlCommand> commands) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (ControlCommand c : commands) {
      records.add(new ProducerRecord<>(topics.control().name(), c.key(), json(c)));
    }
    send(records);
  }

  public static byte[] json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void send(List<ProducerRecord<String, byte[]>> records) {
    Properties props = kafka.baseProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(2 * 1024 * 1024));
    // as `yard submit`: a repeated submission is ignored by the dispatcher
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      records.forEach(r -> sent.add(producer.send(r)));
      for (Future<RecordMetadata> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while submitting", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot submit: " + e, e);
    }
  }
}
