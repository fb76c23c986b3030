package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.demo.PropertyDemo;
import io.yardmaster.deploy.local.LocalConfigFile;
import io.yardmaster.deploy.local.LocalRun;
import io.yardmaster.deploy.local.LocalRunOptions;
import io.yardmaster.deploy.local.PoolPlan;
import io.yardmaster.deploy.local.Workload;
import io.yardmaster.deploy.submit.SubmissionReader;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code yard local}: Yardmaster on this machine, with the demo workflow. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs Yardmaster on this machine, with the demo workflow.",
      "Starts a Kafka broker, the dispatcher and one process per agent (logs in"
          + " work/local-<time>/logs), waits for every agent's heartbeat, then runs the demo workflow (25 property records, 5"
          + " valuations, 3 notifications) with live progress and a summary. Stops every process"
          + " it started at the end or on Ctrl-C.",
      "Exit codes: 0 every task succeeded in dependency order, 1 the run or its workload failed,"
          + " 2 bad options, 3 Kafka unreachable.",
      ""
    },
    footer = {
      "",
      "Pools: --pool name:agents:slots[:capability,capability[:strategy]], e.g."
          + " --pool gpu:2:4:cuda,ml:least-loaded. Without --pool or --config: the demo's pools"
          + " data-processing:5:2:data_processing, ai-analysis:3:1:ai_analysis and"
          + " notifications:2:1:notification.",
      "--config FILE: YAML with the same pools, e.g.",
      "  pools:",
      "    - {name: gpu, agents: 2, slots: 4, capabilities: [cuda]}",
      "JVM options of the processes started: env YARD_LOCAL_JVM_OPTS (default: small heaps)."
    })
public final class LocalCommand implements Callable<Integer> {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final YardContext context;

  @Option(names = "--keep-running", description = "Stay up after the workload, until Ctrl-C.")
  boolean keepRunning;

  @Option(names = "--no-demo", description = "Do not submit the demo workflow.")
  boolean noDemo;

  @Option(
      names = "--submit",
      paramLabel = "FILE",
      description = "Also submit the tasks of FILE (JSON or JSON lines) and wait for them.")
  Path submitFile;

  @Option(
      names = "--pool",
      paramLabel = "SPEC",
      description = "A pool: name:agents:slots[:capabilities[:strategy]]; repeatable.")
  List<String> poolSpecs = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "YAML file with the pools.")
  Path config;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description =
          "Use this Kafka cluster instead of starting a broker. If a dispatcher already runs"
              + " on it, give this run its own --topic-prefix.")
  String bootstrapServers;

  @Option(
      names = "--kafka-properties",
      paramLabel = "FILE",
      description = "Extra Kafka client properties (TLS, SASL) for --bootstrap-servers.")
  Path kafkaProperties;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = Topics.DEFAULT_PREFIX,
      description = "Prefix of every topic name (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "" + LocalRunOptions.DEFAULT_KAFKA_PORT,
      description = "Port of the started broker if free, else any (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--dashboard-port",
      paramLabel = "PORT",
      description =
          "Port of the dispatcher's dashboard (default: 8080 if free, else any); also serves the agents' metrics and prints their addresses.")
  Integer dashboardPort;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Folder for the run's data and logs (default: work/ in the repository).")
  Path workDir;

  @Option(
      names = "--startup-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT3M",
      description = "How long the broker and agents may take to start (default: ${DEFAULT-VALUE}).")
  Duration startupTimeout;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT5M",
      description = "How long the workload may take (default: ${DEFAULT-VALUE}).")
  Duration runTimeout;

  @Option(
      names = "--scale",
      paramLabel = "POOL=POLICY",
      description =
          "Scale a pool's agents to the dispatcher's desired count, e.g. cpu='reactive(queue=4);min=1;max=6;up=5s;down=20s' (see the dispatcher's --scale). Repeatable.")
  Map<String, String> scaling = new java.util.LinkedHashMap<>();

  @Option(names = "--plain", description = "Progress as plain lines even on a terminal.")
  boolean plain;

  public LocalCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LocalRunOptions options = options();
    return new LocalRun(options, context.out(), context.clock(), context.terminal()).run();
  }

  LocalRunOptions options() {
    if (bootstrapServers == null && kafkaProperties != null) {
      throw new BadInputException("--kafka-properties goes with --bootstrap-servers");
    }
    List<PoolPlan> pools = new ArrayList<>();
    if (config != null) {
      pools.addAll(LocalConfigFile.read(config));
    }
    poolSpecs.forEach(spec -> pools.add(PoolPlan.parse(spec)));
    if (pools.isEmpty()) {
      pools.addAll(PropertyDemo.pools());
    }
    Workload workload = Workload.none();
    if (!noDemo) {
      // on a shared cluster, earlier runs may have used the demo's ids: make this run's unique
      String prefix =
          bootstrapServers == null ? "" : "run-" + RUN_ID.format(context.clock().instant()) + "-";
      workload = PropertyDemo.workload(prefix);
    }
    if (submitFile != null) {
      workload =
          workload.plus(
              new Workload(
                  submitFile.getFileName().toString(),
                  SubmissionReader.read(submitFile, context.in())));
    }
    return new LocalRunOptions(
        workDir != null ? workDir : context.home().resolve("work"),
        bootstrapServers,
        kafkaProperties,
        topicPrefix,
        pools,
        workload,
        keepRunning,
        kafkaPort,
        dashboardPort,
        positive("--startup-timeout", startupTimeout),
        positive("--timeout", runTimeout),
        plain,
        scaling);
  }

  private static Duration positive(String option, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new BadInputException(option + " must be positive, was " + d);
    }
    return d;
  }
}
