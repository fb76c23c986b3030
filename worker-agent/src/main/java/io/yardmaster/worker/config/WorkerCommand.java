package io.yardmaster.worker.config;

import io.yardmaster.model.config.KafkaClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The agent's command line. It only collects values; {@link #toOptions()} turns them into checked
 * {@link WorkerOptions}.
 */
@Command(
    name = "yard-worker",
    mixinStandardHelpOptions = true,
    versionProvider = WorkerVersion.Provider.class,
    sortOptions = false,
    customSynopsis = "yard-worker --pool=POOL [OPTION...]",
    usageHelpAutoWidth = true,
    description = {
      "Runs Yardmaster tasks for one pool: reads the assignments the dispatcher writes for this"
          + " agent, runs them in a fixed number of slots, and reports results, heartbeats and"
          + " metrics over Kafka.",
      ""
    },
    footer = {
      "",
      "Every option can also come from the environment as YARD_WORKER_<OPTION> (e.g."
          + " YARD_WORKER_SLOTS=8, YARD_WORKER_HEARTBEAT_INTERVAL=2s) or from the --config"
          + " properties file, whose keys are the long option names without dashes (e.g."
          + " slots=8). The command line wins over the environment, which wins over the file.",
      "Durations: ISO-8601 (PT1S, PT0.5S) or short (500ms, 2s, 5m, 1h).",
      "SIGTERM drains: no new work, running tasks get --drain-timeout to finish, queued ones are"
          + " handed back; a second SIGTERM stops at once.",
      "Exit codes: 0 stopped cleanly, 2 bad configuration."
    })
public final class WorkerCommand {

  @Option(
      names = "--pool",
      paramLabel = "POOL",
      description = "The pool this agent serves (required).")
  String pool;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "How many tasks run at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WorkerOptions.DEFAULT_SLOTS)
  int slots;

  @Option(
      names = "--capabilities",
      split = ",",
      paramLabel = "CAP",
      description =
          "What this agent can do; tasks that require capabilities go to agents having all of them.")
  List<String> capabilities = new ArrayList<>();

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "The agent's region, for geographic routing.")
  String region;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "The agent's zone within its region.")
  String zone;

  @Option(
      names = "--agent-id",
      paramLabel = "ID",
      description = "This agent's id (default: <host>-<pool>-<index>, stable across restarts).")
  String agentId;

  @Option(
      names = "--index",
      paramLabel = "N",
      description =
          "Tells agents of one pool on one host apart in the default id (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WorkerOptions.DEFAULT_INDEX)
  int index;

  @Option(
      names = "--weight",
      paramLabel = "W",
      description = "Share of work under weighted round robin (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WorkerOptions.DEFAULT_WEIGHT)
  double weight;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka to connect to (env YARD_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).",
      defaultValue = WorkerOptions.DEFAULT_BOOTSTRAP_SERVERS)
  String bootstrapServers;

  @Option(
      names = "--kafka-properties",
      paramLabel = "FILE",
      description = "Extra Kafka client properties, e.g. TLS or SASL (env YARD_KAFKA_PROPERTIES).")
  Path kafkaProperties;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of every topic name (default: ${DEFAULT-VALUE}).",
      defaultValue = WorkerOptions.DEFAULT_TOPIC_PREFIX)
  String topicPrefix;

  @Option(
      names = "--heartbeat-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often to send a heartbeat (default: ${DEFAULT-VALUE}).",
      defaultValue = "PT1S")
  Duration heartbeatInterval;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics; 0 = off (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WorkerOptions.DEFAULT_METRICS_PORT)
  int metricsPort;

  @Option(
      names = "--drain-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "On SIGTERM, how long running tasks get to finish (default: ${DEFAULT-VALUE}).",
      defaultValue = "PT30S")
  Duration drainTimeout;

  @Option(
      names = "--command-allowlist",
      split = ",",
      paramLabel = "PROG",
      description =
          "Programs the 'command' task type may run (names on the PATH or absolute paths); none by default.")
  List<String> commandAllowlist = new ArrayList<>();

  @Option(
      names = "--http-allowlist",
      split = ",",
      paramLabel = "HOST",
      description = "Hosts the 'http' task type may call; none by default.")
  List<String> httpAllowlist = new ArrayList<>();

  @Option(
      names = "--max-output-bytes",
      paramLabel = "BYTES",
      description = "Largest task output reported; more is cut (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WorkerOptions.DEFAULT_MAX_OUTPUT_BYTES)
  int maxOutputBytes;

  @Option(
      names = "--max-queued",
      paramLabel = "N",
      description =
          "Most assignments waiting for a slot; more are handed back at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WorkerOptions.DEFAULT_MAX_QUEUED)
  int maxQueued;

  @Option(
      names = "--execution-log",
      paramLabel = "FILE",
      description =
          "Append one JSON line per execution (task, attempt, lease, times, concurrency) to FILE.")
  Path executionLog;

  @Option(
      names = "--handlers-dir",
      paramLabel = "DIR",
      description = "Load extra task handlers from the jars in DIR.")
  Path handlersDir;

  @Option(
      names = "--clock-offset",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Shift this agent's clock by DURATION (e.g. -PT5M), to test clock skew between hosts"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "PT0S")
  Duration clockOffset;

  @Option(
      names = "--started-report-delay",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Report a task STARTED once it has run this long (PT0S: at once); a task that ends sooner"
              + " reports only its result, which carries its start time (default: ${DEFAULT-VALUE}).",
      defaultValue = "PT0.02S")
  Duration startedReportDelay;

  @Option(
      names = WorkerDefaults.CONFIG_OPTION,
      paramLabel = "FILE",
      description = "A properties file with any of these options (key = long name without dashes).")
  Path config;

  /** The checked options; throws {@code InvalidSettingException} naming the bad one. */
  public WorkerOptions toOptions() {
    return WorkerOptions.builder(pool)
        .slots(slots)
        .capabilities(capabilities)
        .region(region)
        .zone(zone)
        .agentId(agentId)
        .index(index)
        .weight(weight)
        .kafka(KafkaClientSettings.load(bootstrapServers, kafkaProperties))
        .topicPrefix(topicPrefix)
        .heartbeatInterval(heartbeatInterval)
        .metricsPort(metricsPort)
        .drainTimeout(drainTimeout)
        .commandAllowlist(commandAllowlist)
        .httpAllowlist(httpAllowlist)
        .maxOutputBytes(maxOutputBytes)
        .maxQueued(maxQueued)
        .executionLog(executionLog)
        .handlersDir(handlersDir)
        .clockOffset(clockOffset)
        .startedReportDelay(startedReportDelay)
        .build();
  }
}
