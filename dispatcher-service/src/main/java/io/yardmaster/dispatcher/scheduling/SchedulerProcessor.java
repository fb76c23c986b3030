package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.rebalance.PoolStatusView;
import io.yardmaster.dispatcher.rebalance.Rebalancer;
import io.yardmaster.dispatcher.scaling.DesiredAgents;
import io.yardmaster.dispatcher.scaling.PoolScaling;
import io.yardmaster.dispatcher.topology.PoolCommand;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler stage, keyed by pool: a thin adapter that feeds tasks, heartbeats, results and
 * commands to one {@link PoolScheduler} per pool, ticks them on wall-clock time, and forwards what
 * they emit. The backlog lives in the {@value #STORE} store; the in-memory order is rebuilt from it
 * in {@link #init}.
 */
public final class SchedulerProcessor implements Processor<String, Object, String, Object> {
  public static final String STORE = "pool-tasks";
  public static final String META_STORE = "pool-meta";

  /** A pool's status older than this many status intervals no longer draws moved work. */
  static final int STALE_STATUSES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcessor.class);

  private final DispatcherConfig config;
  private final DesiredAgents desired;
  private final Rebalancer rebalancer;
  private final String heartbeatTopic;
  private final Map<String, PoolScheduler> schedulers = new HashMap<>();
  private final Map<String, PoolStatusReporter> reporters = new HashMap<>();
  private final Set<String> warnedPools = new HashSet<>();
  private ProcessorContext<String, Object> context;
  private TaskStore tasks;
  private KeyValueStore<String, Boolean> meta;
  private ForwardingOutbox outbox;
  private PoolScaling scaling;
  private KeyValueStore<String, PoolStatus> statuses;
  private long inputLagMs;
  private boolean readSinceTick;

  public SchedulerProcessor(DispatcherConfig config) {
    this(config, new DesiredAgents());
  }

  public SchedulerProcessor(DispatcherConfig config, DesiredAgents desired) {
    this.config = Objects.requireNonNull(config, "config can't be null");
    this.desired = Objects.requireNonNull(desired, "desired can't be null");
    this.rebalancer =
        new Rebalancer(
            config.rebalance(), config::pool, config.statusInterval().multipliedBy(STALE_STATUSES));
    this.heartbeatTopic = config.topics().heartbeats().name();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.tasks = new KeyValueTaskStore(context.getStateStore(STORE));
    this.meta = context.getStateStore(META_STORE);
    this.outbox = new ForwardingOutbox(context);
    this.scaling =
        new PoolScaling(
            p -> config.pool(p).map(PoolConfig::scaling).orElse(null),
            context.getStateStore(PoolScaling.HISTORY_STORE),
            context.getStateStore(PoolScaling.STATE_STORE),
            desired);
    if (config.rebalance().enabled()) {
      this.statuses = context.getStateStore(PoolStatusView.STORE);
    }
    long now = context.currentSystemTimeMs();
    tasks.forEach(r -> scheduler(r.pool()).restore(r, now));
    try (KeyValueIterator<String, Boolean> it = meta.all()) {
      it.forEachRemaining(
          kv -> {
            if (Boolean.TRUE.equals(kv.value) && config.pool(kv.key).isPresent()) {
              scheduler(kv.key).setPausedFlag(true);
            }
          });
    }
    context.schedule(config.tickInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    context.schedule(config.statusInterval(), PunctuationType.WALL_CLOCK_TIME, this::reportStatus);
  }

  private PoolScheduler scheduler(String pool) {
    return schedulers.computeIfAbsent(
        pool,
        p -> {
          PoolConfig pc = config.pool(p).orElseThrow();
          return new PoolScheduler(
              p,
              config.schedulerOptions(pc),
              tasks,
              outbox,
              new SplittableRandom(),
              () -> UUID.randomUUID().toString());
        });
  }

  @Override
  public void process(Record<String, Object> record) {
    try {
      handle(record);
    } finally {
      outbox.flushViews();
    }
  }

  private void handle(Record<String, Object> record) {
    long now = context.currentSystemTimeMs();
    inputLagMs = now - record.timestamp();
    readSinceTick = true;
    String pool = record.key();
    if (pool == null || config.pool(pool).isEmpty()) {
      if (pool != null && warnedPools.add(pool)) {
        LOG.warn(
            "ignoring records for pool '{}', which is not configured; pools: {}",
            pool,
            config.poolNames());
      }
      return;
    }
    PoolScheduler s = scheduler(pool);
    if (record.value() instanceof PoolCommand cmd) {
      switch (cmd.kind()) {
        case ENQUEUE ->
            s.enqueue(
                cmd.task(),
                cmd.submittedAt(),
                cmd.waited()
                    ? io.yardmaster.model.TaskState.WAITING
                    : io.yardmaster.model.TaskState.SUBMITTED,
                now);
        case MOVE -> PoolTransfer.takeIn(s, cmd.moved(), cmd.from(), now);
        case CONTROL -> {
          if (cmd.control().action() == ControlCommand.Action.EXPLAIN) {
            outbox.explanation(
                TaskExplainer.explain(
                    s, cmd.control().taskId(), cmd.control().requestId(), throughput(pool), now));
            return;
          }
          PoolScheduler.ControlResult r = PoolControl.apply(s, cmd.control(), outbox, now);
          if (r.accepted() && cmd.control().action().targetsPool()) {
            meta.put(pool, s.paused());
          }
        }
      }
      return;
    }
    if (!(record.value() instanceof byte[] raw)) {
      return;
    }
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
    try {
      if (topic.equals(heartbeatTopic)) {
        s.onHeartbeat(Json.mapper().readValue(raw, AgentHeartbeat.class), now);
      } else {
        s.onResult(Json.mapper().readValue(raw, TaskResult.class), now);
      }
    } catch (java.io.IOException | IllegalArgumentException | NullPointerException e) {
      RecordMetadata m = context.recordMetadata().orElse(null);
      outbox.rejected(
          pool,
          new RejectedRecord(
              topic,
              m == null ? -1 : m.partition(),
              m == null ? -1 : m.offset(),
              pool,
              new String(raw, StandardCharsets.UTF_8),
              List.of("ERROR (value): " + e.getMessage()),
              Instant.ofEpochMilli(now)));
    }
  }

  private double throughput(String pool) {
    PoolStatusReporter reporter = reporters.get(pool);
    return reporter == null ? 0 : reporter.throughput();
  }

  private void tick(long now) {
    for (PoolScheduler s : schedulers.values()) {
      s.tick(now, readSinceTick ? inputLagMs : 0);
    }
    readSinceTick = false;
    if (statuses != null) {
      rebalance(now);
    }
    outbox.flushViews();
  }

  /** Moves queued tasks to pools that can serve them sooner, through the pool repartition. */
  private void rebalance(long now) {
    List<PoolStatus> latest = new ArrayList<>();
    try (KeyValueIterator<String, PoolStatus> it = statuses.all()) {
      it.forEachRemaining(kv -> latest.add(kv.value));
    }
    for (PoolScheduler s : schedulers.values()) {
      for (Rebalancer.Move m : rebalancer.plan(s, latest, now)) {
        TaskRecord r = PoolTransfer.takeOut(s, m.taskId(), m.target(), m.reason(), now);
        context.forward(new Record<>(m.target(), PoolCommand.move(r, s.pool()), now));
      }
    }
  }

  private void reportStatus(long now) {
    for (PoolScheduler s : schedulers.values()) {
      logWorkAhead(s);
      PoolStatus status =
          reporters.computeIfAbsent(s.pool(), p -> new PoolStatusReporter()).report(s, now);
      PoolScaling.Outcome o = scaling.evaluate(status, s.counters(), now);
      outbox.poolStatus(o.status());
      if (o.recommendation() != null) {
        context.forward(new Record<>(s.pool(), o.recommendation(), now));
      }
    }
  }

  /**
   * At DEBUG, what sizes each agent's work-ahead: tasks in flight, window, round trip, run time.
   */
  private static void logWorkAhead(PoolScheduler s) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    for (AgentState a : s.agents().all()) {
      LOG.debug(
          "pool {} agent {}: {} in flight, work-ahead {}, round trip {} ms, run time {} ms",
          s.pool(),
          a.agentId(),
          a.inFlight(),
          s.workAhead().window(a),
          Math.round(a.roundTripMs()),
          String.format("%.2f", a.durationMs()));
    }
  }
}
