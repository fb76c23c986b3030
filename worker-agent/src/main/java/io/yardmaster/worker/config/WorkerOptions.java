package io.yardmaster.worker.config;

import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.handler.HandlerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything an agent is told at start, checked once when built: each problem names the option that
 * has it. Build with {@link #builder(String)}; {@code WorkerCommand} builds it from the command
 * line, the environment and a config file.
 */
public record WorkerOptions(
    String pool,
    int slots,
    Set<String> capabilities,
    String region,
    String zone,
    String agentId,
    int index,
    double weight,
    KafkaClientSettings kafka,
    String topicPrefix,
    Duration heartbeatInterval,
    int metricsPort,
    Duration drainTimeout,
    Set<String> commandAllowlist,
    Set<String> httpAllowlist,
    int maxOutputBytes,
    int maxQueued,
    Path executionLog,
    Path handlersDir,
    Duration clockOffset,
    Duration startedReportDelay) {

  public static final int DEFAULT_SLOTS = 4;
  public static final int MAX_SLOTS = 1024;
  public static final int DEFAULT_INDEX = 0;
  public static final double DEFAULT_WEIGHT = 1.0;
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_TOPIC_PREFIX = Topics.DEFAULT_PREFIX;
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
  public static final Duration MIN_HEARTBEAT_INTERVAL = Duration.ofMillis(100);
  public static final Duration MAX_HEARTBEAT_INTERVAL = Duration.ofMinutes(1);
  public static final int DEFAULT_METRICS_PORT = 0;
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_OUTPUT_BYTES = HandlerSettings.DEFAULT_MAX_OUTPUT_BYTES;
  public static final int MAX_OUTPUT_BYTES_LIMIT = 512 * 1024;
  public static final int DEFAULT_MAX_QUEUED = 256;
  public static final Duration DEFAULT_CLOCK_OFFSET = Duration.ZERO;
  public static final Duration MAX_CLOCK_OFFSET = Duration.ofDays(1);
  public static final Duration DEFAULT_STARTED_REPORT_DELAY = Duration.ofMillis(20);
  public static final Duration MAX_STARTED_REPORT_DELAY = Duration.ofSeconds(10);
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,200}");

  public WorkerOptions {
    pool = checkPool(pool);
    check(slots >= 1 && slots <= MAX_SLOTS, "--slots", "must be 1 to " + MAX_SLOTS, slots);
    capabilities = cleanList(capabilities);
    region = blankToNull(region);
    zone = blankToNull(zone);
    Objects.requireNonNull(agentId, "agentId can't be null");
    check(
        AGENT_ID.matcher(agentId).matches(),
        "--agent-id",
        "must be 1-200 of A-Z a-z 0-9 . _ @ : -",
        agentId);
    check(index >= 0, "--index", "must be >= 0", index);
    check(weight > 0 && Double.isFinite(weight), "--weight", "must be a number > 0", weight);
    Objects.requireNonNull(kafka, "kafka can't be null");
    topicPrefix = checkPrefix(topicPrefix);
    check(
        heartbeatInterval != null
            && heartbeatInterval.compareTo(MIN_HEARTBEAT_INTERVAL) >= 0
            && heartbeatInterval.compareTo(MAX_HEARTBEAT_INTERVAL) <= 0,
        "--heartbeat-interval",
        "must be from " + MIN_HEARTBEAT_INTERVAL + " to " + MAX_HEARTBEAT_INTERVAL,
        heartbeatInterval);
    check(
        metricsPort >= 0 && metricsPort <= 65535,
        "--metrics-port",
        "must be 0 (off) to 65535",
        metricsPort);
    check(
        drainTimeout != null && !drainTimeout.isNegative(),
        "--drain-timeout",
        "must be >= 0",
        drainTimeout);
    commandAllowlist = cleanList(commandAllowlist);
    httpAllowlist = cleanList(httpAllowlist);
    check(
        maxOutputBytes >= 0 && maxOutputBytes <= MAX_OUTPUT_BYTES_LIMIT,
        "--max-output-bytes",
        "must be 0 to " + MAX_OUTPUT_BYTES_LIMIT + " (results travel in one Kafka record)",
        maxOutputBytes);
    check(maxQueued >= 0, "--max-queued", "must be >= 0", maxQueued);
    clockOffset = clockOffset == null ? DEFAULT_CLOCK_OFFSET : clockOffset;
    check(
        clockOffset.abs().compareTo(MAX_CLOCK_OFFSET) <= 0,
        "--clock-offset",
        "must be within " + MAX_CLOCK_OFFSET + " either way",
        clockOffset);
    startedReportDelay =
        startedReportDelay == null ? DEFAULT_STARTED_REPORT_DELAY : startedReportDelay;
    check(
        !startedReportDelay.isNegative()
            && startedReportDelay.compareTo(MAX_STARTED_REPORT_DELAY) <= 0,
        "--started-report-delay",
        "must be from PT0S to " + MAX_STARTED_REPORT_DELAY,
        startedReportDelay);
  }

  public static WorkerOptionsBuilder builder(String pool) {
    return new WorkerOptionsBuilder(pool);
  }

  /** What the handlers need to know. */
  public HandlerSettings handlerSettings() {
    return new HandlerSettings(commandAllowlist, httpAllowlist, maxOutputBytes);
  }

  public Topics topics() {
    return new Topics(topicPrefix);
  }

  /** The consumer group that holds this agent's committed assignment offsets. */
  public String groupId() {
    return topicPrefix + "agent." + agentId;
  }

  private static String checkPool(String pool) {
    if (pool == null || pool.isBlank()) {
      throw new InvalidSettingException("--pool", "is required: name the pool this agent serves");
    }
    try {
      return Topics.checkPoolName(pool.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("--pool", "is not usable: " + e.getMessage());
    }
  }

  private static String checkPrefix(String prefix) {
    try {
      return new Topics(prefix == null ? DEFAULT_TOPIC_PREFIX : prefix).prefix();
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("--topic-prefix", "is not usable: " + e.getMessage());
    }
  }

  private static void check(boolean ok, String option, String rule, Object value) {
    if (!ok) {
      throw new InvalidSettingException(option, rule + " (was " + value + ")");
    }
  }

  private static Set<String> cleanList(Collection<String> values) {
    Set<String> clean = new java.util.TreeSet<>();
    if (values != null) {
      values.stream().map(String::strip).filter(v -> !v.isEmpty()).forEach(clean::add);
    }
    return java.util.Collections.unmodifiableSet(clean);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
