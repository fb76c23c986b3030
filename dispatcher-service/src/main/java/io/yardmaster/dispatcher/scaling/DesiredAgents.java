package io.yardmaster.dispatcher.scaling;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desired agent count of every pool this dispatcher instance schedules, readable from any
 * thread: a metrics registry binds one gauge per pool to {@link #desiredAgents(String)}, named
 * {@value #METRIC} with tag {@value #POOL_TAG} (Prometheus: {@code yard_pool_desired_agents}).
 */
public final class DesiredAgents {
  public static final String METRIC = "yard.pool.desired.agents";
  public static final String POOL_TAG = "pool";

  private final Map<String, Integer> byPool = new ConcurrentHashMap<>();

  /** The pool's desired agent count, or NaN while this instance has not scaled it. */
  public double desiredAgents(String pool) {
    Integer n = byPool.get(pool);
    return n == null ? Double.NaN : n;
  }

  /** Every pool's desired count, by pool name. */
  public Map<String, Integer> snapshot() {
    return new TreeMap<>(byPool);
  }

  void set(String pool, int desired) {
    byPool.put(pool, desired);
  }
}
