package io.yardmaster.benchmarks;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Simulated agents for the pipeline benchmark: each runs its assignments on its own slots (a task
 * takes {@code runTime}), reports STARTED and SUCCEEDED keyed by pool, and heartbeats. Records when
 * each task started.
 */
final class BenchAgents implements AutoCloseable {
  record Start(String taskId, long nanos) {}

  private final KafkaClientSettings kafka;
  private final Topics topics;
  private final String pool;
  private final int slots;
  private final Duration runTime;
  private final List<String> ids;
  private final Map<String, ExecutorService> executors = new ConcurrentHashMap<>();
  private final List<Start> starts = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean();
  private final KafkaProducer<String, Object> producer;
  private final Thread poller;

  BenchAgents(
      KafkaClientSettings kafka,
      Topics topics,
      String pool,
      int agents,
      int slots,
      Duration runTime) {
    this.kafka = kafka;
    this.topics = topics;
    this.pool = pool;
    this.slots = slots;
    this.runTime = runTime;
    this.ids =
        java.util.stream.IntStream.range(0, agents).mapToObj(i -> pool + "-bench-" + i).toList();
    ids.forEach(id -> executors.put(id, Executors.newFixedThreadPool(slots)));
    Properties pp = kafka.baseProperties();
    pp.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    this.producer =
        new KafkaProducer<>(
            pp, new StringSerializer(), new io.yardmaster.dispatcher.topology.AnyJsonSerializer());
    this.poller = new Thread(this::poll, "bench-agents");
    poller.setDaemon(true);
    poller.start();
  }

  private void poll() {
    Properties cp = kafka.baseProperties();
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    String topic = topics.assignmentTopicName(pool);
    try (KafkaConsumer<String, Assignment> consumer =
        new KafkaConsumer<>(cp, new StringDeserializer(), JsonSerde.of(Assignment.class))) {
      consumer.assign(
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList());
      long nextBeat = 0;
      while (running.get()) {
        if (System.currentTimeMillis() >= nextBeat) {
          ids.forEach(
              id ->
                  producer.send(
                      new ProducerRecord<>(topics.heartbeats().name(), pool, heartbeat(id))));
          nextBeat = System.currentTimeMillis() + 200;
          ready.set(true);
        }
        for (ConsumerRecord<String, Assignment> rec : consumer.poll(Duration.ofMillis(10))) {
          Assignment a = rec.value();
          ExecutorService slotsOfAgent = executors.get(a.agentId());
          if (a.action() == Assignment.Action.RUN && slotsOfAgent != null) {
            slotsOfAgent.execute(() -> run(a));
          }
        }
      }
    }
  }

  private void run(Assignment a) {
    starts.add(new Start(a.taskId(), System.nanoTime()));
    started.incrementAndGet();
    producer.send(
        new ProducerRecord<>(topics.results().name(), pool, result(a, TaskResult.Status.STARTED)));
    if (!runTime.isZero()) {
      try {
        Thread.sleep(runTime.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    producer.send(
        new ProducerRecord<>(
            topics.results().name(), pool, result(a, TaskResult.Status.SUCCEEDED)));
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
        "bench",
        1.0,
        AgentCounters.ZERO,
        HostLoad.UNKNOWN,
        1000,
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
        runTime.toMillis(),
        null,
        null);
  }

  void awaitReady() throws InterruptedException {
    while (!ready.get()) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }

  void awaitStarted(int count) throws InterruptedException {
    while (started.get() < count) {
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  List<Start> starts() {
    synchronized (starts) {
      return List.copyOf(starts);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    poller.join(10_000);
    executors.values().forEach(ExecutorService::shutdownNow);
    producer.close(Duration.ofSeconds(5));
  }
}
