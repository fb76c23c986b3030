package io.yardmaster.benchmarks;

import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.kafka.EmbeddedKafkaCluster;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dispatcher pipeline on a real in-process broker with simulated agents: no-op throughput with
 * work-ahead 0, the adaptive window and a large cap; records written per task across all topics;
 * and how many tasks of a high-priority burst start behind low-priority ones. Run with {@code
 * scripts/bench-pipeline}; figures go to stdout.
 */
public final class PipelineBench {
  private static final String POOL = "bench";

  private PipelineBench() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode().start()) {
      KafkaClientSettings client = kafka.clientSettings();
      // The first run warms the JIT up and is not reported.
      throughput(client, "warmup", 2_000, 16);
      for (int cap : new int[] {0, 16, 256}) {
        throughput(client, "cap" + cap, tasks, cap);
      }
      burst(client, 16);
      burst(client, 0);
    }
  }

  private static DispatcherService dispatcher(KafkaClientSettings client, Topics topics, int cap)
      throws Exception {
    Path state = Files.createTempDirectory("pipeline-bench");
    DispatcherConfig base =
        DispatcherConfig.defaults(client, List.of(PoolConfig.of(POOL)))
            .withStateDir(state)
            .withTopicPrefix(topics.prefix());
    DispatcherConfig config = base.withScheduler(base.scheduler().withWorkAheadCap(cap));
    DispatcherService service = new DispatcherService(config, 1, true);
    service.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (service.streams().state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the dispatcher did not start in 2 minutes");
      }
      Thread.sleep(50);
    }
    return service;
  }

  private static void throughput(KafkaClientSettings client, String name, int count, int cap)
      throws Exception {
    Topics topics = new Topics("pb-" + name + ".");
    try (DispatcherService d = dispatcher(client, topics, cap);
        BenchAgents agents = new BenchAgents(client, topics, POOL, 2, 2, Duration.ZERO)) {
      agents.awaitReady();
      long start = System.nanoTime();
      submit(client, topics, count, i -> TaskSubmission.of(name + "-" + i, "noop"));
      awaitSucceeded(client, topics, count);
      double seconds = (System.nanoTime() - start) / 1e9;
      long records = recordsWritten(client, topics.prefix());
      if (!name.equals("warmup")) {
        System.out.printf(
            "throughput %-6s work-ahead cap %3d: %,d no-op tasks on 4 slots in %.1f s = %,.0f tasks/s; %.1f records written per task%n",
            name, cap, count, seconds, count / seconds, (double) records / count);
      }
    }
  }

  private static void burst(KafkaClientSettings client, int cap) throws Exception {
    Topics topics = new Topics("pb-burst" + cap + ".");
    int low = 2_000;
    try (DispatcherService d = dispatcher(client, topics, cap);
        BenchAgents agents = new BenchAgents(client, topics, POOL, 2, 2, Duration.ofMillis(5))) {
      agents.awaitReady();
      submit(
          client,
          topics,
          low,
          i -> TaskSubmission.of("low-" + i, "noop").withPriority(Priority.of(1)));
      agents.awaitStarted(300);
      long burstAt = System.nanoTime();
      submit(
          client,
          topics,
          30,
          i -> TaskSubmission.of("high-" + i, "noop").withPriority(Priority.of(10)));
      awaitSucceeded(client, topics, low + 30);
      List<BenchAgents.Start> starts = agents.starts();
      int highBehind = 0;
      int maxLowsAhead = 0;
      for (int h = 0; h < 30; h++) {
        String id = "high-" + h;
        long highStart =
            starts.stream()
                .filter(s -> s.taskId().equals(id))
                .mapToLong(BenchAgents.Start::nanos)
                .min()
                .orElseThrow();
        long lowsAhead =
            starts.stream()
                .filter(
                    s ->
                        s.taskId().startsWith("low-")
                            && s.nanos() > burstAt
                            && s.nanos() < highStart)
                .count();
        if (lowsAhead > 0) {
          highBehind++;
        }
        maxLowsAhead = (int) Math.max(maxLowsAhead, lowsAhead);
      }
      System.out.printf(
          "priority burst work-ahead cap %3d: %d of 30 high tasks started behind low ones (at most %d low tasks started first; bound: 2 agents x (2 slots + window))%n",
          cap, highBehind, maxLowsAhead);
    }
  }

  private static void submit(
      KafkaClientSettings client,
      Topics topics,
      int count,
      java.util.function.IntFunction<TaskSubmission> task) {
    Properties p = client.baseProperties();
    p.put("linger.ms", 5);
    // The in-process broker has refused idempotent batches as out of sequence mid-run, losing
    // them; plain retries may duplicate a submission instead, which intake ignores by task id.
    p.put("enable.idempotence", false);
    p.put("acks", "all");
    try (KafkaProducer<String, TaskSubmission> producer =
        new KafkaProducer<>(p, new StringSerializer(), topics.submit().valueSerde().serializer())) {
      for (int i = 0; i < count; i++) {
        TaskSubmission t = task.apply(i).withPool(POOL);
        producer.send(new ProducerRecord<>(topics.submit().name(), t.id(), t));
      }
    }
  }

  private static void awaitSucceeded(KafkaClientSettings client, Topics topics, int count) {
    Properties p = client.baseProperties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, TaskState> states = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    try (KafkaConsumer<String, TaskView> c =
        new KafkaConsumer<>(p, new StringDeserializer(), JsonSerde.of(TaskView.class))) {
      String topic = topics.state().name();
      c.assign(
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList());
      c.seekToBeginning(c.assignment());
      long done = 0;
      while (done < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + done + " of " + count + " tasks succeeded in 5 minutes");
        }
        for (var r : c.poll(Duration.ofMillis(100))) {
          TaskState before = states.put(r.key(), r.value().state());
          if (r.value().state() == TaskState.SUCCEEDED && before != TaskState.SUCCEEDED) {
            done++;
          }
        }
      }
    }
  }

  /**
   * Every record on every topic of this run: the contract's, the per-pool ones and the internal
   * ones.
   */
  private static long recordsWritten(KafkaClientSettings client, String prefix) throws Exception {
    try (Admin admin = Admin.create(client.baseProperties())) {
      var names =
          admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix)).toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(names)
          .allTopicNames()
          .get()
          .forEach(
              (n, d) ->
                  d.partitions()
                      .forEach(
                          pi ->
                              latest.put(
                                  new TopicPartition(n, pi.partition()), OffsetSpec.latest())));
      long total = 0;
      for (var e : admin.listOffsets(latest).all().get().values()) {
        total += e.offset();
      }
      return total;
    }
  }
}
