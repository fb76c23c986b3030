package io.yardmaster.dispatcher.scaling;

import java.util.OptionalDouble;

/**
 * Sizes the pool ahead of time from its {@link LoadHistory}: enough agents for the larger of the
 * demand now and the peak demand forecast for the next hour (same hour of the week, else of the
 * day), each agent holding its slots plus {@code queuePerAgent} queued tasks.
 */
public record PredictivePolicy(double queuePerAgent) implements ScalingPolicy {
  public PredictivePolicy {
    if (queuePerAgent < 0) {
      throw new IllegalArgumentException("queuePerAgent must be >= 0");
    }
  }

  @Override
  public Proposal propose(PoolLoad load) {
    double perAgent = load.slotsPerAgent(1) + queuePerAgent;
    OptionalDouble next =
        load.history() == null
            ? OptionalDouble.empty()
            : load.history().forecast(load.nowMs() + LoadHistory.HOUR_MS);
    if (next.isEmpty() || next.getAsDouble() <= load.demand()) {
      return new Proposal(
          load.demand() / perAgent,
          (next.isEmpty() ? "no history for the next hour; " : "") + "demand " + load.demand());
    }
    return new Proposal(
        next.getAsDouble() / perAgent,
        String.format("forecast peak %.0f in the next hour", next.getAsDouble()));
  }

  @Override
  public String name() {
    return "predictive";
  }
}
