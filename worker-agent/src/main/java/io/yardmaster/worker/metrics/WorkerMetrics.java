package io.yardmaster.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.TaskResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The agent's meters, in one binder: task counters and durations by type, slot gauges and heartbeat
 * lag. The heartbeat reads its counters ({@link #counters()}) from the same meters, so the
 * dispatcher and Prometheus see the same numbers.
 *
 * <p>Names (Prometheus form): {@code yard_worker_tasks_started_total}, {@code ..._succeeded_total},
 * {@code ..._failed_total}, {@code ..._cancelled_total}, {@code ..._released_total} (tag {@code
 * type}); {@code yard_worker_task_duration_seconds} (tags {@code type}, {@code status}); {@code
 * yard_worker_slots}, {@code yard_worker_slots_busy}, {@code yard_worker_tasks_queued}; {@code
 * yard_worker_heartbeat_lag_seconds} (time since the broker last acknowledged a heartbeat); {@code
 * yard_worker_task_wait_seconds} (assignment received to start, tag {@code type}); and JVM metrics.
 * Every meter carries the tags {@code pool} and {@code agent}.
 */
public final class WorkerMetrics implements AutoCloseable {
  public static final String PREFIX = "yard.worker.";
  public static final String TASKS_STARTED = PREFIX + "tasks.started";
  public static final String TASKS_SUCCEEDED = PREFIX + "tasks.succeeded";
  public static final String TASKS_FAILED = PREFIX + "tasks.failed";
  public static final String TASKS_CANCELLED = PREFIX + "tasks.cancelled";
  public static final String TASKS_RELEASED = PREFIX + "tasks.released";
  public static final String TASK_DURATION = PREFIX + "task.duration";
  public static final String TASK_WAIT = PREFIX + "task.wait";
  public static final String SLOTS = PREFIX + "slots";
  public static final String SLOTS_BUSY = PREFIX + "slots.busy";
  public static final String TASKS_QUEUED = PREFIX + "tasks.queued";
  public static final String HEARTBEAT_LAG = PREFIX + "heartbeat.lag";
  public static final String TAG_TYPE = "type";
  public static final String TAG_STATUS = "status";
  public static final String TAG_POOL = "pool";
  public static final String TAG_AGENT = "agent";
  static final String UNKNOWN_TYPE = "unknown";

  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private final AtomicReference<Instant> lastHeartbeatAck = new AtomicReference<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private KafkaClientMetrics producerMetrics;

  public WorkerMetrics(String pool, String agentId, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(TAG_POOL, pool, TAG_AGENT, agentId);
    Gauge.builder(HEARTBEAT_LAG, this, WorkerMetrics::heartbeatLagSeconds)
        .baseUnit("seconds")
        .description("Time since the broker last acknowledged a heartbeat")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** Binds the slot gauges to the executor's live figures. */
  public void bindSlots(int slots, IntSupplier busy, IntSupplier queued) {
    Gauge.builder(SLOTS, () -> slots).description("Task slots").register(registry);
    Gauge.builder(SLOTS_BUSY, busy::getAsInt)
        .description("Slots running a task")
        .register(registry);
    Gauge.builder(TASKS_QUEUED, queued::getAsInt)
        .description("Assignments waiting for a slot")
        .register(registry);
  }

  /**
   * Adds the Kafka producer's own metrics ({@code kafka_producer_*}); the producer is thread-safe.
   */
  public synchronized void bindProducer(org.apache.kafka.clients.producer.Producer<?, ?> producer) {
    if (producerMetrics == null) {
      producerMetrics = new KafkaClientMetrics(producer);
      producerMetrics.bindTo(registry);
    }
  }

  public void taskStarted(String type) {
    counter(TASKS_STARTED, type).increment();
  }

  /** Times how long an assignment waited on this agent for a free slot. */
  public void taskWaited(String type, Duration waited) {
    Timer.builder(TASK_WAIT)
        .description("Time an assignment waited on the agent for a slot")
        .tag(TAG_TYPE, typeTag(type))
        .register(registry)
        .record(waited);
  }

  /** Counts a finished execution and times it (RELEASED ones are counted, not timed). */
  public void taskFinished(String type, TaskResult.Status status, Duration duration) {
    String name =
        switch (status) {
          case SUCCEEDED -> TASKS_SUCCEEDED;
          case FAILED -> TASKS_FAILED;
          case CANCELLED -> TASKS_CANCELLED;
          case RELEASED -> TASKS_RELEASED;
          case STARTED -> throw new IllegalArgumentException("STARTED is not a finish");
        };
    counter(name, type).increment();
    if (status != TaskResult.Status.RELEASED) {
      Timer.builder(TASK_DURATION)
          .description("Time a task ran in its slot")
          .tags(Tags.of(TAG_TYPE, typeTag(type), TAG_STATUS, status.name()))
          .register(registry)
          .record(duration);
    }
  }

  public void heartbeatAcknowledged() {
    lastHeartbeatAck.set(clock.instant());
  }

  /** The totals for the heartbeat: succeeded, failed, and mean duration of those. */
  public AgentCounters counters() {
    long succeeded = total(TASKS_SUCCEEDED);
    long failed = total(TASKS_FAILED);
    double totalMs = 0;
    long count = 0;
    for (Timer timer : registry.find(TASK_DURATION).timers()) {
      String status = timer.getId().getTag(TAG_STATUS);
      if (TaskResult.Status.SUCCEEDED.name().equals(status)
          || TaskResult.Status.FAILED.name().equals(status)) {
        totalMs += timer.totalTime(TimeUnit.MILLISECONDS);
        count += timer.count();
      }
    }
    return new AgentCounters(succeeded, failed, count == 0 ? 0 : totalMs / count);
  }

  /** The meters in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public synchronized void close() {
    if (producerMetrics != null) {
      producerMetrics.close();
    }
    gc.close();
    registry.close();
  }

  private double heartbeatLagSeconds() {
    Instant last = lastHeartbeatAck.get();
    return last == null ? 0 : Duration.between(last, clock.instant()).toMillis() / 1000.0;
  }

  private Counter counter(String name, String type) {
    return Counter.builder(name).tag(TAG_TYPE, typeTag(type)).register(registry);
  }

  private long total(String name) {
    return (long) registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static String typeTag(String type) {
    return type == null || type.isBlank() ? UNKNOWN_TYPE : type;
  }
}
