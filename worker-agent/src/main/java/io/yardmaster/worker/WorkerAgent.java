package io.yardmaster.worker;

import io.yardmaster.model.HostLoad;
import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.worker.assignment.AssignmentPoller;
import io.yardmaster.worker.assignment.PollerSettings;
import io.yardmaster.worker.config.WorkerKafkaConfig;
import io.yardmaster.worker.config.WorkerOptions;
import io.yardmaster.worker.config.WorkerVersion;
import io.yardmaster.worker.execution.ExecutionLog;
import io.yardmaster.worker.execution.ExecutorSnapshot;
import io.yardmaster.worker.execution.ResultPublisher;
import io.yardmaster.worker.execution.TaskExecutor;
import io.yardmaster.worker.execution.TaskRunner;
import io.yardmaster.worker.handler.HandlerRegistry;
import io.yardmaster.worker.heartbeat.CachedValue;
import io.yardmaster.worker.heartbeat.HeartbeatFactory;
import io.yardmaster.worker.heartbeat.HeartbeatSender;
import io.yardmaster.worker.heartbeat.HostLoadSampler;
import io.yardmaster.worker.lifecycle.Lifecycle;
import io.yardmaster.worker.lifecycle.LifecycleState;
import io.yardmaster.worker.metrics.MetricsServer;
import io.yardmaster.worker.metrics.WorkerMetrics;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker agent: composes the assignment poller, the slots, the heartbeat, the metrics and the
 * lifecycle. {@link #start()} returns at once; {@link #drain()} stops gracefully (no new work,
 * running tasks get the drain timeout, queued ones are RELEASED, a final LEAVING heartbeat, results
 * flushed, offsets committed); {@link #stopNow()} cuts a drain short.
 */
public final class WorkerAgent implements AutoCloseable {
  static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(15);
  static final Duration POLLER_STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(WorkerAgent.class);

  private final WorkerOptions options;
  private final Lifecycle lifecycle = new Lifecycle();
  private final WorkerMetrics metrics;
  private final ExecutionLog executionLog;
  private final Producer<String, byte[]> producer;
  private final TaskExecutor executor;
  private final AssignmentPoller poller;
  private final HeartbeatSender heartbeats;
  private final AtomicBoolean announced = new AtomicBoolean();
  private volatile MetricsServer metricsServer;

  public WorkerAgent(
      WorkerOptions options, KafkaClients clients, HandlerRegistry handlers, Clock clock) {
    this.options = options;
    this.metrics = new WorkerMetrics(options.pool(), options.agentId(), clock);
    this.executionLog = ExecutionLog.open(options.executionLog());
    this.producer = clients.producer(WorkerKafkaConfig.producer(options));
    metrics.bindProducer(producer);
    ResultPublisher results = new ResultPublisher(producer, options.topics().results());
    TaskRunner runner =
        new TaskRunner(
            options.agentId(),
            options.slots(),
            options.maxOutputBytes(),
            handlers,
            results,
            metrics,
            executionLog,
            clock,
            options.startedReportDelay());
    this.executor = new TaskExecutor(options.slots(), options.maxQueued(), runner, clock);
    metrics.bindSlots(options.slots(), executor::busy, executor::queued);
    this.poller =
        new AssignmentPoller(
            clients.consumer(WorkerKafkaConfig.consumer(options)),
            options.topics().assignments(options.pool()),
            options.agentId(),
            options.pool(),
            executor,
            clock,
            PollerSettings.DEFAULT);
    HeartbeatFactory factory =
        new HeartbeatFactory(
            options,
            WorkerVersion.current(),
            executor::snapshot,
            metrics::counters,
            new CachedValue<>(hostLoad(), options.heartbeatInterval(), clock),
            lifecycle,
            clock);
    this.heartbeats =
        new HeartbeatSender(
            producer,
            options.topics().heartbeats(),
            factory::build,
            options.heartbeatInterval(),
            metrics::heartbeatAcknowledged);
  }

  /**
   * An agent with real Kafka clients, the handlers found on the class path, the system clock
   * (shifted by {@code --clock-offset}).
   */
  public static WorkerAgent create(WorkerOptions options) {
    HandlerRegistry handlers =
        HandlerRegistry.discover(options.handlerSettings(), options.handlersDir());
    return new WorkerAgent(
        options,
        KafkaClients.kafka(),
        handlers,
        Clock.offset(Clock.systemUTC(), options.clockOffset()));
  }

  /**
   * Starts reading assignments; heartbeats begin once the agent's partition is ready.
   *
   * @throws InvalidSettingException when the metrics port cannot be served
   */
  public void start() {
    if (!lifecycle.moveTo(LifecycleState.RUNNING)) {
      throw new IllegalStateException("the agent was already started");
    }
    if (options.metricsPort() > 0) {
      try {
        metricsServer = MetricsServer.start(options.metricsPort(), metrics::scrape);
      } catch (UncheckedIOException e) {
        throw new InvalidSettingException(
            "--metrics-port",
            "cannot be served on 127.0.0.1:" + options.metricsPort() + ": " + e.getCause());
      }
    }
    poller.ready().thenRun(this::startHeartbeats);
    poller.start();
    LOG.info(
        "Agent {} serving pool {} with {} slots",
        options.agentId(),
        options.pool(),
        options.slots());
  }

  /** Drains with the configured drain timeout and returns once stopped. Safe to call twice. */
  public void drain() {
    drain(options.drainTimeout());
  }

  /** Cuts a drain short (or stops at once): running tasks are interrupted and reported FAILED. */
  public void stopNow() {
    if (lifecycle.state() == LifecycleState.DRAINING) {
      executor.shutdownNow();
    } else {
      drain(Duration.ZERO);
    }
  }

  @Override
  public void close() {
    drain();
  }

  public LifecycleState state() {
    return lifecycle.state();
  }

  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return lifecycle.awaitStopped(timeout);
  }

  public void awaitStopped() throws InterruptedException {
    lifecycle.awaitStopped();
  }

  /** Completes once the agent reads its partition and sends heartbeats. */
  public CompletableFuture<Void> ready() {
    return poller.ready();
  }

  public ExecutorSnapshot snapshot() {
    return executor.snapshot();
  }

  public OptionalInt metricsPort() {
    MetricsServer server = metricsServer;
    return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
  }

  public WorkerMetrics metrics() {
    return metrics;
  }

  private void drain(Duration timeout) {
    if (!lifecycle.moveTo(LifecycleState.DRAINING)) {
      awaitQuietly();
      return;
    }
    LOG.info("Agent {} draining (up to {})", options.agentId(), timeout);
    sendHeartbeatQuietly();
    // The poller keeps reading while the agent drains: assignments the dispatcher sent before it
    // heard the LEAVING heartbeat still arrive, and the executor, no longer accepting, hands each
    // back (RELEASED) at once, so the dispatcher re-queues them without waiting for a timeout.
    try {
      executor.shutdown(timeout);
      heartbeats.shutdown(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
    stopClients();
    lifecycle.moveTo(LifecycleState.STOPPED);
    LOG.info("Agent {} stopped", options.agentId());
  }

  private void stopClients() {
    try {
      sendHeartbeatQuietly();
      // Results acknowledged first, so the poller's last commit covers every reported task.
      producer.flush();
      poller.shutdown(POLLER_STOP_TIMEOUT);
      producer.close(PRODUCER_CLOSE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      poller.shutdownNow();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the Kafka clients failed: {}", e.toString());
      poller.shutdownNow();
    } finally {
      MetricsServer server = metricsServer;
      if (server != null) {
        server.close();
      }
      metrics.close();
      executionLog.close();
    }
  }

  /** Sends a heartbeat now, if the agent has announced itself (nobody expects one otherwise). */
  private void sendHeartbeatQuietly() {
    if (!announced.get()) {
      return;
    }
    try {
      heartbeats.sendNow();
    } catch (RuntimeException e) {
      LOG.warn("Cannot send the LEAVING heartbeat: {}", e.toString());
    }
  }

  private void startHeartbeats() {
    if (lifecycle.isAcceptingWork()) {
      try {
        heartbeats.start();
        announced.set(true);
      } catch (RuntimeException e) {
        LOG.debug("Heartbeats not started: the agent is stopping");
      }
    }
  }

  private void awaitQuietly() {
    try {
      lifecycle.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Supplier<HostLoad> hostLoad() {
    try {
      return new HostLoadSampler(Path.of(""));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Cannot read the host's load; heartbeats report it as unknown: {}", e.toString());
      return () -> HostLoad.UNKNOWN;
    }
  }
}
