package io.yardmaster.deploy.local;

import io.yardmaster.deploy.RunFailedException;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.ProvisioningReport;
import io.yardmaster.model.topic.TopicProvisioner;
import io.yardmaster.model.topic.TopicSettings;
import io.yardmaster.model.topic.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Yardmaster on one machine: an embedded Kafka broker (unless a cluster is given), the dispatcher
 * and every agent as separate processes, then the workload with live progress and a summary. Every
 * process it started is stopped at the end, on Ctrl-C too.
 */
public final class LocalRun {
  static final Duration STOP_GRACE = Duration.ofSeconds(15);
  static final int DEFAULT_DASHBOARD_PORT = 8080;
  private static final DateTimeFormatter FOLDER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

  private final LocalRunOptions options;
  private final PrintWriter out;
  private final Clock clock;
  private final boolean terminal;

  public LocalRun(LocalRunOptions options, PrintWriter out, Clock clock, boolean terminal) {
    this.options = options;
    this.out = out;
    this.clock = clock;
    this.terminal = terminal;
  }

  /** Runs until the workload is done (or, with keep-running, until stopped); the exit code. */
  public int run() {
    Instant started = clock.instant();
    Path work = createWorkFolder(started);
    Path logs = work.resolve("logs");
    out.println("work folder: " + work);
    out.println("process logs: " + logs);
    out.flush();
    ProcessGroup group = new ProcessGroup(out, STOP_GRACE);
    Runtime.getRuntime().addShutdownHook(new Thread(group::stopAll, "yard-local-stop"));
    try {
      return runIn(work, logs, group, started);
    } finally {
      group.stopAll();
      deleteTree(work.resolve("dispatcher-state"));
    }
  }

  private int runIn(Path work, Path logs, ProcessGroup group, Instant started) {
    LocalProcesses processes =
        new LocalProcesses(group, JavaCommand.ofCurrentJvm(), options, work, logs);
    String bootstrap;
    if (options.embeddedBroker()) {
      out.println("starting Kafka...");
      out.flush();
      BrokerLauncher.Broker broker = processes.startBroker();
      bootstrap = broker.bootstrapServers();
      out.println(
          "Kafka bootstrap servers: "
              + bootstrap
              + " (embedded broker, pid "
              + broker.process().pid()
              + ", data in "
              + work.resolve("kafka")
              + ")");
      if (!bootstrap.endsWith(":" + LocalRunOptions.DEFAULT_KAFKA_PORT)) {
        out.println(
            "  (port 9092 was taken) for yard commands: export YARD_BOOTSTRAP_SERVERS="
                + bootstrap);
      }
    } else {
      bootstrap = options.bootstrapServers();
      out.println("Kafka bootstrap servers: " + bootstrap + " (existing cluster)");
    }
    out.flush();
    KafkaClientSettings kafka = KafkaClientSettings.load(bootstrap, options.kafkaProperties());
    Topics topics = new Topics(options.topicPrefix());
    try (YardClients clients = YardClients.connect(kafka, topics, YardClients.DEFAULT_TIMEOUT)) {
      ProvisioningReport report =
          TopicProvisioner.ensure(
              kafka,
              topics,
              TopicSettings.defaults(),
              options.pools().stream().map(PoolPlan::name).toList());
      out.println(
          "topics: "
              + report.created().size()
              + " created, "
              + report.existing().size()
              + " already there"
              + (report.isConsistent() ? "" : "; differing: " + report.differences()));
      int dashboardPort =
          options.dashboardPort() != null
              ? options.dashboardPort()
              : LocalProcesses.portOr(DEFAULT_DASHBOARD_PORT);
      processes.startDispatcher(bootstrap, dashboardPort);
      Map<String, Integer> agents = processes.startAgents(bootstrap);
      ScaleFollower follower =
          new ScaleFollower(
              (pool, index) -> processes.startAgent(bootstrap, plan(pool), index).process(), group);
      group.processes().stream()
          .filter(p -> p.tier() == LocalProcesses.TIER_AGENTS)
          .forEach(p -> adopt(follower, p));
      printProcesses(group, agents, dashboardPort);
      out.println(
          "waiting for "
              + agents.size()
              + (agents.size() == 1 ? " agent in " : " agents in ")
              + options.pools().size()
              + (options.pools().size() == 1 ? " pool" : " pools")
              + " to send a heartbeat...");
      out.flush();
      StartAt since =
          options.embeddedBroker() ? StartAt.beginning() : StartAt.since(started.minusSeconds(5));
      AgentWatcher.awaitHeartbeats(
          clients, agents.keySet(), since, group, options.startupTimeout());
      out.println(
          "all "
              + agents.size()
              + " agents are up ("
              + Duration.between(started, clock.instant()).toSeconds()
              + " s after start)");
      out.flush();
      try (AgentSupervisor supervisor = superviseScaling(kafka, topics, follower, started)) {
        return new WorkloadRunner(options, group, out, clock, terminal).run(clients, since);
      }
    }
  }

  private PoolPlan plan(String pool) {
    return options.pools().stream().filter(p -> p.name().equals(pool)).findFirst().orElseThrow();
  }

  /** Lets the follower drain agents started with the run: their names end in their index. */
  private void adopt(ScaleFollower follower, ManagedProcess p) {
    for (PoolPlan pool : options.pools()) {
      for (int i = 0; i < pool.agents(); i++) {
        if (p.name().endsWith("-" + pool.name() + "-" + i)) {
          follower.adopt(pool.name(), i, p);
          return;
        }
      }
    }
  }

  private AgentSupervisor superviseScaling(
      KafkaClientSettings kafka, Topics topics, ScaleFollower follower, Instant started) {
    if (options.scaling().isEmpty()) {
      return null;
    }
    out.println("following the desired agent counts of " + options.scaling().keySet());
    return new AgentSupervisor(
            kafka, topics, options.scaling().keySet(), follower, out, started.minusSeconds(5))
        .start();
  }

  private void printProcesses(ProcessGroup group, Map<String, Integer> agents, int dashboardPort) {
    group
        .processes()
        .forEach(p -> out.println("  " + p.name() + ": pid " + p.pid() + ", log " + p.log()));
    out.println(
        "started pids: "
            + group.pids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
    out.println(
        "dashboard: http://127.0.0.1:"
            + dashboardPort
            + "/ (JSON API under /api, dispatcher metrics at /metrics; up while this run is)");
    if (options.dashboardPort() != null) {
      out.println("the agents' Prometheus metrics:");
      agents.forEach(
          (id, port) -> out.println("  " + id + ": http://127.0.0.1:" + port + "/metrics"));
    }
  }

  /** The error for a process that ended on its own, with the end of its log. */
  static RunFailedException died(ManagedProcess p) {
    return new RunFailedException(
        p.name()
            + " (pid "
            + p.pid()
            + ") stopped unexpectedly with exit code "
            + p.process().exitValue()
            + "; the end of its log "
            + p.log()
            + ":\n  "
            + String.join("\n  ", p.logTail(15)));
  }

  private Path createWorkFolder(Instant started) {
    String base = "local-" + FOLDER_TIME.format(started);
    try {
      Files.createDirectories(options.workRoot());
      Path folder = options.workRoot().resolve(base);
      for (int i = 2; Files.exists(folder); i++) {
        folder = options.workRoot().resolve(base + "-" + i);
      }
      Files.createDirectories(folder.resolve("logs"));
      return folder.toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new RunFailedException(
          "cannot create the work folder under " + options.workRoot() + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // leftovers in the work folder are harmless
    }
  }
}
