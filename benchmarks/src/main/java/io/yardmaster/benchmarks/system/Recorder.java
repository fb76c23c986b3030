package io.yardmaster.benchmarks.system;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what the system says about tasks, from the start of a fresh cluster: agents' results (their
 * own start and finish times), assignments, the dispatcher's task views and heartbeats. One thread;
 * workloads query it.
 */
final class Recorder implements AutoCloseable {
  /** One result as the agent reported it. */
  record Result(
      TaskResult.Status status, String agentId, int attempt, Instant started, Instant finished) {}

  /** Everything seen about one task. */
  static final class Task {
    final List<Result> results = new ArrayList<>();
    final List<Assignment> assignments = new ArrayList<>();
    TaskView view;
    long succeededSeenNanos;
    long succeededSeenMillis;

    Instant firstStart() {
      return results.stream()
          .filter(r -> r.started() != null) // STARTED, or a short task's result
          .map(Result::started)
          .min(Instant::compareTo)
          .orElse(null);
    }

    /** When the agent finished the successful run. */
    Instant succeeded() {
      return results.stream()
          .filter(r -> r.status() == TaskResult.Status.SUCCEEDED)
          .map(Result::finished)
          .min(Instant::compareTo)
          .orElse(null);
    }

    /** How many attempts started: a short task tells its start only in its result. */
    long attemptsStarted() {
      return results.stream()
          .filter(r -> r.started() != null)
          .map(r -> r.agentId() + "#" + r.attempt())
          .distinct()
          .count();
    }

    long count(TaskResult.Status status) {
      return results.stream().filter(r -> r.status() == status).count();
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final Topics topics;
  private final Deserializer<TaskResult> results;
  private final Deserializer<TaskView> views;
  private final Deserializer<Assignment> assignments;
  private final Deserializer<AgentHeartbeat> heartbeats;
  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, Long> lastHeartbeat = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile RuntimeException failure;

  Recorder(String bootstrap, Topics topics, Collection<String> pools) {
    this.topics = topics;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    consumer =
        new KafkaConsumer<>(
            p,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new ByteArrayDeserializer());
    results = JsonSerde.of(TaskResult.class).deserializer();
    views = JsonSerde.of(TaskView.class).deserializer();
    assignments = JsonSerde.of(Assignment.class).deserializer();
    heartbeats = JsonSerde.of(AgentHeartbeat.class).deserializer();
    List<String> names = new ArrayList<>();
    names.add(topics.results().name());
    names.add(topics.state().name());
    names.add(topics.heartbeats().name());
    names.add(topics.poolStatus().name());
    pools.forEach(pool -> names.add(topics.assignmentTopicName(pool)));
    List<TopicPartition> partitions = new ArrayList<>();
    for (String name : names) {
      consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
          .map(i -> new TopicPartition(name, i.partition()))
          .forEach(partitions::add);
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::run, "bench-recorder");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        var batch = consumer.poll(Duration.ofMillis(50));
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        synchronized (this) {
          for (ConsumerRecord<String, byte[]> r : batch) {
            handle(r, nanos, millis);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close(Duration.ofSeconds(1));
    }
  }

  private void handle(ConsumerRecord<String, byte[]> r, long nanos, long millis) {
    String topic = r.topic();
    if (r.value() == null) {
      return;
    }
    if (topic.equals(topics.results().name())) {
      TaskResult t = results.deserialize(topic, r.value());
      task(t.taskId())
          .results
          .add(new Result(t.status(), t.agentId(), t.attempt(), t.startedAt(), t.finishedAt()));
    } else if (topic.equals(topics.state().name())) {
      TaskView v = views.deserialize(topic, r.value());
      Task t = task(v.id());
      if (v.state() == TaskState.SUCCEEDED && t.succeededSeenNanos == 0) {
        t.succeededSeenNanos = nanos;
        t.succeededSeenMillis = millis;
      }
      t.view = v;
    } else if (topic.equals(topics.heartbeats().name())) {
      lastHeartbeat.put(heartbeats.deserialize(topic, r.value()).agentId(), nanos);
    } else if (!topic.equals(topics.poolStatus().name())) {
      Assignment a = assignments.deserialize(topic, r.value());
      task(a.taskId()).assignments.add(a);
    }
  }

  private Task task(String id) {
    return tasks.computeIfAbsent(id, k -> new Task());
  }

  private void check() {
    if (failure != null) {
      throw new IllegalStateException("the recorder failed: " + failure, failure);
    }
  }

  boolean heardFrom(String agentId) {
    check();
    return lastHeartbeat.containsKey(agentId);
  }

  /** How many of these tasks the dispatcher shows in a state that passes the test. */
  synchronized int count(Collection<String> ids, Predicate<TaskView> test) {
    check();
    int n = 0;
    for (String id : ids) {
      Task t = tasks.get(id);
      if (t != null && t.view != null && test.test(t.view)) {
        n++;
      }
    }
    return n;
  }

  /** A snapshot of these tasks (copies, safe to read while recording goes on). */
  synchronized Map<String, Task> snapshot(Collection<String> ids) {
    check();
    Map<String, Task> copy = new HashMap<>();
    for (String id : ids) {
      Task t = tasks.get(id);
      if (t != null) {
        Task c = new Task();
        c.results.addAll(t.results);
        c.assignments.addAll(t.assignments);
        c.view = t.view;
        c.succeededSeenNanos = t.succeededSeenNanos;
        c.succeededSeenMillis = t.succeededSeenMillis;
        copy.put(id, c);
      }
    }
    return copy;
  }

  /**
   * Waits until every one of these tasks shows SUCCEEDED; false if {@code timeout} passes first.
   */
  boolean awaitSucceeded(Collection<String> ids, Duration timeout) throws InterruptedException {
    return await(ids, v -> v.state() == TaskState.SUCCEEDED, ids.size(), timeout);
  }

  boolean await(Collection<String> ids, Predicate<TaskView> test, int atLeast, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> set = Set.copyOf(ids);
    while (count(set, test) < atLeast) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
