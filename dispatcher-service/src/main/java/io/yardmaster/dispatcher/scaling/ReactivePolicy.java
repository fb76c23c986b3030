package io.yardmaster.dispatcher.scaling;

import java.time.Duration;
import java.util.Objects;

/**
 * Follows the load as it is now: enough agents that each holds its slots plus {@code queuePerAgent}
 * queued tasks, and, when tasks wait longer than {@code targetWait}, more agents in proportion.
 */
public record ReactivePolicy(double queuePerAgent, Duration targetWait) implements ScalingPolicy {
  public static final double DEFAULT_QUEUE_PER_AGENT = 4;

  public ReactivePolicy {
    Objects.requireNonNull(targetWait, "targetWait can't be null");
    if (queuePerAgent < 0) {
      throw new IllegalArgumentException("queuePerAgent must be >= 0");
    }
  }

  @Override
  public Proposal propose(PoolLoad load) {
    double perAgent = load.slotsPerAgent(1) + queuePerAgent;
    double byQueue = load.demand() / perAgent;
    long target = targetWait.toMillis();
    double byWait =
        target > 0 && load.agents() > 0 && load.waitMs() > target
            ? load.agents() * load.waitMs() / target
            : 0;
    if (byWait > byQueue) {
      return new Proposal(
          byWait, String.format("wait %.0f ms over target %d ms", load.waitMs(), target));
    }
    return new Proposal(
        byQueue, String.format("%d queued+running at %.1f per agent", load.demand(), perAgent));
  }

  @Override
  public String name() {
    return "reactive";
  }
}
