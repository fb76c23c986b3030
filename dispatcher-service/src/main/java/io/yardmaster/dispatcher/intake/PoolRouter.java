package io.yardmaster.dispatcher.intake;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.config.RoutingRules;
import io.yardmaster.model.TaskSubmission;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Picks a task's pool: its explicit pool, else a rule for its type, else a rule for one of its
 * capabilities, else the default pool, else the only pool. A pool that does not exist, or whose
 * agents cannot offer the task's capabilities, makes the task unschedulable, with the reason.
 */
public final class PoolRouter {
  /** The chosen pool, or why there is none. */
  public record Route(String pool, String unschedulableReason) {
    public boolean isRouted() {
      return pool != null;
    }
  }

  private final DispatcherConfig config;

  public PoolRouter(DispatcherConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config can't be null");
  }

  public Route route(TaskSubmission task) {
    RoutingRules rules = config.routing();
    String pool = task.pool();
    if (pool == null) {
      pool = rules.typeToPool().get(task.type());
    }
    if (pool == null) {
      pool =
          new TreeSet<>(task.requiredCapabilities())
              .stream()
                  .map(rules.capabilityToPool()::get)
                  .filter(java.util.Objects::nonNull)
                  .findFirst()
                  .orElse(null);
    }
    if (pool == null) {
      pool = rules.defaultPool();
    }
    if (pool == null && config.pools().size() == 1) {
      pool = config.pools().get(0).name();
    }
    if (pool == null) {
      pool = firstPoolServing(task).orElse(null);
    }
    if (pool == null) {
      return new Route(
          null, "no pool given and no routing rule or pool matches; pools: " + config.poolNames());
    }
    Optional<PoolConfig> target = config.pool(pool);
    if (target.isEmpty()) {
      return new Route(null, "unknown pool '" + pool + "'; pools: " + config.poolNames());
    }
    if (!target.get().canServe(task.requiredCapabilities())) {
      TreeSet<String> missing = new TreeSet<>(task.requiredCapabilities());
      missing.removeAll(target.get().capabilities());
      return new Route(null, "pool '" + pool + "' offers no agent with capabilities " + missing);
    }
    return new Route(pool, null);
  }

  private Optional<String> firstPoolServing(TaskSubmission task) {
    if (task.requiredCapabilities().isEmpty()) {
      return Optional.empty();
    }
    return config.pools().stream()
        .filter(p -> !p.capabilities().isEmpty() && p.canServe(task.requiredCapabilities()))
        .map(PoolConfig::name)
        .findFirst();
  }
}
