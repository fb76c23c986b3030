package io.yardmaster.dispatcher.scaling;

import java.util.Objects;

/**
 * Turns one pool's policy proposals into a desired agent count: within the pool's bounds, changed
 * only when a proposal leaves the tolerance band around the current count (hysteresis), and not
 * sooner after the last change than the up or down cooldown. A scale-down goes only to the largest
 * count proposed over the whole down cooldown (a stabilisation window, as Kubernetes' HPA does), so
 * a load that jitters does not make the count flap. Plain Java: time is passed in.
 */
public final class Autoscaler {
  /** The desired count after one evaluation, and whether it changed. */
  public record Decision(int desired, boolean changed, double proposed, String reason) {}

  private final ScalingOptions options;
  private int desired = -1;
  private long lastChangeMs;
  private int changes;
  private final java.util.ArrayDeque<long[]> recent = new java.util.ArrayDeque<>();

  public Autoscaler(ScalingOptions options) {
    this.options = Objects.requireNonNull(options, "options can't be null");
  }

  public ScalingOptions options() {
    return options;
  }

  /** The current desired count (-1 before the first evaluation). */
  public int desired() {
    return desired;
  }

  /** When the desired count last changed (epoch ms). */
  public long lastChangeMs() {
    return lastChangeMs;
  }

  /**
   * Carries on from a count decided earlier (before a restart, or on another instance), so the
   * cooldowns still hold.
   */
  public void restore(int desiredCount, long changedAtMs) {
    if (desiredCount >= 0) {
      desired = Math.max(options.min(), Math.min(options.max(), desiredCount));
      lastChangeMs = changedAtMs;
    }
  }

  /** Changes of the desired count after the first evaluation. */
  public int changes() {
    return changes;
  }

  public Decision evaluate(PoolLoad load) {
    ScalingPolicy.Proposal p = options.policy().propose(load);
    double raw = p.agents();
    int bounded = (int) Math.max(options.min(), Math.min(options.max(), Math.ceil(raw - 1e-9)));
    long now = load.nowMs();
    int downTo = stabilised(now, bounded);
    if (desired < 0) {
      // the first count is not a change: the first real change need not wait for a cooldown
      desired = bounded;
      lastChangeMs = Long.MIN_VALUE / 4;
      return new Decision(desired, true, raw, p.reason() + bounds(raw));
    }
    if (bounded > desired) {
      if (raw <= desired * (1 + options.tolerance())) {
        return hold(raw, p.reason() + "; within tolerance");
      }
      if (now - lastChangeMs < options.upCooldown().toMillis()) {
        return hold(raw, p.reason() + "; scale-up cooldown");
      }
    } else if (downTo < desired) {
      if (raw >= desired * (1 - options.tolerance())) {
        return hold(raw, p.reason() + "; within tolerance");
      }
      if (now - lastChangeMs < options.downCooldown().toMillis()) {
        return hold(raw, p.reason() + "; scale-down cooldown");
      }
      bounded = downTo;
    } else {
      return hold(raw, p.reason() + bounds(raw));
    }
    desired = bounded;
    lastChangeMs = now;
    changes++;
    return new Decision(desired, true, raw, p.reason() + bounds(raw));
  }

  /** The largest bounded proposal over the last down cooldown, this one included. */
  private int stabilised(long now, int bounded) {
    recent.addLast(new long[] {now, bounded});
    long from = now - options.downCooldown().toMillis();
    while (recent.size() > 1 && recent.peekFirst()[0] < from) {
      recent.removeFirst();
    }
    long max = 0;
    for (long[] r : recent) {
      max = Math.max(max, r[1]);
    }
    return (int) max;
  }

  private Decision hold(double raw, String reason) {
    return new Decision(desired, false, raw, reason);
  }

  private String bounds(double raw) {
    if (raw > options.max()) {
      return "; capped at max " + options.max();
    }
    if (Math.ceil(raw - 1e-9) < options.min()) {
      return "; raised to min " + options.min();
    }
    return "";
  }
}
