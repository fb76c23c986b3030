package io.yardmaster.benchmarks.system;

import io.yardmaster.deploy.local.ManagedProcess;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The throughput and latency workloads (warm-up, W1, W2, W4) on one warm pool of 2 agents × 2
 * slots, plus the shared pieces the other workloads use.
 */
final class Workloads {
  static final String FAST = "fast";
  static final String PRIORITY = "prio";
  static final String CRASH = "crash";
  static final String DEADLINE = "deadline";
  static final List<String> POOLS = List.of(FAST, PRIORITY, CRASH, DEADLINE);

  final BenchCluster cluster;
  final Recorder recorder;
  final Submitter submitter;
  final Sizes sizes;
  final String mode;
  final List<Figure> figures = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  private final KafkaCeiling.Throughput producerCeiling;
  private final KafkaCeiling.Latency latencyCeiling;

  Workloads(
      BenchCluster cluster,
      Recorder recorder,
      Submitter submitter,
      Sizes sizes,
      String mode,
      KafkaCeiling.Throughput producerCeiling,
      KafkaCeiling.Latency latencyCeiling) {
    this.cluster = cluster;
    this.recorder = recorder;
    this.submitter = submitter;
    this.sizes = sizes;
    this.mode = mode;
    this.producerCeiling = producerCeiling;
    this.latencyCeiling = latencyCeiling;
  }

  boolean exactlyOnce() {
    return mode.startsWith("exactly_once");
  }

  static TaskSubmission noop(String id, String pool) {
    return TaskSubmission.of(id, "noop").withPool(pool);
  }

  static TaskSubmission sleep(String id, String pool, int ms) {
    return TaskSubmission.of(id, "sleep")
        .withPool(pool)
        .withPayload(Json.mapper().createObjectNode().put("ms", ms));
  }

  static List<String> ids(List<TaskSubmission> tasks) {
    return tasks.stream().map(TaskSubmission::id).toList();
  }

