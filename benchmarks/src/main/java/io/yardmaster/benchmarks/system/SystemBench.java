package io.yardmaster.benchmarks.system;

import io.yardmaster.deploy.local.ManagedProcess;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.scheduling.SchedulerOptions;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.config.WorkerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The system benchmark: for each processing guarantee, a fresh standalone broker, Kafka's own
 * ceiling figures, then the dispatcher and worker agents as separate processes through workloads
 * W1–W6. Writes {@code bench.json} and the Markdown report. Run with {@code scripts/bench}.
 *
 * <pre>
 * SystemBench [--quick] [--mode exactly_once_v2|at_least_once]... [--profile] [--only W1,W2,...]
 *             [--out DIR] [--report FILE] [--dispatcher-arg ARG]...
 * </pre>
 */
public final class SystemBench {
  static final List<String> MODES = List.of("exactly_once_v2", "at_least_once");
  static final List<String> DISPATCHER_ARGS =
      List.of("--urgency-horizon", "PT10S", "--overdue-urgency", "1");

  private SystemBench() {}

  public static void main(String[] argv) throws Exception {
    boolean quick = false;
    boolean profile = false;
    List<String> modes = new ArrayList<>();
    List<String> dispatcherArgs = new ArrayList<>(DISPATCHER_ARGS);
    Set<String> only = new java.util.HashSet<>();
    Path out = Path.of("target", "bench");
    Path report = Path.of("BENCHMARKS.md");
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "--quick" -> quick = true;
        case "--profile" -> profile = true;
        case "--mode" -> modes.add(argv[++i]);
        case "--out" -> out = Path.of(argv[++i]);
        case "--report" -> report = Path.of(argv[++i]);
        case "--dispatcher-arg" -> dispatcherArgs.add(argv[++i]);
        case "--only" -> only.addAll(List.of(argv[++i].split(",")));
        default -> throw new IllegalArgumentException("unknown option " + argv[i]);
      }
    }
    if (modes.isEmpty()) {
      modes.addAll(MODES);
    }
    String productClasspath = System.getProperty("yard.bench.classpath");
    if (productClasspath == null) {
      throw new IllegalArgumentException("set -Dyard.bench.classpath to the product's class path");
    }
    Sizes sizes = quick ? Sizes.quick() : Sizes.full();
    Machine machine = Machine.describe();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long t0 = System.nanoTime();
    if (!quick) {
      budgetEndNanos = t0 + Duration.ofMinutes(13).toNanos();
    }
    deleteTree(out);
    Files.createDirectories(out);

    List<BenchRun.ModeResult> results = new ArrayList<>();
    for (String mode : modes) {
      log("=== " + mode + " ===");
      results.add(
          runMode(mode, sizes, out.resolve(mode), productClasspath, profile, dispatcherArgs, only));
    }
    Map<String, String> settings = new LinkedHashMap<>(sizes.describe());
    settings.put(
        "dispatcher",
        "--pool "
            + String.join(" --pool ", Workloads.POOLS)
            + " "
            + String.join(" ", dispatcherArgs)
            + " (other options default: commit interval "
            + DispatcherConfig.DEFAULT_COMMIT_INTERVAL.toMillis()
            + " ms under exactly-once, "
            + DispatcherConfig.AT_LEAST_ONCE_COMMIT_INTERVAL.toMillis()
            + " ms under at-least-once; work-ahead cap "
            + SchedulerOptions.DEFAULT_WORK_AHEAD_CAP
            + "; "
            + DispatcherConfig.DEFAULT_PARTITIONS
            + " partitions)");
    settings.put(
        "agents",
        "--heartbeat-interval "
            + BenchCluster.HEARTBEAT_INTERVAL
            + " (other options default: started-report delay "
            + WorkerOptions.DEFAULT_STARTED_REPORT_DELAY.toMillis()
            + " ms, max queued "
            + WorkerOptions.DEFAULT_MAX_QUEUED
            + ")");
    settings.put("broker JVM", String.join(" ", BenchCluster.BROKER_JVM));
    settings.put("dispatcher JVM", String.join(" ", BenchCluster.DISPATCHER_JVM));
    settings.put("agent JVM", String.join(" ", BenchCluster.AGENT_JVM));
    settings.put(
        "submitter",
        "acks=all, no idempotence; bursts linger.ms=5, batch.size=128 KiB; paced (W2, W6) linger.ms=0");
    BenchRun run =
        new BenchRun(
            started.toString(),
            System.getProperty("yard.bench.command", "SystemBench " + String.join(" ", argv)),
            quick,
            machine,
            settings,
            results,
            (System.nanoTime() - t0) / 60e9,
            Machine.currentLoadAverage());
    Files.writeString(out.resolve("bench.json"), Report.json(run));
    String previous = Files.exists(report) ? Files.readString(report) : null;
    Files.writeString(report, Report.markdown(run, previous));
    log("wrote " + out.resolve("bench.json") + " and " + report);
    for (BenchRun.ModeResult m : results) {
      for (Figure f : m.figures()) {
        log(
            String.format(
                Locale.ROOT,
                "%-16s %-3s %-60s %12s %s%s",
                m.mode(),
                f.workload(),
                f.metric(),
                Report.number(f.value()),
                f.unit(),
                f.pass() == null ? "" : f.pass() ? "  pass" : "  MISS"));
      }
    }
  }

  private static BenchRun.ModeResult runMode(
      String mode,
      Sizes sizes,
      Path dir,
      String classpath,
      boolean profile,
      List<String> dispatcherArgs,
      Set<String> only)
      throws Exception {
    List<Figure> figures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Topics topics = Topics.withDefaultPrefix();
    try (BenchCluster cluster = new BenchCluster(dir, classpath, profile)) {
      log("broker at " + cluster.bootstrapServers());
      int recordSize =
          topics
              .submit()
              .valueSerde()
              .serializer()
              .serialize(topics.submit().name(), Workloads.noop("w1a-12345", Workloads.FAST))
              .length;
      KafkaCeiling ceiling = new KafkaCeiling(cluster.bootstrapServers(), dir.resolve("logs"));
      ceiling.createTopics(6);
      KafkaCeiling.Throughput pp =
          ceiling.producer(sizes.ceilingRecords(), recordSize, "producer-performance");
      KafkaCeiling.Latency e2e =
          ceiling.endToEnd(sizes.ceilingRoundTrips(), recordSize, "end-to-end-latency");
      log(
          String.format(
              Locale.ROOT,
              "Kafka alone: %,.0f records/s; one hop p50 %.1f ms p99 %.1f ms",
              pp.recordsPerSecond(),
              e2e.p50Ms(),
              e2e.p99Ms()));
      figures.add(
          Figure.of(
              "Kafka",
              "ProducerPerformance, " + recordSize + " B records, acks=all",
              pp.recordsPerSecond(),
              "records/s"));
      figures.add(Figure.of("Kafka", "EndToEndLatency (one hop, acks=all) p50", e2e.p50Ms(), "ms"));
      figures.add(Figure.of("Kafka", "EndToEndLatency p99", e2e.p99Ms(), "ms"));

      cluster.startDispatcher(mode, Workloads.POOLS, dispatcherArgs);
      awaitTopics(cluster.bootstrapServers(), topics);
      cluster.awaitDispatcherRunning(Duration.ofMinutes(2));
      try (Recorder recorder = new Recorder(cluster.bootstrapServers(), topics, Workloads.POOLS);
          Submitter submitter = new Submitter(cluster.bootstrapServers(), topics)) {
        Workloads w = new Workloads(cluster, recorder, submitter, sizes, mode, pp, e2e);
        selected = only;
        List<ManagedProcess> fast = w.startAgents(Workloads.FAST, 2, 2);
        step(w, "warm-up", w::warmUp);
        double[] runs = new double[2];
        step(
            w,
            "W1",
            () -> {
              runs[0] = w.throughput("a");
              runs[1] = w.throughput("b");
              double mean = (runs[0] + runs[1]) / 2;
              w.figures.add(
                  Figure.of(
                      "W1",
                      "noise: spread of the two processed figures",
                      100 * Math.abs(runs[0] - runs[1]) / mean,
                      "%"));
            });
        step(w, "W2", w::latency);
        step(w, "W4", w::chains);
        fast.forEach(cluster::stop);
        step(w, "W3", () -> PriorityWorkload.run(w));
        step(w, "W5", () -> CrashWorkload.run(w));
        step(w, "W6", () -> DeadlineWorkload.run(w));
        figures.addAll(w.figures);
        notes.addAll(w.notes);
      }
      Map<String, Double> rss = new LinkedHashMap<>();
      cluster.close();
      cluster.peakRss().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> rss.put(e.getKey(), Math.round(e.getValue() * 10) / 10.0));
      return new BenchRun.ModeResult(mode, figures, rss, notes);
    }
  }

  interface Step {
    void run() throws Exception;
  }

  /** The workloads to run (empty: all). */
  private static Set<String> selected = Set.of();

  /**
   * A full run must end within 15 minutes: workloads that would start after this are skipped (and
   * say so) rather than overrun it.
   */
  private static long budgetEndNanos = Long.MAX_VALUE;

  private static void step(Workloads w, String name, Step step) {
    if (!selected.isEmpty() && !selected.contains(name) && !name.equals("warm-up")) {
      return;
    }
    if (System.nanoTime() > budgetEndNanos) {
      log(name + " skipped: the run's time budget is spent");
      w.notes.add(name + " skipped: the full run's 15-minute budget was spent before it started.");
      return;
    }
    log(name + "...");
    long t = System.nanoTime();
    try {
      step.run();
      log(String.format(Locale.ROOT, "%s done in %.1f s", name, (System.nanoTime() - t) / 1e9));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      log(name + " FAILED: " + e);
      w.notes.add(name + " failed: " + e.getMessage());
    }
  }

  private static void awaitTopics(String bootstrap, Topics topics) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    List<String> needed =
        new ArrayList<>(
            List.of(
                topics.results().name(),
                topics.state().name(),
                topics.heartbeats().name(),
                topics.poolStatus().name()));
    Workloads.POOLS.forEach(pool -> needed.add(topics.assignmentTopicName(pool)));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        Set<String> names = admin.listTopics().names().get();
        if (names.containsAll(needed)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the dispatcher did not create its topics in 2 minutes");
        }
        Thread.sleep(200);
      }
    }
  }

  static void log(String line) {
    System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "] " + line);
    System.out.flush();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
