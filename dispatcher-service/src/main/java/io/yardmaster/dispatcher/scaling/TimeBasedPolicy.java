package io.yardmaster.dispatcher.scaling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scheduled sizes: during a window (days of the week, from a time of day up to another) the pool
 * has the window's size, otherwise {@code otherwise}. Where windows overlap the largest wins.
 */
public record TimeBasedPolicy(List<Window> windows, int otherwise, ZoneId zone)
    implements ScalingPolicy {
  /** A scheduled size; a window whose end is before its start runs over midnight. */
  public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to, int agents) {
    public Window {
      days = Set.copyOf(days);
      Objects.requireNonNull(from, "from can't be null");
      Objects.requireNonNull(to, "to can't be null");
      if (agents < 0) {
        throw new IllegalArgumentException("agents must be >= 0");
      }
    }

    boolean contains(ZonedDateTime t) {
      LocalTime time = t.toLocalTime();
      if (!from.isAfter(to)) {
        return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
      }
      if (!time.isBefore(from)) {
        return days.contains(t.getDayOfWeek());
      }
      return time.isBefore(to) && days.contains(t.getDayOfWeek().minus(1));
    }

    @Override
    public String toString() {
      return days + " " + from + "-" + to + "=" + agents;
    }
  }

  public TimeBasedPolicy {
    windows = List.copyOf(windows);
    Objects.requireNonNull(zone, "zone can't be null");
    if (otherwise < 0) {
      throw new IllegalArgumentException("otherwise must be >= 0");
    }
  }

  @Override
  public Proposal propose(PoolLoad load) {
    ZonedDateTime t = Instant.ofEpochMilli(load.nowMs()).atZone(zone);
    Window best = null;
    for (Window w : windows) {
      if (w.contains(t) && (best == null || w.agents() > best.agents())) {
        best = w;
      }
    }
    return best == null
        ? new Proposal(otherwise, "outside scheduled windows")
        : new Proposal(best.agents(), "scheduled " + best);
  }

  @Override
  public String name() {
    return "time";
  }
}
