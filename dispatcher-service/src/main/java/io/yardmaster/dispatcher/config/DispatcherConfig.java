package io.yardmaster.dispatcher.config;

import io.yardmaster.dispatcher.rebalance.RebalanceOptions;
import io.yardmaster.dispatcher.scheduling.SchedulerOptions;
import io.yardmaster.dispatcher.scheduling.ScoringOptions;
import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.model.validation.SubmissionValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of the dispatcher, checked once when built. Defaults are the {@code DEFAULT_*}
 * constants.
 */
public record DispatcherConfig(
    KafkaClientSettings kafka,
    String topicPrefix,
    String applicationId,
    Path stateDir,
    String processingGuarantee,
    Duration commitInterval,
    Duration pollInterval,
    Duration producerLinger,
    int partitions,
    int standbyReplicas,
    Duration tickInterval,
    Duration statusInterval,
    int maxPayloadBytes,
    SchedulerOptions scheduler,
    List<PoolConfig> pools,
    RoutingRules routing,
    Duration unknownDependencyTimeout,
    RebalanceOptions rebalance) {

  public static final String DEFAULT_APPLICATION_ID = "dispatcher";
  public static final Path DEFAULT_STATE_DIR = Path.of("work", "dispatcher-state");
  public static final String DEFAULT_PROCESSING_GUARANTEE = "exactly_once_v2";
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(20);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(5);
  public static final Duration DEFAULT_PRODUCER_LINGER = Duration.ofMillis(5);
  public static final Duration AT_LEAST_ONCE_COMMIT_INTERVAL = Duration.ofMillis(100);
  public static final int DEFAULT_PARTITIONS = 6;
  public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofMillis(100);
  public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_UNKNOWN_DEPENDENCY_TIMEOUT = Duration.ofMinutes(10);
  private static final List<String> GUARANTEES = List.of("exactly_once_v2", "at_least_once");

  public DispatcherConfig {
    Objects.requireNonNull(kafka, "kafka can't be null");
    Objects.requireNonNull(topicPrefix, "topicPrefix can't be null");
    Objects.requireNonNull(applicationId, "applicationId can't be null");
    Objects.requireNonNull(stateDir, "stateDir can't be null");
    Objects.requireNonNull(scheduler, "scheduler can't be null");
    new Topics(topicPrefix); // checks the prefix
    if (!GUARANTEES.contains(processingGuarantee)) {
      throw new InvalidSettingException(
          "processing guarantee", "must be one of " + GUARANTEES + ", was " + processingGuarantee);
    }
    positive("commit interval", commitInterval);
    positive("tick interval", tickInterval);
    positive("status interval", statusInterval);
    Objects.requireNonNull(pollInterval, "pollInterval can't be null");
    Objects.requireNonNull(producerLinger, "producerLinger can't be null");
    if (pollInterval.compareTo(commitInterval) > 0) {
      throw new InvalidSettingException(
          "poll interval",
          "("
              + pollInterval
              + ") must not exceed the commit interval ("
              + commitInterval
              + "): commits would wait for polls");
    }
    if (partitions < 1) {
      throw new InvalidSettingException("partitions", "must be >= 1");
    }
    pools = List.copyOf(pools == null ? List.of() : pools);
    if (pools.isEmpty()) {
      throw new InvalidSettingException(
          "pools", "is empty; configure at least one pool (e.g. --pool default)");
    }
    Map<String, PoolConfig> seen = new LinkedHashMap<>();
    for (PoolConfig p : pools) {
      if (seen.put(p.name(), p) != null) {
        throw new InvalidSettingException("pools", "names pool '" + p.name() + "' twice");
      }
    }
    routing = routing == null ? RoutingRules.NONE : routing;
    if (unknownDependencyTimeout == null || unknownDependencyTimeout.isNegative()) {
      throw new InvalidSettingException(
          "unknown dependency timeout", "must be >= 0 (0 = wait forever)");
    }
    for (String target : routingTargets(routing)) {
      if (!seen.containsKey(target)) {
        throw new InvalidSettingException(
            "routing",
            "names pool '" + target + "', which is not configured; pools: " + seen.keySet());
      }
    }
    rebalance = rebalance == null ? RebalanceOptions.OFF : rebalance;
    if (maxPayloadBytes <= 0) {
      maxPayloadBytes = SubmissionValidator.DEFAULT_MAX_PAYLOAD_BYTES;
    }
  }

  private static List<String> routingTargets(RoutingRules r) {
    List<String> targets = new java.util.ArrayList<>(r.typeToPool().values());
    targets.addAll(r.capabilityToPool().values());
    if (r.defaultPool() != null) {
      targets.add(r.defaultPool());
    }
    return targets;
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidSettingException(name, "must be a positive duration, was " + d);
    }
  }

  /**
   * The commit interval for a processing guarantee. Exactly-once output is seen only once
   * committed, so it commits often. At-least-once output is seen at once and a commit only bounds
   * what a crash replays, so it commits less often: the store cache then absorbs the whole life of
   * a short task, which writes nothing to the changelog.
   */
  public static Duration defaultCommitInterval(String processingGuarantee) {
    return atLeastOnce(processingGuarantee)
        ? AT_LEAST_ONCE_COMMIT_INTERVAL
        : DEFAULT_COMMIT_INTERVAL;
  }

  /**
   * How long the dispatcher's producer waits to fill a batch. An exactly-once commit sends whatever
   * waits, so batching costs no latency there; at-least-once records leave at once.
   */
  public static Duration defaultProducerLinger(String processingGuarantee) {
    return atLeastOnce(processingGuarantee) ? Duration.ZERO : DEFAULT_PRODUCER_LINGER;
  }

  private static boolean atLeastOnce(String processingGuarantee) {
    return "at_least_once".equals(processingGuarantee);
  }

  /** A configuration with every default, for these pools. */
  public static DispatcherConfig defaults(KafkaClientSettings kafka, List<PoolConfig> pools) {
    return new DispatcherConfig(
        kafka,
        Topics.DEFAULT_PREFIX,
        DEFAULT_APPLICATION_ID,
        DEFAULT_STATE_DIR,
        DEFAULT_PROCESSING_GUARANTEE,
        DEFAULT_COMMIT_INTERVAL,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_PRODUCER_LINGER,
        DEFAULT_PARTITIONS,
        0,
        DEFAULT_TICK_INTERVAL,
        DEFAULT_STATUS_INTERVAL,
        SubmissionValidator.DEFAULT_MAX_PAYLOAD_BYTES,
        SchedulerOptions.DEFAULTS,
        pools,
        RoutingRules.NONE,
        DEFAULT_UNKNOWN_DEPENDENCY_TIMEOUT,
        RebalanceOptions.OFF);
  }

  public Topics topics() {
    return new Topics(topicPrefix);
  }

  public Optional<PoolConfig> pool(String name) {
    return pools.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public List<String> poolNames() {
    return pools.stream().map(PoolConfig::name).toList();
  }

  /** The scheduler options of one pool: the defaults with the pool's own settings on top. */
  public SchedulerOptions schedulerOptions(PoolConfig pool) {
    SchedulerOptions o = scheduler;
    if (pool.strategy() != null) {
      o = o.withStrategy(pool.strategy());
    }
    if (pool.workAheadCap() != null) {
      o = o.withWorkAheadCap(pool.workAheadCap());
    }
    if (pool.urgencyHorizon() != null) {
      ScoringOptions s = o.scoring();
      o = o.withScoring(s.withUrgencyHorizon(pool.urgencyHorizon()));
    }
    return o;
  }

  public DispatcherConfig withStateDir(Path dir) {
    return toBuilder().stateDir(dir).build();
  }

  public DispatcherConfig withTopicPrefix(String prefix) {
    return toBuilder().topicPrefix(prefix).build();
  }

  public DispatcherConfig withRouting(RoutingRules rules) {
    return toBuilder().routing(rules).build();
  }

  public DispatcherConfig withScheduler(SchedulerOptions options) {
    return toBuilder().scheduler(options).build();
  }

  public DispatcherConfig withRebalance(RebalanceOptions options) {
    return toBuilder().rebalance(options).build();
  }

  public DispatcherConfig withUnknownDependencyTimeout(Duration timeout) {
    return toBuilder().unknownDependencyTimeout(timeout).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy of a configuration with some settings changed; {@link #build} checks it again. */
  public static final class Builder {
    private KafkaClientSettings kafka;
    private String topicPrefix;
    private String applicationId;
    private Path stateDir;
    private String processingGuarantee;
    private Duration commitInterval;
    private Duration pollInterval;
    private Duration producerLinger;
    private int partitions;
    private int standbyReplicas;
    private Duration tickInterval;
    private Duration statusInterval;
    private int maxPayloadBytes;
    private SchedulerOptions scheduler;
    private List<PoolConfig> pools;
    private RoutingRules routing;
    private Duration unknownDependencyTimeout;
    private RebalanceOptions rebalance;

    private Builder(DispatcherConfig c) {
      kafka = c.kafka;
      topicPrefix = c.topicPrefix;
      applicationId = c.applicationId;
      stateDir = c.stateDir;
      processingGuarantee = c.processingGuarantee;
      commitInterval = c.commitInterval;
      pollInterval = c.pollInterval;
      producerLinger = c.producerLinger;
      partitions = c.partitions;
      standbyReplicas = c.standbyReplicas;
      tickInterval = c.tickInterval;
      statusInterval = c.statusInterval;
      maxPayloadBytes = c.maxPayloadBytes;
      scheduler = c.scheduler;
      pools = c.pools;
      routing = c.routing;
      unknownDependencyTimeout = c.unknownDependencyTimeout;
      rebalance = c.rebalance;
    }

    public Builder topicPrefix(String value) {
      topicPrefix = value;
      return this;
    }

    public Builder stateDir(Path value) {
      stateDir = value;
      return this;
    }

    public Builder processingGuarantee(String value) {
      processingGuarantee = value;
      return this;
    }

    public Builder commitInterval(Duration value) {
      commitInterval = value;
      return this;
    }

    public Builder partitions(int value) {
      partitions = value;
      return this;
    }

    public Builder scheduler(SchedulerOptions value) {
      scheduler = value;
      return this;
    }

    public Builder routing(RoutingRules value) {
      routing = value;
      return this;
    }

    public Builder unknownDependencyTimeout(Duration value) {
      unknownDependencyTimeout = value;
      return this;
    }

    public Builder rebalance(RebalanceOptions value) {
      rebalance = value;
      return this;
    }

    public DispatcherConfig build() {
      return new DispatcherConfig(
          kafka,
          topicPrefix,
          applicationId,
          stateDir,
          processingGuarantee,
          commitInterval,
          pollInterval,
          producerLinger,
          partitions,
          standbyReplicas,
          tickInterval,
          statusInterval,
          maxPayloadBytes,
          scheduler,
          pools,
          routing,
          unknownDependencyTimeout,
          rebalance);
    }
  }
}
