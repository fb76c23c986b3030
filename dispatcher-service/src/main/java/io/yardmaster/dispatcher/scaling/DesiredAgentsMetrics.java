package io.yardmaster.dispatcher.scaling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;

/**
 * Binds one gauge per pool, {@value DesiredAgents#METRIC} tagged with the pool (Prometheus: {@code
 * yard_pool_desired_agents{pool="…"}}), to a registry. An instance that does not schedule a pool
 * reports NaN for it; {@code max()} across instances gives the pool's count.
 */
public final class DesiredAgentsMetrics implements MeterBinder {
  private final DesiredAgents desired;
  private final List<String> pools;

  public DesiredAgentsMetrics(DesiredAgents desired, List<String> pools) {
    this.desired = Objects.requireNonNull(desired, "desired can't be null");
    this.pools = List.copyOf(Objects.requireNonNull(pools, "pools can't be null"));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String pool : pools) {
      Gauge.builder(DesiredAgents.METRIC, desired, d -> d.desiredAgents(pool))
          .tag(DesiredAgents.POOL_TAG, pool)
          .description("agents the pool's scaling policy wants")
          .register(registry);
    }
  }
}
