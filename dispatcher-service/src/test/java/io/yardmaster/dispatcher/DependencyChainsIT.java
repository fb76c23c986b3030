package io.yardmaster.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.SimulatedAgents;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dependency chains on a real broker with exactly-once processing: 200 chains of 10 tasks, each
 * step in the other of two pools, run by simulated agents; then the same number of tasks with no
 * dependencies, as the baseline. Throughput is reported, not asserted.
 */
@ExtendWith(SharedKafkaBroker.class)
class DependencyChainsIT {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyChainsIT.class);
  private static final List<String> POOLS = List.of("left", "right");
  private static final int CHAINS = 200;
  private static final int LENGTH = 10;
  private static final int AGENTS_PER_POOL = 2;
  private static final int SLOTS_PER_AGENT = 8;

  @Test
  void shouldRunEveryChainInOrderAcrossTwoPoolsWhenTwoHundredChainsArriveAtOnce(
      KafkaClientSettings kafka) throws Exception {
    // GIVEN an exactly-once dispatcher with two pools, each served by simulated agents
    Topics topics = new Topics("chains1.");
    DispatcherConfig config = config(kafka, topics);
    try (DispatcherService dispatcher = new DispatcherService(config, 1, true);
        SimulatedAgents left = startAfter(dispatcher, kafka, topics, POOLS.get(0));
        SimulatedAgents right =
            new SimulatedAgents(kafka, topics, POOLS.get(1), AGENTS_PER_POOL, SLOTS_PER_AGENT);
        EventLog log = new EventLog(kafka, topics)) {
      // (a warm-up, so that compilation does not weigh on the figures)
      run(kafka, topics, log, chains("warm", CHAINS));
      run(kafka, topics, log, free("warm-free", CHAINS * LENGTH));
      // WHEN 200 chains of 10 are submitted at once, each step in the other pool
      List<TaskSubmission> chained = chains("chain", CHAINS);
      Duration chainedTime = run(kafka, topics, log, chained);
      // AND then the same number of tasks with no dependencies
      Duration freeTime = run(kafka, topics, log, free("free", CHAINS * LENGTH));
      // THEN every chain ran in order: each step assigned only after the one before succeeded
      List<Long> hops = new ArrayList<>();
      for (int c = 0; c < CHAINS; c++) {
        for (int i = 1; i < LENGTH; i++) {
          Instant before = log.at(id("chain", c, i - 1), TaskState.SUCCEEDED);
          Instant assigned = log.at(id("chain", c, i), TaskState.ASSIGNED);
          Instant done = log.at(id("chain", c, i), TaskState.SUCCEEDED);
          assertThat(assigned).as("chain %d step %d assigned", c, i).isAfterOrEqualTo(before);
          assertThat(done).as("chain %d step %d succeeded", c, i).isAfter(before);
          hops.add(Duration.between(before, assigned).toMillis());
        }
      }
      // AND every task of the chains ran once
      Set<String> runs = new HashSet<>();
      for (Assignment a : concat(left.assignments(), right.assignments())) {
        if (a.taskId().startsWith("chain-")) {
          assertThat(runs.add(a.taskId())).as("ran twice: " + a.taskId()).isTrue();
        }
      }
      assertThat(runs).hasSize(CHAINS * LENGTH);
      report(chainedTime, freeTime, hops);
    }
  }

  private static void report(Duration chained, Duration free, List<Long> hops) {
    int tasks = CHAINS * LENGTH;
    double chainedRate = tasks / (chained.toMillis() / 1000.0);
    double freeRate = tasks / (free.toMillis() / 1000.0);
    List<Long> sorted = hops.stream().sorted().toList();
    String line =
        String.format(
            Locale.ROOT,
            "dependency chains, exactly-once, %d pools x %d agents x %d slots: %d chained tasks"
                + " (%d chains of %d) in %.2f s = %.0f tasks/s; the same %d tasks with no"
                + " dependencies in %.2f s = %.0f tasks/s (chained/baseline = %.2f);"
                + " dependency hop (predecessor SUCCEEDED -> ASSIGNED) p50 %d ms, p99 %d ms",
            POOLS.size(),
            AGENTS_PER_POOL,
            SLOTS_PER_AGENT,
            tasks,
            CHAINS,
            LENGTH,
            chained.toMillis() / 1000.0,
            chainedRate,
            tasks,
            free.toMillis() / 1000.0,
            freeRate,
            chainedRate / freeRate,
            sorted.get(sorted.size() / 2),
            sorted.get(sorted.size() * 99 / 100));
    LOG.info(line);
    System.out.println(line);
  }

  /** Submits the tasks and waits until all have SUCCEEDED; returns submit start to last success. */
  private static Duration run(
      KafkaClientSettings kafka, Topics topics, EventLog log, List<TaskSubmission> tasks) {
    Instant start = Instant.now();
    submit(kafka, topics, tasks);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> log.poll().allSucceeded(tasks));
    Instant last =
        tasks.stream()
            .map(t -> log.at(t.id(), TaskState.SUCCEEDED))
            .max(Instant::compareTo)
            .orElseThrow();
    return Duration.between(start, last);
  }

  private static List<TaskSubmission> chains(String prefix, int count) {
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      for (int i = 0; i < LENGTH; i++) {
        TaskSubmission t = TaskSubmission.of(id(prefix, c, i), "noop").withPool(POOLS.get(i % 2));
        tasks.add(i == 0 ? t : t.withDependencies(List.of(id(prefix, c, i - 1))));
      }
    }
    return tasks;
  }

  private static List<TaskSubmission> free(String prefix, int count) {
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(TaskSubmission.of(prefix + "-" + i, "noop").withPool(POOLS.get(i % 2)));
    }
    return tasks;
  }

  private static String id(String prefix, int chain, int step) {
    return prefix + "-" + chain + "-" + step;
  }

  private static List<Assignment> concat(List<Assignment> a, List<Assignment> b) {
    List<Assignment> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void submit(KafkaClientSettings kafka, Topics topics, List<TaskSubmission> tasks) {
    Properties p = kafka.baseProperties();
    // One request in flight: a first request refused while a new partition gets its leader must not
    // be overtaken by the next one, or the broker rejects its retries for ever (KAFKA-15591).
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    try (KafkaProducer<String, TaskSubmission> producer =
        new KafkaProducer<>(p, new StringSerializer(), topics.submit().valueSerde().serializer())) {
      tasks.forEach(t -> producer.send(new ProducerRecord<>(topics.submit().name(), t.id(), t)));
    }
  }

  private static SimulatedAgents startAfter(
      DispatcherService dispatcher, KafkaClientSettings kafka, Topics topics, String pool) {
    dispatcher.start();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> dispatcher.streams().state() == KafkaStreams.State.RUNNING);
    return new SimulatedAgents(kafka, topics, pool, AGENTS_PER_POOL, SLOTS_PER_AGENT);
  }

  private static DispatcherConfig config(KafkaClientSettings kafka, Topics topics)
      throws java.io.IOException {
    return DispatcherConfig.defaults(kafka, POOLS.stream().map(p -> PoolConfig.of(p)).toList())
        .withStateDir(Files.createTempDirectory(Path.of("target"), "chains-it"))
        .withTopicPrefix(topics.prefix());
  }

  /** The committed audit log: when each task first reached each state. */
  private static final class EventLog implements AutoCloseable {
    private final KafkaConsumer<String, TaskEvent> consumer;
    private final Map<String, Map<TaskState, Instant>> reached = new HashMap<>();

    EventLog(KafkaClientSettings kafka, Topics topics) {
      Properties p = kafka.baseProperties();
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
      consumer = new KafkaConsumer<>(p, new StringDeserializer(), JsonSerde.of(TaskEvent.class));
      String topic = topics.events().name();
      consumer.assign(
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList());
    }

    EventLog poll() {
      consumer
          .poll(Duration.ofMillis(50))
          .forEach(
              r -> {
                TaskEvent e = r.value();
                if (e.type() == EventType.TRANSITION && e.to() != null) {
                  reached
                      .computeIfAbsent(e.taskId(), k -> new HashMap<>())
                      .putIfAbsent(e.to(), e.at());
                }
              });
      return this;
    }

    boolean allSucceeded(List<TaskSubmission> tasks) {
      return tasks.stream().allMatch(t -> at(t.id(), TaskState.SUCCEEDED) != null);
    }

    Instant at(String taskId, TaskState state) {
      return reached.getOrDefault(taskId, Map.of()).get(state);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
