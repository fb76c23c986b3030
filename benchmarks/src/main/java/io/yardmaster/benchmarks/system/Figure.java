package io.yardmaster.benchmarks.system;

import java.util.Objects;

/**
 * One measured figure of a workload, with Kafka's own figure for the same thing when there is one
 * and the target it is held against.
 *
 * @param workload W1..W6, or "kafka" for the raw ceilings
 * @param metric what was measured
 * @param value the measurement
 * @param unit its unit ("tasks/s", "ms", "tasks", "%", "s")
 * @param ceiling Kafka's raw figure for the same quantity in the same run, or null
 * @param ceilingName which tool measured the ceiling, or null
 * @param target the bound it must meet, or null
 */
public record Figure(
    String workload,
    String metric,
    double value,
    String unit,
    Double ceiling,
    String ceilingName,
    Target target) {
  public Figure {
    Objects.requireNonNull(workload, "workload can't be null");
    Objects.requireNonNull(metric, "metric can't be null");
    Objects.requireNonNull(unit, "unit can't be null");
  }

  public static Figure of(String workload, String metric, double value, String unit) {
    return new Figure(workload, metric, value, unit, null, null, null);
  }

  public Figure against(double ceilingValue, String tool) {
    return new Figure(workload, metric, value, unit, ceilingValue, tool, target);
  }

  public Figure target(Target bound) {
    return new Figure(workload, metric, value, unit, ceiling, ceilingName, bound);
  }

  /** Ours divided by Kafka's, or null without a ceiling. */
  public Double ratio() {
    return ceiling == null || ceiling == 0 ? null : value / ceiling;
  }

  /** Whether the target is met; null without one. */
  public Boolean pass() {
    return target == null ? null : target.isMetBy(value);
  }

  /**
   * A bound on a figure.
   *
   * @param atLeast true: value >= bound; false: value <= bound
   */
  public record Target(boolean atLeast, double bound) {
    public static Target atLeast(double bound) {
      return new Target(true, bound);
    }

    public static Target atMost(double bound) {
      return new Target(false, bound);
    }

    public boolean isMetBy(double value) {
      return atLeast ? value >= bound : value <= bound;
    }

    @Override
    public String toString() {
      return (atLeast ? ">= " : "<= ") + Report.number(bound);
    }
  }
}
