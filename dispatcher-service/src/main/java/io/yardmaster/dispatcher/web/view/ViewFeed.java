package io.yardmaster.dispatcher.web.view;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link ClusterView} from the beginning of its topics with one consumer of every partition
 * (no consumer group, committed reads only), on its own thread.
 */
public final class ViewFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);
  static final Duration HEARTBEAT_HORIZON = Duration.ofMinutes(15);

  private final ClusterView view;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Kind> kinds;
  private final Thread thread;
  private volatile boolean running = true;
  private boolean started;

  private enum Kind {
    STATE,
    EVENTS,
    DLQ,
    POOLS,
    SCALING,
    HEARTBEATS
  }

  public ViewFeed(KafkaClientSettings kafka, Topics topics, ClusterView view) {
    this.view = view;
    this.kinds =
        Map.of(
            topics.state().name(), Kind.STATE,
            topics.events().name(), Kind.EVENTS,
            topics.dlq().name(), Kind.DLQ,
            topics.poolStatus().name(), Kind.POOLS,
            topics.scaling().name(), Kind.SCALING,
            topics.heartbeats().name(), Kind.HEARTBEATS);
    Properties props = kafka.baseProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, topics.prefix() + "dashboard-view");
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "yard-dashboard-view");
    thread.setDaemon(true);
  }

  public synchronized void start() {
    started = true;
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : kinds.keySet()) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .forEach(partitions::add);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      skipOldHeartbeats(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          apply(r);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the dashboard's view of the cluster stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Heartbeats are many and only recent ones matter: start those partitions at that horizon. */
  private void skipOldHeartbeats(List<TopicPartition> partitions) {
    long since = System.currentTimeMillis() - HEARTBEAT_HORIZON.toMillis();
    Map<TopicPartition, Long> query = new java.util.HashMap<>();
    partitions.stream()
        .filter(p -> kinds.get(p.topic()) == Kind.HEARTBEATS)
        .forEach(p -> query.put(p, since));
    consumer
        .offsetsForTimes(query)
        .forEach(
            (p, found) -> {
              if (found != null) {
                consumer.seek(p, found.offset());
              } else {
                consumer.seekToEnd(List.of(p));
              }
            });
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    Kind kind = kinds.get(r.topic());
    byte[] v = r.value();
    try {
      switch (kind) {
        case STATE -> view.onView(r.key(), v);
        case EVENTS -> {
          if (r.key() != null && v != null) {
            view.onEvent(r.key(), v);
          }
        }
        case DLQ -> view.onDeadLetter(read(v, DeadLetter.class));
        case POOLS -> view.onPoolStatus(read(v, PoolStatus.class));
        case SCALING -> view.onScaling(read(v, ScalingRecommendation.class));
        case HEARTBEATS -> view.onHeartbeat(read(v, AgentHeartbeat.class));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("skipping an unreadable record at {}-{}@{}", r.topic(), r.partition(), r.offset());
    }
  }

  private static <T> T read(byte[] value, Class<T> type) throws IOException {
    if (value == null) {
      throw new IOException("no value");
    }
    return Json.mapper().readValue(value, type);
  }

  @Override
  public synchronized void close() {
    running = false;
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
