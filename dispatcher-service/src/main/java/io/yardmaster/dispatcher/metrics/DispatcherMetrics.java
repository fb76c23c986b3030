package io.yardmaster.dispatcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.yardmaster.dispatcher.topology.OutputObserver;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The dispatcher's meters, fed by what its own scheduler stage emits (so each instance reports the
 * pools it owns), plus JVM and Kafka Streams client metrics.
 *
 * <p>Names (Prometheus form), each with the tag {@code pool}: gauges {@code
 * yard_dispatcher_pool_queued}, {@code ..._running}, {@code ..._retry_waiting}, {@code ..._agents},
 * {@code ..._agents_desired}, {@code ..._slots_free}, {@code ..._paused}; counters {@code
 * yard_dispatcher_tasks_assigned_total}, {@code ..._succeeded_total}, {@code ..._failed_total}
 * (failed attempts), {@code ..._dead_lettered_total}, {@code ..._cancelled_total}, {@code
 * ..._late_total} (succeeded after their deadline), {@code ..._expired_total} (dropped at their
 * deadline); timers {@code yard_dispatcher_task_wait_seconds} (ready to assigned) and {@code
 * yard_dispatcher_task_run_seconds} (started to finished).
 */
public final class DispatcherMetrics implements OutputObserver, AutoCloseable {
  public static final String PREFIX = "yard.dispatcher.";
  public static final String POOL_QUEUED = PREFIX + "pool.queued";
  public static final String POOL_RUNNING = PREFIX + "pool.running";
  public static final String POOL_RETRY_WAITING = PREFIX + "pool.retry.waiting";
  public static final String POOL_AGENTS = PREFIX + "pool.agents";
  public static final String POOL_AGENTS_DESIRED = PREFIX + "pool.agents.desired";
  public static final String POOL_SLOTS_FREE = PREFIX + "pool.slots.free";
  public static final String POOL_PAUSED = PREFIX + "pool.paused";
  public static final String TASKS_ASSIGNED = PREFIX + "tasks.assigned";
  public static final String TASKS_SUCCEEDED = PREFIX + "tasks.succeeded";
  public static final String TASKS_FAILED = PREFIX + "tasks.failed";
  public static final String TASKS_DEAD_LETTERED = PREFIX + "tasks.dead.lettered";
  public static final String TASKS_CANCELLED = PREFIX + "tasks.cancelled";
  public static final String TASKS_LATE = PREFIX + "tasks.late";
  public static final String TASKS_EXPIRED = PREFIX + "tasks.expired";
  public static final String TASK_WAIT = PREFIX + "task.wait";
  public static final String TASK_RUN = PREFIX + "task.run";
  public static final String TAG_POOL = "pool";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, PoolStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, Integer> desired = new ConcurrentHashMap<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private KafkaStreamsMetrics streamsMetrics;

  public DispatcherMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** Adds the Kafka Streams client's own metrics (threads, tasks, stores, clients). */
  public synchronized void bindStreams(KafkaStreams streams) {
    if (streamsMetrics == null) {
      streamsMetrics = new KafkaStreamsMetrics(streams);
      streamsMetrics.bindTo(registry);
    }
  }

  @Override
  public void seen(Object value) {
    if (value instanceof TaskEvent e) {
      onEvent(e);
    } else if (value instanceof TaskView v) {
      onView(v);
    } else if (value instanceof PoolStatus s) {
      if (statuses.put(s.pool(), s) == null) {
        registerPool(s.pool());
      }
    } else if (value instanceof ScalingRecommendation r) {
      desired.put(r.pool(), r.desiredAgents());
    }
  }

  private void onEvent(TaskEvent e) {
    if (e.to() == null || e.pool() == null) {
      return;
    }
    String name =
        switch (e.to()) {
          case ASSIGNED -> TASKS_ASSIGNED;
          case SUCCEEDED -> TASKS_SUCCEEDED;
          case FAILED -> TASKS_FAILED;
          case DEAD_LETTERED -> TASKS_DEAD_LETTERED;
          case CANCELLED -> TASKS_CANCELLED;
          case EXPIRED -> TASKS_EXPIRED;
          default -> null;
        };
    if (name != null) {
      Counter.builder(name).tag(TAG_POOL, e.pool()).register(registry).increment();
    }
  }

  private void onView(TaskView v) {
    if (v.pool() == null) {
      return;
    }
    if (v.state() == TaskState.ASSIGNED) {
      record(
          TASK_WAIT, "Time a task waited ready in the queue", v.pool(), v.readyAt(), v.updatedAt());
    } else if (v.state() == TaskState.SUCCEEDED || v.state() == TaskState.FAILED) {
      if (v.late() && v.state() == TaskState.SUCCEEDED) {
        Counter.builder(TASKS_LATE).tag(TAG_POOL, v.pool()).register(registry).increment();
      }
      record(TASK_RUN, "Time a task ran on its agent", v.pool(), v.startedAt(), v.finishedAt());
    }
  }

  private void record(String name, String description, String pool, Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return;
    }
    Timer.builder(name)
        .description(description)
        .tag(TAG_POOL, pool)
        .register(registry)
        .record(Duration.between(from, to));
  }

  private void registerPool(String pool) {
    gauge(POOL_QUEUED, pool, "Ready tasks waiting for an agent", PoolStatus::queued);
    gauge(POOL_RUNNING, pool, "Tasks leased to agents", PoolStatus::running);
    gauge(POOL_RETRY_WAITING, pool, "Tasks waiting to retry", PoolStatus::retryWaiting);
    gauge(POOL_AGENTS, pool, "Agents heard from", PoolStatus::agents);
    gauge(POOL_SLOTS_FREE, pool, "Free agent slots", PoolStatus::freeSlots);
    gauge(POOL_PAUSED, pool, "1 when the pool is paused", s -> s.paused() ? 1 : 0);
    Gauge.builder(POOL_AGENTS_DESIRED, () -> desiredAgents(pool))
        .description("Agents the pool should have")
        .tag(TAG_POOL, pool)
        .register(registry);
  }

  private void gauge(String name, String pool, String description, ToDoubleFunction<PoolStatus> f) {
    Gauge.builder(name, () -> f.applyAsDouble(statuses.get(pool)))
        .description(description)
        .tag(TAG_POOL, pool)
        .register(registry);
  }

  private double desiredAgents(String pool) {
    Integer d = desired.get(pool);
    return d != null ? d : statuses.get(pool).desiredAgents();
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
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    gc.close();
    registry.close();
  }
}
