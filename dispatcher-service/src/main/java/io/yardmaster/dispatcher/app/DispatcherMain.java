package io.yardmaster.dispatcher.app;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.config.PoolSpecParser;
import io.yardmaster.dispatcher.config.RoutingRules;
import io.yardmaster.dispatcher.rebalance.RebalanceOptions;
import io.yardmaster.dispatcher.scaling.ScalingSpecParser;
import io.yardmaster.dispatcher.scheduling.RetryPolicy;
import io.yardmaster.dispatcher.scheduling.SchedulerOptions;
import io.yardmaster.dispatcher.scheduling.ScoringOptions;
import io.yardmaster.dispatcher.scheduling.strategy.Strategies;
import io.yardmaster.model.YardmasterException;
import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.validation.SubmissionValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The dispatcher's command line: reads the settings, then hands over to {@link DispatcherService}.
 */
@Command(
    name = "dispatcher",
    mixinStandardHelpOptions = true,
    version = "Yardmaster dispatcher 0.1.0",
    description =
        "Runs the Yardmaster dispatcher: holds the backlog, scores priority and assigns tasks to worker agents.",
    defaultValueProvider = CommandLine.PropertiesDefaultProvider.class,
    sortOptions = false)
public final class DispatcherMain implements Callable<Integer> {
  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:YARD_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description =
          "Kafka bootstrap servers (env YARD_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}")
  String bootstrapServers;

  @Option(
      names = "--kafka-properties",
      defaultValue = "${env:YARD_KAFKA_PROPERTIES}",
      description =
          "Extra Kafka client properties (TLS, SASL) from this file (env YARD_KAFKA_PROPERTIES).")
  Path kafkaProperties;

  @Option(
      names = "--topic-prefix",
      defaultValue = "yard.",
      description = "Prefix of every topic. Default: ${DEFAULT-VALUE}")
  String topicPrefix;

  @Option(
      names = "--pool",
      required = true,
      description =
          "A pool: name[:capability,capability][:strategy]. Repeat for each pool. Strategies: least-loaded (default), round-robin, weighted-round-robin, capability-based, performance-based, priority-based, geographic, resource-aware.")
  List<String> pools;

  @Option(names = "--default-pool", description = "Pool of tasks that name none and match no rule.")
  String defaultPool;

  @Option(
      names = "--route-type",
      description = "Route a task type to a pool: type=pool. Repeatable.")
  Map<String, String> typeRoutes = Map.of();

  @Option(
      names = "--route-capability",
      description = "Route tasks needing a capability to a pool: capability=pool. Repeatable.")
  Map<String, String> capabilityRoutes = Map.of();

  @Option(
      names = "--scale",
      description =
          "A pool's scaling: pool=policy[+policy][;min=N;max=N;up=30s;down=5m;tolerance=0.1]. Policies: static(N), reactive(queue=4,wait=30s), predictive(queue=4), time(mon-fri@09:00-18:00=5,else=1), cpu(target=0.7); several joined by + take the largest. Repeatable.")
  Map<String, String> scaling = Map.of();

  @Option(
      names = "--rebalance-factor",
      defaultValue = "0",
      description =
          "Move queued tasks to another pool when a pool's queued tasks per agent exceed the other's by this factor (0 = never). Default: ${DEFAULT-VALUE}")
  double rebalanceFactor;

  @Option(
      names = "--state-dir",
      defaultValue = "work/dispatcher-state",
      description = "Where the local state stores live. Default: ${DEFAULT-VALUE}")
  Path stateDir;

  @Option(
      names = "--application-id",
      defaultValue = "dispatcher",
      description =
          "Kafka Streams application id (after the topic prefix). Default: ${DEFAULT-VALUE}")
  String applicationId;

  @Option(
      names = "--processing-guarantee",
      defaultValue = "exactly_once_v2",
      description = "exactly_once_v2 or at_least_once. Default: ${DEFAULT-VALUE}")
  String processingGuarantee;

  @Option(
      names = "--commit-interval",
      description =
          "Kafka Streams commit interval (ISO-8601). Default: PT0.02S under exactly_once_v2,"
              + " PT0.1S under at_least_once")
  Duration commitInterval;

  @Option(
      names = "--partitions",
      defaultValue = "6",
      description =
          "Partitions of every topic the dispatcher creates and of its pool repartition. Default: ${DEFAULT-VALUE}")
  int partitions;

  @Option(
      names = "--replication-factor",
      defaultValue = "1",
      description = "Replication factor of the topics it creates. Default: ${DEFAULT-VALUE}")
  int replicationFactor;

  @Option(
      names = "--standby-replicas",
      defaultValue = "0",
      description =
          "Standby replicas of the state stores, for fast fail-over. Default: ${DEFAULT-VALUE}")
  int standbyReplicas;

  @Option(
      names = "--work-ahead-cap",
      defaultValue = "" + SchedulerOptions.DEFAULT_WORK_AHEAD_CAP,
      description =
          "Most tasks an agent may hold beyond its slots (0 = strictly its slots). Default: ${DEFAULT-VALUE}")
  int workAheadCap;

  @Option(
      names = "--missed-heartbeats",
      defaultValue = "3",
      description =
          "Heartbeats an agent may miss before its leases are re-queued. Default: ${DEFAULT-VALUE}")
  int missedHeartbeats;

  @Mixin HealthCliOptions health;

  @Option(
      names = "--urgency-horizon",
      defaultValue = "PT5H",
      description = "How long before a deadline urgency starts to grow. Default: ${DEFAULT-VALUE}")
  Duration urgencyHorizon;

  @Option(
      names = "--pool-urgency-horizon",
      paramLabel = "POOL=DURATION",
      description =
          "A pool's own urgency horizon, e.g. interactive=PT10S: deadlines seconds away then differ in urgency. Repeatable.")
  Map<String, Duration> poolUrgencyHorizons = new LinkedHashMap<>();

  @Option(
      names = "--aging-quantum",
      defaultValue = "PT1M",
      description =
          "Tasks queued within the same quantum share their aging, so near-ties go earliest-deadline-first. Default: ${DEFAULT-VALUE}")
  Duration agingQuantum;

  @Option(
      names = "--overdue-urgency",
      defaultValue = "10",
      description =
          "Urgency of a task past its deadline: 10 puts it first (the original design); 1 lets tasks that can still meet their deadline go first under overload. Default: ${DEFAULT-VALUE}")
  double overdueUrgency;

  @Option(
      names = "--aging-per-minute",
      defaultValue = "1.0",
      description = "Score points a waiting task gains per minute. Default: ${DEFAULT-VALUE}")
  double agingPerMinute;

  @Option(
      names = "--max-payload-bytes",
      defaultValue = "65536",
      description = "Largest accepted task payload. Default: ${DEFAULT-VALUE}")
  int maxPayloadBytes;

  @Option(
      names = "--unknown-dependency-timeout",
      defaultValue = "PT10M",
      description =
          "How long a task may wait for a dependency that was never submitted before it becomes UNSCHEDULABLE (PT0S = forever). Default: ${DEFAULT-VALUE}")
  Duration unknownDependencyTimeout;

  @Option(
      names = "--no-ensure-topics",
      negatable = true,
      defaultValue = "true",
      description = "Create missing topics at start (default) or not.")
  boolean ensureTopics;

  @CommandLine.Mixin WebCommandOptions web = new WebCommandOptions();

  @Override
  public Integer call() {
    DispatcherConfig config = config();
    try (DispatcherService service =
        new DispatcherService(config, replicationFactor, ensureTopics, web.options())) {
      service.start();
      service.awaitShutdown();
      return service.failed() ? 1 : 0;
    }
  }

  DispatcherConfig config() {
    KafkaClientSettings kafka = KafkaClientSettings.load(bootstrapServers, kafkaProperties);
    List<PoolConfig> poolConfigs =
        pools.stream()
            .map(PoolSpecParser::parse)
            .map(p -> p.withUrgencyHorizon(poolUrgencyHorizons.get(p.name())))
            .map(
                p ->
                    scaling.containsKey(p.name())
                        ? p.withScaling(ScalingSpecParser.parse(scaling.get(p.name())))
                        : p)
            .toList();
    requireKnownPools("--pool-urgency-horizon", poolUrgencyHorizons.keySet(), poolConfigs);
    requireKnownPools("--scale", scaling.keySet(), poolConfigs);
    poolConfigs.stream()
        .filter(p -> p.strategy() != null)
        .forEach(p -> Strategies.create(p.strategy()));
    SchedulerOptions scheduler =
        new SchedulerOptions(
            new ScoringOptions(
                urgencyHorizon,
                agingPerMinute,
                ScoringOptions.DEFAULT_URGENCY_STEP,
                agingQuantum,
                overdueUrgency),
            workAheadCap,
            missedHeartbeats,
            SchedulerOptions.DEFAULT_HEARTBEAT_INTERVAL,
            RetryPolicy.DEFAULTS,
            SchedulerOptions.DEFAULT_STRATEGY,
            health.toOptions());
    return new DispatcherConfig(
        kafka,
        topicPrefix,
        applicationId,
        stateDir,
        processingGuarantee,
        commitInterval != null
            ? commitInterval
            : DispatcherConfig.defaultCommitInterval(processingGuarantee),
        DispatcherConfig.DEFAULT_POLL_INTERVAL,
        DispatcherConfig.defaultProducerLinger(processingGuarantee),
        partitions,
        standbyReplicas,
        DispatcherConfig.DEFAULT_TICK_INTERVAL,
        DispatcherConfig.DEFAULT_STATUS_INTERVAL,
        maxPayloadBytes <= 0 ? SubmissionValidator.DEFAULT_MAX_PAYLOAD_BYTES : maxPayloadBytes,
        scheduler,
        poolConfigs,
        new RoutingRules(typeRoutes, capabilityRoutes, defaultPool),
        unknownDependencyTimeout,
        RebalanceOptions.factor(rebalanceFactor));
  }

  private static void requireKnownPools(
      String option, java.util.Set<String> names, List<PoolConfig> pools) {
    names.stream()
        .filter(name -> pools.stream().noneMatch(p -> p.name().equals(name)))
        .findFirst()
        .ifPresent(
            name -> {
              throw new InvalidSettingException(
                  option, "names unknown pool '" + name + "', not one of the --pool names");
            });
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new DispatcherMain());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof YardmasterException || e instanceof IllegalArgumentException) {
            cmd.getErr().println("dispatcher: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    System.exit(cli.execute(args));
  }
}
