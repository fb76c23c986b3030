package io.yardmaster.deploy.local;

import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the dispatcher's desired agent counts on {@code pools.scaling} for the pools it
 * supervises, starting and draining agent processes through a {@link ScaleFollower}. It reads the
 * topic from the start but acts only on recommendations made after {@code since}, and only on the
 * latest of each pool in a batch.
 */
public final class AgentSupervisor implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final Set<String> pools;
  private final ScaleFollower follower;
  private final PrintWriter out;
  private final Instant since;
  private final Map<String, Integer> desired = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  AgentSupervisor(
      KafkaClientSettings kafka,
      Topics topics,
      Set<String> pools,
      ScaleFollower follower,
      PrintWriter out,
      Instant since) {
    this.topic = topics.scaling().name();
    this.pools = Set.copyOf(pools);
    this.follower = Objects.requireNonNull(follower, "follower can't be null");
    this.out = Objects.requireNonNull(out, "out can't be null");
    this.since = Objects.requireNonNull(since, "since can't be null");
    Properties props = kafka.baseProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::loop, "yard-agent-supervisor");
    thread.setDaemon(true);
  }

  public AgentSupervisor start() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread.start();
    return this;
  }

  /** The latest desired count seen for a pool, or -1. */
  public synchronized int desired(String pool) {
    return desired.getOrDefault(pool, -1);
  }

  private void loop() {
    try {
      while (running) {
        Map<String, Integer> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          read(r).ifPresent(rec -> latest.put(rec.pool(), rec.desiredAgents()));
        }
        synchronized (this) {
          desired.putAll(latest);
        }
        for (Map.Entry<String, Integer> e : latest.entrySet()) {
          for (String line : follower.follow(e.getKey(), e.getValue())) {
            out.println("scaling " + e.getKey() + " to " + e.getValue() + ": " + line);
          }
          out.flush();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      out.println("agent supervisor stopped: " + e);
      out.flush();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private java.util.Optional<ScalingRecommendation> read(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null || !pools.contains(r.key()) || r.timestamp() < since.toEpochMilli()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Json.mapper().readValue(r.value(), ScalingRecommendation.class));
    } catch (java.io.IOException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
