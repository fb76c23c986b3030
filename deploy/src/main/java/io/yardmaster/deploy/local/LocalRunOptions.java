package io.yardmaster.deploy.local;

import io.yardmaster.deploy.BadInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a local run does.
 *
 * @param workRoot the folder under which the run's own {@code local-<timestamp>} folder is made
 * @param bootstrapServers an existing cluster to use; null: start an embedded broker
 * @param kafkaProperties extra client properties (TLS, SASL) for an existing cluster, or null
 * @param topicPrefix the prefix of every topic
 * @param pools the pools, each with its agents
 * @param workload the tasks to submit and wait for (empty: none, the run stays up)
 * @param keepRunning stay up after the workload finished, until Ctrl-C
 * @param kafkaPort the port the embedded broker should listen on, when free (0: any)
 * @param dashboardPort the port a dashboard would be served on, or null
 * @param startupTimeout how long the broker and the agents may take to come up
 * @param runTimeout how long the workload may take
 * @param plainOutput progress as plain lines even on a terminal
 * @param scaling scaling policies by pool (the dispatcher's {@code --scale}); the run starts and
 *     drains those pools' agents to follow their desired count
 */
public record LocalRunOptions(
    Path workRoot,
    String bootstrapServers,
    Path kafkaProperties,
    String topicPrefix,
    List<PoolPlan> pools,
    Workload workload,
    boolean keepRunning,
    int kafkaPort,
    Integer dashboardPort,
    Duration startupTimeout,
    Duration runTimeout,
    boolean plainOutput,
    Map<String, String> scaling) {
  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(3);
  public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(5);

  public LocalRunOptions {
    Objects.requireNonNull(workRoot, "workRoot can't be null");
    Objects.requireNonNull(topicPrefix, "topicPrefix can't be null");
    Objects.requireNonNull(workload, "workload can't be null");
    Objects.requireNonNull(startupTimeout, "startupTimeout can't be null");
    Objects.requireNonNull(runTimeout, "runTimeout can't be null");
    pools = List.copyOf(Objects.requireNonNull(pools, "pools can't be null"));
    if (pools.isEmpty()) {
      throw new BadInputException("a local run needs at least one pool (--pool or --config)");
    }
    Set<String> names = new HashSet<>();
    for (PoolPlan p : pools) {
      if (!names.add(p.name())) {
        throw new BadInputException("pool " + p.name() + " is given twice");
      }
    }
    if (kafkaPort < 0 || kafkaPort > 65_535) {
      throw new BadInputException("--kafka-port must be 0-65535, was " + kafkaPort);
    }
    if (dashboardPort != null && (dashboardPort < 1 || dashboardPort > 65_535)) {
      throw new BadInputException("--dashboard-port must be 1-65535, was " + dashboardPort);
    }
    checkPoolsOfWorkload(pools, workload);
    scaling = scaling == null ? Map.of() : Map.copyOf(scaling);
    for (String pool : scaling.keySet()) {
      if (!names.contains(pool)) {
        throw new BadInputException("--scale names pool " + pool + ", which is not in the run");
      }
    }
  }

  public LocalRunOptions(
      Path workRoot,
      String bootstrapServers,
      Path kafkaProperties,
      String topicPrefix,
      List<PoolPlan> pools,
      Workload workload,
      boolean keepRunning,
      int kafkaPort,
      Integer dashboardPort,
      Duration startupTimeout,
      Duration runTimeout,
      boolean plainOutput) {
    this(
        workRoot,
        bootstrapServers,
        kafkaProperties,
        topicPrefix,
        pools,
        workload,
        keepRunning,
        kafkaPort,
        dashboardPort,
        startupTimeout,
        runTimeout,
        plainOutput,
        Map.of());
  }

  /** Whether the run starts its own broker. */
  public boolean embeddedBroker() {
    return bootstrapServers == null;
  }

  private static void checkPoolsOfWorkload(List<PoolPlan> pools, Workload workload) {
    Set<String> names = new HashSet<>();
    pools.forEach(p -> names.add(p.name()));
    Set<String> missing = new java.util.TreeSet<>();
    workload.tasks().stream()
        .map(workload::poolOf)
        .filter(p -> p != null && !names.contains(p))
        .forEach(missing::add);
    if (!missing.isEmpty()) {
      throw new BadInputException(
          "the tasks of "
              + workload.name()
              + " need the pools "
              + missing
              + ", which this run does not start (it has "
              + new java.util.TreeSet<>(names)
              + "). Add them with --pool, or pass --no-demo.");
    }
  }
}
