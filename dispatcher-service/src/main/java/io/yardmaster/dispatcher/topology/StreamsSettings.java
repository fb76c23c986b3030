package io.yardmaster.dispatcher.topology;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Builds the Kafka Streams properties of the dispatcher from its configuration. */
public final class StreamsSettings {
  private StreamsSettings() {}

  public static Properties properties(DispatcherConfig config) {
    Properties p = config.kafka().baseProperties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.topicPrefix() + config.applicationId());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) config.commitInterval().toMillis());
    // The stream thread waits up to poll.ms for input before it commits: keep it under the commit
    // interval, or every exactly-once round trip pays the full poll wait.
    p.put(StreamsConfig.POLL_MS_CONFIG, config.pollInterval().toMillis());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
    // The scheduler needs no time order between heartbeats, results and new tasks: never hold a
    // record back to wait for another input partition to be fetched.
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG),
        (int) config.producerLinger().toMillis());
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 32L * 1024 * 1024);
    return p;
  }
}
