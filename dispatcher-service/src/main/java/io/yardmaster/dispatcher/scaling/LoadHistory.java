package io.yardmaster.dispatcher.scaling;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A pool's load by hour of the week and hour of the day (UTC): the peak demand of each hour,
 * blended with the same hour's earlier peaks. Kept per pool in a state store, so it survives
 * restarts and moves with the pool between dispatcher instances.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class LoadHistory {
  static final long HOUR_MS = 3_600_000L;

  /** Weight of the newest hour against the ones before it. */
  static final double NEWEST_WEIGHT = 0.5;

  private double[] byHourOfWeek = unset(168);
  private double[] byHourOfDay = unset(24);
  private long currentHour = -1;
  private double currentPeak;

  private static double[] unset(int n) {
    double[] a = new double[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** Records the demand seen now; returns whether the history changed. */
  public boolean observe(long nowMs, double demand) {
    long hour = Math.floorDiv(nowMs, HOUR_MS);
    if (hour != currentHour) {
      if (currentHour >= 0) {
        fold(currentHour * HOUR_MS, currentPeak);
      }
      currentHour = hour;
      currentPeak = demand;
      return true;
    }
    if (demand > currentPeak) {
      currentPeak = demand;
      return true;
    }
    return false;
  }

  private void fold(long hourStartMs, double peak) {
    int week = hourOfWeek(hourStartMs);
    int day = week % 24;
    byHourOfWeek[week] = blend(byHourOfWeek[week], peak);
    byHourOfDay[day] = blend(byHourOfDay[day], peak);
  }

  private static double blend(double old, double peak) {
    return old < 0 ? peak : (1 - NEWEST_WEIGHT) * old + NEWEST_WEIGHT * peak;
  }

  /**
   * The expected peak demand of the hour holding {@code atMs}: the same hour of the week if seen,
   * else the same hour of the day.
   */
  public OptionalDouble forecast(long atMs) {
    int week = hourOfWeek(atMs);
    if (byHourOfWeek[week] >= 0) {
      return OptionalDouble.of(byHourOfWeek[week]);
    }
    double day = byHourOfDay[week % 24];
    return day >= 0 ? OptionalDouble.of(day) : OptionalDouble.empty();
  }

  /** Monday 00:00 UTC is hour 0. */
  static int hourOfWeek(long ms) {
    ZonedDateTime t = Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC);
    return (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
  }
}
