package io.yardmaster.worker.testing;

import io.yardmaster.model.TaskResult;
import io.yardmaster.model.json.JsonSerde;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads what an agent produced to a {@link MockProducer}. */
public final class ResultLog {
  private static final JsonSerde<TaskResult> RESULTS = JsonSerde.of(TaskResult.class);

  private ResultLog() {}

  public static MockProducer<String, byte[]> producer() {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  /** The results sent to {@code topic}, in order. */
  public static List<TaskResult> results(MockProducer<String, byte[]> producer, String topic) {
    return producer.history().stream()
        .filter(r -> r.topic().equals(topic))
        .map(r -> RESULTS.deserialize(topic, r.value()))
        .toList();
  }

  public static List<TaskResult> results(
      MockProducer<String, byte[]> producer, String topic, String taskId) {
    return results(producer, topic).stream().filter(r -> r.taskId().equals(taskId)).toList();
  }

  public static List<TaskResult.Status> statuses(
      MockProducer<String, byte[]> producer, String topic, String taskId) {
    return results(producer, topic, taskId).stream().map(TaskResult::status).toList();
  }

  public static List<String> keys(MockProducer<String, byte[]> producer, String topic) {
    return producer.history().stream()
        .filter(r -> r.topic().equals(topic))
        .map(ProducerRecord::key)
        .toList();
  }
}
