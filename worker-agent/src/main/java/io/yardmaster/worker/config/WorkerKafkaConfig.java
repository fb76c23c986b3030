package io.yardmaster.worker.config;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The agent's Kafka client properties: tunable defaults first, then the user's extra properties
 * (TLS, SASL, tuning) from {@code --kafka-properties}, then what the agent's correctness depends on
 * (serializers, manual commits, read_committed, idempotence), which cannot be overridden.
 */
public final class WorkerKafkaConfig {
  private WorkerKafkaConfig() {}

  /** The assignment consumer: see {@code AssignmentPoller} for why each setting is what it is. */
  public static Properties consumer(WorkerOptions options) {
    Properties props = new Properties();
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    props.putAll(options.kafka().baseProperties());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "yard-agent-" + options.agentId());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // the assignment topic's partition count decides which partition is this agent's: never let
    // a lookup create it with the broker's defaults
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }

  /** The one producer for results and heartbeats. */
  public static Properties producer(WorkerOptions options) {
    Properties props = new Properties();
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    // a send waits at most this long for metadata when the cluster is away (default 60 s), so a
    // drain does not hang on it; results are sent again (ResultPublisher)
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    props.putAll(options.kafka().baseProperties());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "yard-agent-" + options.agentId());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }
}
