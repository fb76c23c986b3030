package io.yardmaster.worker;

import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** Makes the agent's Kafka clients; tests pass one that returns MockConsumer and MockProducer. */
public interface KafkaClients {
  Consumer<String, byte[]> consumer(Properties properties);

  Producer<String, byte[]> producer(Properties properties);

  /** Real clients. */
  static KafkaClients kafka() {
    return new KafkaClients() {
      @Override
      public Consumer<String, byte[]> consumer(Properties properties) {
        return new KafkaConsumer<>(properties);
      }

      @Override
      public Producer<String, byte[]> producer(Properties properties) {
        return new KafkaProducer<>(properties);
      }
    };
  }
}
