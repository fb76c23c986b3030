package io.yardmaster.dispatcher.scaling;

import io.yardmaster.dispatcher.scheduling.PoolCounters;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.ScalingRecommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scales the pools of one scheduler task: at each status report it feeds a pool's figures to its
 * {@link Autoscaler}, records its load in the {@value #HISTORY_STORE} store when a policy reads
 * history, and says what to publish: the status with the desired count, and a {@link
 * ScalingRecommendation} when the count changed (or again every {@link #REPUBLISH}, so a reader
 * that starts late learns it soon). A pool without a policy wants the agents it has.
 */
public final class PoolScaling {
  public static final String HISTORY_STORE = "pool-load-history";
  public static final String STATE_STORE = "pool-scaling-state";
  public static final Duration REPUBLISH = Duration.ofSeconds(10);

  /** What to publish for one pool. */
  public record Outcome(PoolStatus status, ScalingRecommendation recommendation) {}

  private record WaitWindow(double totalMs, long count, long atMs, double waitMs) {}

  private final Function<String, ScalingOptions> options;
  private final KeyValueStore<String, LoadHistory> histories;
  private final KeyValueStore<String, ScalerState> states;
  private final DesiredAgents board;
  private final Map<String, Autoscaler> scalers = new HashMap<>();
  private final Map<String, WaitWindow> waits = new HashMap<>();
  private final Map<String, Long> published = new HashMap<>();

  /**
   * @param options a pool's scaling, or null when it has none
   */
  public PoolScaling(
      Function<String, ScalingOptions> options,
      KeyValueStore<String, LoadHistory> histories,
      KeyValueStore<String, ScalerState> states,
      DesiredAgents board) {
    this.options = Objects.requireNonNull(options, "options can't be null");
    this.histories = Objects.requireNonNull(histories, "histories can't be null");
    this.states = Objects.requireNonNull(states, "states can't be null");
    this.board = Objects.requireNonNull(board, "board can't be null");
  }

  public Outcome evaluate(PoolStatus status, PoolCounters counters, long nowMs) {
    String pool = status.pool();
    double waitMs = recentWait(pool, counters, status.queued(), nowMs);
    ScalingOptions o = options.apply(pool);
    if (o == null) {
      board.set(pool, status.agents());
      return new Outcome(status, null);
    }
    LoadHistory history = null;
    if (o.usesHistory()) {
      history = histories.get(pool);
      history = history == null ? new LoadHistory() : history;
      if (history.observe(nowMs, status.queued() + status.running())) {
        histories.put(pool, history);
      }
    }
    Autoscaler scaler = scalers.computeIfAbsent(pool, p -> restored(p, o));
    Autoscaler.Decision d =
        scaler.evaluate(
            new PoolLoad(
                pool,
                nowMs,
                status.agents(),
                status.slots(),
                status.queued(),
                status.running(),
                waitMs,
                status.avgLoad(),
                history));
    board.set(pool, d.desired());
    if (d.changed()) {
      states.put(pool, new ScalerState(d.desired(), scaler.lastChangeMs()));
    }
    Long last = published.get(pool);
    ScalingRecommendation rec = null;
    if (d.changed() || last == null || nowMs - last >= REPUBLISH.toMillis()) {
      published.put(pool, nowMs);
      rec =
          new ScalingRecommendation(
              pool,
              status.agents(),
              d.desired(),
              o.spec(),
              d.reason(),
              Instant.ofEpochMilli(nowMs));
    }
    return new Outcome(status.withDesiredAgents(d.desired()), rec);
  }

  private Autoscaler restored(String pool, ScalingOptions o) {
    Autoscaler a = new Autoscaler(o);
    ScalerState before = states.get(pool);
    if (before != null) {
      a.restore(before.desired(), before.lastChangeMs());
    }
    return a;
  }

  /**
   * The mean wait of the tasks assigned since the last report; while tasks queue and none is
   * assigned, the wait grows with the time that passes.
   */
  private double recentWait(String pool, PoolCounters c, long queued, long nowMs) {
    WaitWindow before = waits.get(pool);
    double wait = 0;
    if (before != null) {
      long n = c.waits() - before.count();
      if (n > 0) {
        wait = (c.waitMsTotal() - before.totalMs()) / n;
      } else if (queued > 0) {
        wait = before.waitMs() + (nowMs - before.atMs());
      }
    }
    waits.put(pool, new WaitWindow(c.waitMsTotal(), c.waits(), nowMs, wait));
    return wait;
  }
}
