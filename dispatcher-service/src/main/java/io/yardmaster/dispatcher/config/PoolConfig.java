package io.yardmaster.dispatcher.config;

import io.yardmaster.dispatcher.scaling.ScalingOptions;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One pool as the dispatcher knows it.
 *
 * @param name the pool's name (part of its assignment topic's name)
 * @param capabilities what the pool's agents can offer; a task needing anything else cannot run
 *     here. Empty: the pool accepts any task and leaves the match to its agents' heartbeats.
 * @param strategy the load-balancing strategy (null: the dispatcher's default)
 * @param workAheadCap tasks an agent may hold beyond its slots (null: the dispatcher's default)
 * @param urgencyHorizon how long before a deadline urgency starts to grow (null: default)
 * @param scaling how many agents the pool wants (null: the agents it has)
 */
public record PoolConfig(
    String name,
    Set<String> capabilities,
    String strategy,
    Integer workAheadCap,
    Duration urgencyHorizon,
    ScalingOptions scaling) {
  public PoolConfig {
    Topics.checkPoolName(name);
    capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
  }

  public PoolConfig(
      String name,
      Set<String> capabilities,
      String strategy,
      Integer workAheadCap,
      Duration urgencyHorizon) {
    this(name, capabilities, strategy, workAheadCap, urgencyHorizon, null);
  }

  public static PoolConfig of(String name, String... capabilities) {
    return new PoolConfig(name, Set.of(capabilities), null, null, null);
  }

  /** Whether agents of this pool can, by declaration, serve these capabilities. */
  public boolean canServe(Set<String> required) {
    return capabilities.isEmpty() || capabilities.containsAll(required);
  }

  public PoolConfig withStrategy(String newStrategy) {
    return new PoolConfig(name, capabilities, newStrategy, workAheadCap, urgencyHorizon, scaling);
  }

  public PoolConfig withUrgencyHorizon(Duration horizon) {
    return new PoolConfig(name, capabilities, strategy, workAheadCap, horizon);
  }

  public PoolConfig withWorkAheadCap(Integer cap) {
    return new PoolConfig(name, capabilities, strategy, cap, urgencyHorizon, scaling);
  }

  public PoolConfig withScaling(ScalingOptions newScaling) {
    return new PoolConfig(name, capabilities, strategy, workAheadCap, urgencyHorizon, newScaling);
  }

  @Override
  public String toString() {
    return Objects.toString(name);
  }
}
