package io.yardmaster.dispatcher.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Runs an {@link Autoscaler} over a synthetic demand curve in simulated time: agents follow the
 * desired count at once, each with {@link #SLOTS} slots; demand beyond the slots queues, and the
 * CPU load is the slots' utilisation.
 */
final class LoadSimulation {
  static final int SLOTS = 4;

  /** Monday 2026-11-30 00:00 UTC. */
  static final long MONDAY = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();

  record Sample(long atMs, double demand, int desired) {}

  final Autoscaler scaler;
  final LoadHistory history = new LoadHistory();
  final List<Sample> samples = new ArrayList<>();
  int agents;

  LoadSimulation(ScalingOptions options, int startAgents) {
    this.scaler = new Autoscaler(options);
    this.agents = startAgents;
  }

  /** Evaluates every {@code step} from {@code fromMs} for {@code length}. */
  LoadSimulation run(LongToDoubleFunction demand, long fromMs, Duration length, Duration step) {
    for (long t = fromMs; t < fromMs + length.toMillis(); t += step.toMillis()) {
      evaluate(t, demand.applyAsDouble(t));
    }
    return this;
  }

  int evaluate(long t, double demand) {
    int slots = agents * SLOTS;
    long running = (long) Math.min(demand, slots);
    long queued = (long) Math.max(0, demand - slots);
    double cpu = slots == 0 ? 0 : Math.min(1, demand / slots);
    history.observe(t, demand);
    Autoscaler.Decision d =
        scaler.evaluate(new PoolLoad("p", t, agents, slots, queued, running, 0, cpu, history));
    agents = d.desired();
    samples.add(new Sample(t, demand, d.desired()));
    return d.desired();
  }

  int desiredAt(long t) {
    int last = -1;
    for (Sample s : samples) {
      if (s.atMs() <= t) {
        last = s.desired();
      }
    }
    return last;
  }

  int min() {
    return samples.stream().mapToInt(Sample::desired).min().orElse(-1);
  }

  int max() {
    return samples.stream().mapToInt(Sample::desired).max().orElse(-1);
  }

  /**
   * A daily peak: {@code peak} from 09:00 to 17:00 UTC, {@code base} otherwise, with some noise.
   */
  static LongToDoubleFunction dailyPeak(double base, double peak) {
    return t -> {
      long hour = Math.floorMod(t / 3_600_000L, 24);
      double noise = ((t / 60_000L) % 7) - 3; // deterministic jitter of +-3
      return Math.max(0, (hour >= 9 && hour < 17 ? peak : base) + noise);
    };
  }

  static LongToDoubleFunction step(long atMs, double before, double after) {
    return t -> t < atMs ? before : after;
  }

  static LongToDoubleFunction flat(double level) {
    return t -> level;
  }

  static long hours(double h) {
    return (long) (h * 3_600_000L);
  }
}
