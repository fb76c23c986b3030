package io.yardmaster.dispatcher.topology;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Builds the Kafka Streams properties of the dispatcher from its configuration. */
public final class StreamsSettings {
  /** How long a dispatcher instance that stopped answering keeps its partitions. */
  static final int SESSION_TIMEOUT_MS = 10_000;

  static final int HEARTBEAT_INTERVAL_MS = 2_000;

  private StreamsSettings() {}

  private static void putUnlessSet(Properties p, String consumerSetting, int value) {
    String prefixed = StreamsConfig.consumerPrefix(consumerSetting);
    String main = StreamsConfig.mainConsumerPrefix(consumerSetting);
    if (!p.containsKey(consumerSetting) && !p.containsKey(prefixed) && !p.containsKey(main)) {
      p.put(prefixed, value);
    }
  }

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
    // A dispatcher killed without leaving its group holds its partitions until its session
    // expires (45 s by default) before a restarted or standby instance may take them over: keep
    // that short, unless the user's properties say otherwise.
    putUnlessSet(p, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    putUnlessSet(p, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
    return p;
  }
}
