package io.yardmaster.dispatcher.scheduling.strategy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The strategies by configuration name. Each pool gets its own instance. */
public final class Strategies {
  private static final Map<String, Supplier<LoadBalancingStrategy>> BY_NAME =
      Map.of(
          LeastLoadedStrategy.NAME, LeastLoadedStrategy::new,
          RoundRobinStrategy.NAME, RoundRobinStrategy::new,
          WeightedRoundRobinStrategy.NAME, WeightedRoundRobinStrategy::new,
          CapabilityBasedStrategy.NAME, CapabilityBasedStrategy::new,
          PerformanceBasedStrategy.NAME, PerformanceBasedStrategy::new,
          PriorityBasedStrategy.NAME, PriorityBasedStrategy::new,
          GeographicStrategy.NAME, GeographicStrategy::new,
          ResourceAwareStrategy.NAME, ResourceAwareStrategy::new);

  private Strategies() {}

  public static LoadBalancingStrategy create(String name) {
    Supplier<LoadBalancingStrategy> s = BY_NAME.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown load-balancing strategy '" + name + "'; known: " + names());
    }
    return s.get();
  }

  public static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }
}
