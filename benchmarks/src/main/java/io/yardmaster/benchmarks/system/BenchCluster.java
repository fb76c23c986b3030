package io.yardmaster.benchmarks.system;

import io.yardmaster.deploy.local.BrokerLauncher;
import io.yardmaster.deploy.local.JavaCommand;
import io.yardmaster.deploy.local.ManagedProcess;
import io.yardmaster.deploy.local.ProcessGroup;
import io.yardmaster.dispatcher.app.DispatcherMain;
import io.yardmaster.worker.WorkerMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The processes of one benchmark mode: a standalone broker with a fresh data folder, the dispatcher
 * and worker agents, each its own JVM on the product's class path. It notes each process's peak
 * memory before stopping it.
 */
final class BenchCluster implements AutoCloseable {
  static final List<String> BROKER_JVM = List.of("-Xms512m", "-Xmx1g");
  static final List<String> DISPATCHER_JVM = List.of("-Xms512m", "-Xmx1g");
  static final List<String> AGENT_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");
  static final String HEARTBEAT_INTERVAL = "500ms";

  private final Path dir;
  private final JavaCommand java;
  private final boolean profile;
  private final ProcessGroup group;
  private final Map<String, Double> peakRss = new LinkedHashMap<>();
  private final String bootstrap;
  private final String logConfig;
  private ManagedProcess dispatcher;

  BenchCluster(Path dir, String productClasspath, boolean profile) {
    this.dir = dir;
    this.profile = profile;
    this.java =
        new JavaCommand(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            productClasspath,
            List.of());
    this.group = new ProcessGroup(new PrintWriter(System.err, true), Duration.ofSeconds(10));
    try {
      Files.createDirectories(dir.resolve("logs"));
      // the local run's logging of its processes: INFO, Kafka's clients warnings only
      Path config = dir.resolve("logs/log4j2.xml");
      try (var in = ProcessGroup.class.getResourceAsStream("process-log4j2.xml")) {
        Files.copy(Objects.requireNonNull(in, "process-log4j2.xml"), config);
      }
      logConfig = "-Dlog4j2.configurationFile=" + config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCommand brokerJava = new JavaCommand(java.java(), productClasspath, BROKER_JVM);
    BrokerLauncher.Broker broker =
        BrokerLauncher.start(
            group,
            brokerJava,
            dir.resolve("broker"),
            dir.resolve("logs/broker.out"),
            0,
            Duration.ofMinutes(2));
    this.bootstrap = broker.bootstrapServers();
  }

  String bootstrapServers() {
    return bootstrap;
  }

  Path dir() {
    return dir;
  }

  /** Starts the dispatcher with these pools ({@code name}) and extra options. */
  void startDispatcher(String guarantee, List<String> pools, List<String> extraArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                bootstrap,
                "--processing-guarantee",
                guarantee,
                "--state-dir",
                dir.resolve("dispatcher-state").toString()));
    pools.forEach(p -> args.addAll(List.of("--pool", p)));
    args.addAll(extraArgs);
    List<String> jvm = new ArrayList<>(DISPATCHER_JVM);
    jvm.add(logConfig);
    jvm.addAll(jfr("dispatcher"));
    dispatcher =
        group.start(
            "dispatcher",
            1,
            java.command(DispatcherMain.class, jvm, args),
            dir.resolve("logs/dispatcher.out"));
  }

  /** Waits until the dispatcher logs that its streams are RUNNING. */
  void awaitDispatcherRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path log = dir.resolve("logs/dispatcher.out");
    while (true) {
      try {
        if (Files.exists(log) && Files.readString(log).contains("-> RUNNING")) {
          return;
        }
      } catch (IOException | UncheckedIOException e) {
        // written as we read: try again
      }
      if (!dispatcher.isAlive()) {
        throw new IllegalStateException("the dispatcher stopped while starting; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the dispatcher was not RUNNING within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Starts one agent; its id is {@code agentId}. */
  ManagedProcess startAgent(String agentId, String pool, int slots) {
    List<String> args =
        List.of(
            "--bootstrap-servers",
            bootstrap,
            "--pool",
            pool,
            "--slots",
            Integer.toString(slots),
            "--agent-id",
            agentId,
            "--heartbeat-interval",
            HEARTBEAT_INTERVAL);
    List<String> jvm = new ArrayList<>(AGENT_JVM);
    jvm.add(logConfig);
    jvm.addAll(jfr(agentId));
    return group.start(
        agentId,
        2,
        java.command(WorkerMain.class, jvm, args),
        dir.resolve("logs/" + agentId + ".out"));
  }

  private List<String> jfr(String name) {
    return profile
        ? List.of(
            "-XX:StartFlightRecording=filename="
                + dir.resolve(name + ".jfr")
                + ",settings=profile,dumponexit=true")
        : List.of();
  }

  /** Stops an agent (SIGTERM, then SIGKILL after 10 s), noting its peak memory first. */
  void stop(ManagedProcess p) {
    notePeak(p);
    p.process().destroy();
    try {
      if (!p.process().waitFor(10, TimeUnit.SECONDS)) {
        p.process().destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** kill -9. */
  void kill(ManagedProcess p) {
    notePeak(p);
    p.process().destroyForcibly();
  }

  private void notePeak(ManagedProcess p) {
    double mib = Machine.peakRssMiB(p.pid());
    if (mib > 0) {
      peakRss.merge(kind(p.name()), mib, Math::max);
    }
  }

  /** Agents are reported as one line per kind: the largest agent. */
  private static String kind(String name) {
    return name.startsWith("agent-") ? "worker agent (largest)" : name;
  }

  Map<String, Double> peakRss() {
    return peakRss;
  }

  /** Whether the dispatcher is still running. */
  boolean dispatcherAlive() {
    return dispatcher != null && dispatcher.isAlive();
  }

  @Override
  public void close() {
    for (ManagedProcess p : group.processes()) {
      if (p.isAlive()) {
        notePeak(p);
      }
    }
    group.stopAll();
  }
}
