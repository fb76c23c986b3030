package io.yardmaster.worker.config;

import io.yardmaster.model.config.KafkaClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Builds {@link WorkerOptions}, starting from the {@code DEFAULT_*} values; {@link #build()} checks
 * them. Get one from {@link WorkerOptions#builder(String)}.
 */
public final class WorkerOptionsBuilder {
  private final String pool;
  private int slots = WorkerOptions.DEFAULT_SLOTS;
  private Set<String> capabilities = Set.of();
  private String region;
  private String zone;
  private String agentId;
  private int index = WorkerOptions.DEFAULT_INDEX;
  private double weight = WorkerOptions.DEFAULT_WEIGHT;
  private KafkaClientSettings kafka =
      KafkaClientSettings.of(WorkerOptions.DEFAULT_BOOTSTRAP_SERVERS);
  private String topicPrefix = WorkerOptions.DEFAULT_TOPIC_PREFIX;
  private Duration heartbeatInterval = WorkerOptions.DEFAULT_HEARTBEAT_INTERVAL;
  private int metricsPort = WorkerOptions.DEFAULT_METRICS_PORT;
  private Duration drainTimeout = WorkerOptions.DEFAULT_DRAIN_TIMEOUT;
  private Set<String> commandAllowlist = Set.of();
  private Set<String> httpAllowlist = Set.of();
  private int maxOutputBytes = WorkerOptions.DEFAULT_MAX_OUTPUT_BYTES;
  private int maxQueued = WorkerOptions.DEFAULT_MAX_QUEUED;
  private Path executionLog;
  private Path handlersDir;
  private Duration clockOffset = WorkerOptions.DEFAULT_CLOCK_OFFSET;
  private Duration startedReportDelay = WorkerOptions.DEFAULT_STARTED_REPORT_DELAY;

  WorkerOptionsBuilder(String pool) {
    this.pool = pool;
  }

  public WorkerOptionsBuilder slots(int slots) {
    this.slots = slots;
    return this;
  }

  public WorkerOptionsBuilder capabilities(Collection<String> capabilities) {
    this.capabilities = Set.copyOf(capabilities);
    return this;
  }

  public WorkerOptionsBuilder region(String region) {
    this.region = region;
    return this;
  }

  public WorkerOptionsBuilder zone(String zone) {
    this.zone = zone;
    return this;
  }

  /** The agent id; null (the default) derives a stable one from the host, pool and index. */
  public WorkerOptionsBuilder agentId(String agentId) {
    this.agentId = agentId;
    return this;
  }

  public WorkerOptionsBuilder index(int index) {
    this.index = index;
    return this;
  }

  public WorkerOptionsBuilder weight(double weight) {
    this.weight = weight;
    return this;
  }

  public WorkerOptionsBuilder kafka(KafkaClientSettings kafka) {
    this.kafka = kafka;
    return this;
  }

  public WorkerOptionsBuilder topicPrefix(String topicPrefix) {
    this.topicPrefix = topicPrefix;
    return this;
  }

  public WorkerOptionsBuilder heartbeatInterval(Duration heartbeatInterval) {
    this.heartbeatInterval = heartbeatInterval;
    return this;
  }

  public WorkerOptionsBuilder metricsPort(int metricsPort) {
    this.metricsPort = metricsPort;
    return this;
  }

  public WorkerOptionsBuilder drainTimeout(Duration drainTimeout) {
    this.drainTimeout = drainTimeout;
    return this;
  }

  public WorkerOptionsBuilder commandAllowlist(Collection<String> commandAllowlist) {
    this.commandAllowlist = Set.copyOf(commandAllowlist);
    return this;
  }

  public WorkerOptionsBuilder httpAllowlist(Collection<String> httpAllowlist) {
    this.httpAllowlist = Set.copyOf(httpAllowlist);
    return this;
  }

  public WorkerOptionsBuilder maxOutputBytes(int maxOutputBytes) {
    this.maxOutputBytes = maxOutputBytes;
    return this;
  }

  public WorkerOptionsBuilder maxQueued(int maxQueued) {
    this.maxQueued = maxQueued;
    return this;
  }

  public WorkerOptionsBuilder executionLog(Path executionLog) {
    this.executionLog = executionLog;
    return this;
  }

  public WorkerOptionsBuilder handlersDir(Path handlersDir) {
    this.handlersDir = handlersDir;
    return this;
  }

  /** Shifts the agent's clock (the times it stamps on heartbeats and results); for tests. */
  public WorkerOptionsBuilder clockOffset(Duration clockOffset) {
    this.clockOffset = clockOffset;
    return this;
  }

  /**
   * How long a task runs before the agent reports it STARTED (0: at once). A task that ends sooner
   * reports only its result, which carries its start time: one record less for short tasks.
   */
  public WorkerOptionsBuilder startedReportDelay(Duration startedReportDelay) {
    this.startedReportDelay = startedReportDelay;
    return this;
  }

  public WorkerOptions build() {
    String id = agentId;
    if (id == null || id.isBlank()) {
      id = AgentIds.stable(AgentIds.localHostName(), pool == null ? "" : pool.strip(), index);
    }
    return new WorkerOptions(
        pool,
        slots,
        capabilities,
        region,
        zone,
        id.strip(),
        index,
        weight,
        kafka,
        topicPrefix,
        heartbeatInterval,
        metricsPort,
        drainTimeout,
        commandAllowlist,
        httpAllowlist,
        maxOutputBytes,
        maxQueued,
        executionLog,
        handlersDir,
        clockOffset,
        startedReportDelay);
  }
}