  /** Starts agents and waits until the dispatcher has heard from each. */
  List<ManagedProcess> startAgents(String pool, int agents, int slots) throws InterruptedException {
    List<ManagedProcess> started = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      started.add(cluster.startAgent("agent-" + pool + "-" + i, pool, slots));
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    for (int i = 0; i < agents; i++) {
      while (!recorder.heardFrom("agent-" + pool + "-" + i)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "agent-" + pool + "-" + i + " sent no heartbeat in 1 min");
        }
        Thread.sleep(50);
      }
    }
    return started;
  }

  void awaitAll(String what, List<String> ids, Duration timeout) throws InterruptedException {
    if (!recorder.awaitSucceeded(ids, timeout)) {
      int done = recorder.count(ids, v -> v.state() == TaskState.SUCCEEDED);
      throw new IllegalStateException(
          what + ": only " + done + " of " + ids.size() + " tasks succeeded in " + timeout);
    }
  }

  /** Short runs of no-op tasks so every JVM has compiled its hot paths before measuring. */
  void warmUp() throws InterruptedException {
    for (int round = 0; round < 2; round++) {
      List<TaskSubmission> tasks = new ArrayList<>();
      for (int i = 0; i < sizes.warmup() / 2; i++) {
        tasks.add(noop("warm" + round + "-" + i, FAST));
      }
      submitter.sendAll(tasks);
      awaitAll("warm-up", ids(tasks), Duration.ofMinutes(3));
    }
    // a paced round too: the latency path differs from the burst path
    List<TaskSubmission> paced = new ArrayList<>();
    long[] at = new long[500];
    for (int i = 0; i < at.length; i++) {
      paced.add(noop("warm-paced-" + i, FAST));
      at[i] = i * 2_000_000L;
    }
    submitter.sendPaced(paced, at);
    awaitAll("warm-up", ids(paced), Duration.ofMinutes(1));
  }

  /** W1: a burst of no-op tasks; returns processed tasks/s. */
  double throughput(String run) throws InterruptedException {
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int i = 0; i < sizes.throughputTasks(); i++) {
      tasks.add(noop("w1" + run + "-" + i, FAST));
    }
    Submitter.Sent sent = submitter.sendAll(tasks);
    List<String> ids = ids(tasks);
    awaitAll("W1", ids, Duration.ofMinutes(5));
    Map<String, Recorder.Task> seen = recorder.snapshot(ids);
    Instant firstStart =
        seen.values().stream()
            .map(Recorder.Task::firstStart)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElseThrow();
    Instant lastDone =
        seen.values().stream()
            .map(Recorder.Task::succeeded)
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElseThrow();
    double processed = ids.size() / (Duration.between(firstStart, lastDone).toNanos() / 1e9);
    String suffix = " (run " + run + ")";
    figures.add(
        Figure.of("W1", "enqueue" + suffix, sent.perSecond(), "tasks/s")
            .against(producerCeiling.recordsPerSecond(), "ProducerPerformance")
            .target(Figure.Target.atLeast(50_000)));
    figures.add(
        Figure.of("W1", "processed, first start to last completion" + suffix, processed, "tasks/s")
            .against(producerCeiling.recordsPerSecond(), "ProducerPerformance")
            .target(Figure.Target.atLeast(10_000)));
    return processed;
  }

  /** W2: an even rate of no-op tasks; latency from the submitter's send to the agent's times. */
  void latency() throws InterruptedException {
    int count = sizes.latencyRate() * sizes.latencySeconds();
    List<TaskSubmission> tasks = new ArrayList<>();
    long[] at = new long[count];
    long gap = 1_000_000_000L / sizes.latencyRate();
    for (int i = 0; i < count; i++) {
      tasks.add(noop("w2-" + i, FAST));
      at[i] = i * gap;
    }
    submitter.sendPaced(tasks, at);
    List<String> ids = ids(tasks);
    awaitAll("W2", ids, Duration.ofMinutes(3));
    Histogram start = new Histogram(3_600_000_000L, 3);
    Histogram complete = new Histogram(3_600_000_000L, 3);
    Histogram visible = new Histogram(3_600_000_000L, 3);
    Histogram toAssigned = new Histogram(3_600_000_000L, 3);
    for (Map.Entry<String, Recorder.Task> e : recorder.snapshot(ids).entrySet()) {
      long sent = submitter.sentMicros(e.getKey());
      Recorder.Task t = e.getValue();
      if (!t.assignments.isEmpty()) {
        long assigned = Submitter.micros(t.assignments.get(0).assignedAt());
        toAssigned.recordValue(Math.max(0, assigned - sent));
      }
      start.recordValue(Math.max(0, Submitter.micros(t.firstStart()) - sent));
      complete.recordValue(Math.max(0, Submitter.micros(t.succeeded()) - sent));
      visible.recordValue(Math.max(0, t.succeededSeenMillis * 1000 - sent));
    }
    boolean eos = exactlyOnce();
    double p50Target = eos ? 50 : 5;
    double p99Target = eos ? 150 : 15;
    for (double p : new double[] {50, 99}) {
      // where the time goes: intake, the pool repartition and the scheduler, up to the moment
      // the scheduler assigns the task (its own clock); the rest is the assignment's trip
      figures.add(
          Figure.of(
              "W2",
              "submit→assigned by the scheduler p" + (int) p,
              toAssigned.getValueAtPercentile(p) / 1000.0,
              "ms"));
    }
    for (double p : new double[] {50, 95, 99}) {
      figures.add(
          Figure.of(
              "W2", "submit→start p" + (int) p, start.getValueAtPercentile(p) / 1000.0, "ms"));
    }
    for (double p : new double[] {50, 95, 99}) {
      Figure f =
          Figure.of(
              "W2", "submit→complete p" + (int) p, complete.getValueAtPercentile(p) / 1000.0, "ms");
      if (p == 50) {
        f =
            f.against(latencyCeiling.p50Ms(), "EndToEndLatency")
                .target(Figure.Target.atMost(p50Target));
      } else if (p == 99) {
        f =
            f.against(latencyCeiling.p99Ms(), "EndToEndLatency")
                .target(Figure.Target.atMost(p99Target));
      }
      figures.add(f);
    }
    figures.add(
        Figure.of(
            "W2",
            "submit→SUCCEEDED read from tasks.state p50",
            visible.getValueAtPercentile(50) / 1000.0,
            "ms"));
    figures.add(
        Figure.of(
            "W2",
            "submit→SUCCEEDED read from tasks.state p99",
            visible.getValueAtPercentile(99) / 1000.0,
            "ms"));
  }

  /** W4: chains of no-op tasks, each waiting for the one before. */
  void chains() throws InterruptedException {
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int c = 0; c < sizes.chains(); c++) {
      for (int j = 0; j < sizes.chainLength(); j++) {
        TaskSubmission t = noop("w4-" + c + "-" + j, FAST);
        if (j > 0) {
          t = t.withDependencies(List.of("w4-" + c + "-" + (j - 1)));
        }
        tasks.add(t);
      }
    }
    Submitter.Sent sent = submitter.sendAll(tasks);
    List<String> ids = ids(tasks);
    awaitAll("W4", ids, Duration.ofMinutes(5));
    Map<String, Recorder.Task> seen = recorder.snapshot(ids);
    Instant lastDone =
        seen.values().stream().map(Recorder.Task::succeeded).max(Instant::compareTo).orElseThrow();
    long firstSentMicros = ids.stream().mapToLong(submitter::sentMicros).min().orElseThrow();
    double seconds = (Submitter.micros(lastDone) - firstSentMicros) / 1e6;
    Histogram hop = new Histogram(3_600_000_000L, 3);
    for (int c = 0; c < sizes.chains(); c++) {
      for (int j = 1; j < sizes.chainLength(); j++) {
        Instant before = seen.get("w4-" + c + "-" + (j - 1)).succeeded();
        Instant after = seen.get("w4-" + c + "-" + j).firstStart();
        hop.recordValue(Math.max(0, Submitter.micros(after) - Submitter.micros(before)));
      }
    }
    figures.add(
        Figure.of(
                "W4",
                "chained tasks, first submit to last completion",
                ids.size() / seconds,
                "tasks/s")
            .against(producerCeiling.recordsPerSecond(), "ProducerPerformance")
            .target(Figure.Target.atLeast(5_000)));
    figures.add(
        Figure.of(
            "W4",
            "dependency hop (one done → next started) p50",
            hop.getValueAtPercentile(50) / 1000.0,
            "ms"));
    figures.add(Figure.of("W4", "dependency hop p99", hop.getValueAtPercentile(99) / 1000.0, "ms"));
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "W4 submitted %,d tasks at %,.0f tasks/s.",
            sent.count(),
            sent.perSecond()));
  }

  /** A level-5 task with this deadline and business value. */
  static Priority priority(Instant deadline, double businessValue) {
    return Priority.of(Priority.DEFAULT_LEVEL)
        .withDeadline(deadline)
        .withBusinessValue(businessValue);
  }
}
