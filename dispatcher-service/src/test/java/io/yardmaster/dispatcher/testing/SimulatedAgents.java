package io.yardmaster.dispatcher.testing;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Agents that finish every task the moment they get it (no-op work), for pipeline tests: they send
 * heartbeats, read their pool's assignment topic (read_committed) and answer STARTED then
 * SUCCEEDED. Every assignment seen is recorded, so tests can check none was sent twice.
 */
public final class SimulatedAgents implements AutoCloseable {
  /** Tasks of this type fail every attempt (with a retryable error). */
  public static final String FAILING_TYPE = "sim-fail";

  private final KafkaClientSettings kafka;
  private final Topics topics;
  private final String pool;
  private final List<String> agentIds;
  private final int slots;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Assignment> seen = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
  private final AtomicInteger maxHeld = new AtomicInteger();
  private final Thread thread;

  public SimulatedAgents(
      KafkaClientSettings kafka, Topics topics, String pool, int agents, int slots) {
    this.kafka = kafka;
    this.topics = topics;
    this.pool = pool;
    this.slots = slots;
    this.agentIds =
        java.util.stream.IntStream.range(0, agents).mapToObj(i -> pool + "-sim-" + i).toList();
    agentIds.forEach(a -> held.put(a, new AtomicInteger()));
    this.thread = new Thread(this::run, "simulated-agents-" + pool);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Properties cp = kafka.baseProperties();
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    Properties pp = kafka.baseProperties();
    pp.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    // See DispatcherExactlyOnceIT.submit: a duplicate result is fenced, a lost one is not.
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    String topic = topics.assignmentTopicName(pool);
    try (KafkaConsumer<String, Assignment> consumer =
            new KafkaConsumer<>(cp, new StringDeserializer(), JsonSerde.of(Assignment.class));
        KafkaProducer<String, Object> producer =
            new KafkaProducer<>(
                pp,
                new StringSerializer(),
                new io.yardmaster.dispatcher.topology.AnyJsonSerializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(parts);
      long nextBeat = 0;
      while (running.get()) {
        long now = System.currentTimeMillis();
        if (now >= nextBeat) {
          for (String id : agentIds) {
            producer.send(new ProducerRecord<>(topics.heartbeats().name(), pool, heartbeat(id)));
          }
          nextBeat = now + 200;
        }
        for (ConsumerRecord<String, Assignment> rec : consumer.poll(Duration.ofMillis(20))) {
          Assignment a = rec.value();
          if (a.action() != Assignment.Action.RUN || !agentIds.contains(a.agentId())) {
            continue;
          }
          seen.add(a);
          int h = held.get(a.agentId()).incrementAndGet();
          maxHeld.accumulateAndGet(h, Math::max);
          producer.send(
              new ProducerRecord<>(
                  topics.results().name(), pool, result(a, TaskResult.Status.STARTED)));
          producer.send(
              new ProducerRecord<>(
                  topics.results().name(),
                  pool,
                  result(
                      a,
                      FAILING_TYPE.equals(a.type())
                          ? TaskResult.Status.FAILED
                          : TaskResult.Status.SUCCEEDED)));
          held.get(a.agentId()).decrementAndGet();
        }
      }
    }
  }

  private AgentHeartbeat heartbeat(String id) {
    return new AgentHeartbeat(
        id,
        pool,
        Set.of(),
        slots,
        slots,
        List.of(),
        null,
        null,
        "sim",
        1.0,
        AgentCounters.ZERO,
        HostLoad.UNKNOWN,
        200,
        AgentHeartbeat.Status.ACTIVE,
        Instant.now());
  }

  private TaskResult result(Assignment a, TaskResult.Status status) {
    Instant now = Instant.now();
    return new TaskResult(
        a.taskId(),
        pool,
        a.agentId(),
        a.attempt(),
        a.leaseId(),
        status,
        now,
        now,
        0,
        0,
        status == TaskResult.Status.FAILED
            ? io.yardmaster.model.TaskError.of("simulated", "fails on purpose")
            : null,
        null);
  }

  /** Every RUN assignment received so far. */
  public List<Assignment> assignments() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
  }
}
