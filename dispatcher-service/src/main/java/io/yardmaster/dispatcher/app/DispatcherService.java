package io.yardmaster.dispatcher.app;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.scaling.DesiredAgents;
import io.yardmaster.dispatcher.scaling.DesiredAgentsMetrics;
import io.yardmaster.dispatcher.topology.DispatcherTopology;
import io.yardmaster.dispatcher.topology.StreamsSettings;
import io.yardmaster.dispatcher.web.Dashboard;
import io.yardmaster.dispatcher.web.WebOptions;
import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.topic.ProvisioningReport;
import io.yardmaster.model.topic.TopicProvisioner;
import io.yardmaster.model.topic.TopicSettings;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dispatcher: ensures the topics, checks that the pool-keyed inputs are co-partitioned,
 * and runs the topology until closed or until a stream thread dies.
 */
public final class DispatcherService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DispatcherService.class);

  private final DispatcherConfig config;
  private final int replicationFactor;
  private final boolean ensureTopics;
  private final WebOptions web;
  private Dashboard dashboard;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean failed;
  private final DesiredAgents desiredAgents = new DesiredAgents();
  private KafkaStreams streams;

  public DispatcherService(DispatcherConfig config, int replicationFactor, boolean ensureTopics) {
    this(config, replicationFactor, ensureTopics, WebOptions.OFF);
  }

  /** A dispatcher that also serves the dashboard, API and metrics as {@code web} says. */
  public DispatcherService(
      DispatcherConfig config, int replicationFactor, boolean ensureTopics, WebOptions web) {
    this.config = config;
    this.replicationFactor = replicationFactor;
    this.ensureTopics = ensureTopics;
    this.web = java.util.Objects.requireNonNull(web, "web can't be null");
  }

  public void start() {
    if (ensureTopics) {
      TopicSettings settings = TopicSettings.of(config.partitions(), replicationFactor);
      ProvisioningReport report =
          TopicProvisioner.ensure(config.kafka(), config.topics(), settings, config.poolNames());
      List<String> wrongPartitions =
          report.differences().stream()
              .filter(d -> d.setting().equals(ProvisioningReport.Difference.PARTITIONS))
              .filter(
                  d ->
                      d.topic().equals(config.topics().heartbeats().name())
                          || d.topic().equals(config.topics().results().name()))
              .map(Object::toString)
              .toList();
      if (!wrongPartitions.isEmpty()) {
        throw new InvalidSettingException(
            "--partitions",
            "must equal the partitions of the pool-keyed topics: " + wrongPartitions);
      }
      report.differences().forEach(d -> LOG.warn("topic differs from the wanted settings: {}", d));
    }
    dashboard = Dashboard.create(config, web);
    dashboard.bind(new DesiredAgentsMetrics(desiredAgents, config.poolNames()));
    java.util.Properties properties = StreamsSettings.properties(config);
    properties.putAll(dashboard.streamsProperties());
    streams =
        new KafkaStreams(
            DispatcherTopology.build(config, desiredAgents, dashboard.observer()), properties);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("dispatcher stream thread failed; stopping", e);
          failed = true;
          stopped.countDown();
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (next, prev) -> {
          LOG.info("dispatcher {} -> {}", prev, next);
          if (next == KafkaStreams.State.ERROR || next == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "dispatcher-shutdown"));
    streams.start();
    dashboard.start(streams);
    System.out.println(
        "dispatcher started: pools "
            + config.poolNames()
            + ", bootstrap "
            + config.kafka().bootstrapServers()
            + ", "
            + config.processingGuarantee());
  }

  /**
   * Each pool's desired agent count, for a metrics gauge named {@link DesiredAgents#METRIC} (what
   * Kubernetes autoscalers follow).
   */
  public DesiredAgents desiredAgents() {
    return desiredAgents;
  }

  /** The web side (dashboard, API, metrics); inert when off. Null before {@link #start}. */
  public Dashboard dashboard() {
    return dashboard;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public void awaitShutdown() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean failed() {
    return failed;
  }

  @Override
  public synchronized void close() {
    if (streams != null) {
      streams.close(java.time.Duration.ofSeconds(30));
      streams = null;
    }
    if (dashboard != null) {
      dashboard.close();
    }
    stopped.countDown();
  }
}
