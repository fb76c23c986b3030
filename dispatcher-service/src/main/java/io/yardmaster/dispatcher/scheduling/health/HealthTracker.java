package io.yardmaster.dispatcher.scheduling.health;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent's health state machine. It is told of heartbeats (with the gap since the last one),
 * results and silence, and returns the change each causes, if any:
 *
 * <ul>
 *   <li>HEALTHY ⇄ DEGRADED: the error rate over the last results exceeds the threshold, or the last
 *       heartbeat came later than its interval × the late factor; back when neither holds.
 *   <li>HEALTHY, DEGRADED, RECOVERING → UNHEALTHY: silent for more than the unhealthy limit.
 *   <li>UNHEALTHY → RECOVERING: a heartbeat again; then → HEALTHY (or DEGRADED) after the required
 *       successes in a row, a failure starting the count again.
 *   <li>any → OFFLINE: it left, or expired.
 * </ul>
 */
public final class HealthTracker {
  private final HealthOptions options;
  private final boolean[] failures;
  private int results;
  private int next;
  private int failed;
  private AgentHealth state = AgentHealth.HEALTHY;
  private String lateBy;
  private int streak;

  public HealthTracker(HealthOptions options) {
    this.options = Objects.requireNonNull(options, "options can't be null");
    this.failures = new boolean[options.errorWindow()];
  }

  public AgentHealth state() {
    return state;
  }

  /** Failures among the recent results, as a fraction (0 before any result). */
  public double errorRate() {
    return results == 0 ? 0 : (double) failed / results;
  }

  /** Recent results counted (at most the window). */
  public int results() {
    return results;
  }

  /** The success rate over the window, smoothed: (successes + 1) / (results + 1), 1 with none. */
  public double successRate() {
    return (results - failed + 1.0) / (results + 1.0);
  }

  /** Successes in a row while RECOVERING. */
  public int recoveryStreak() {
    return streak;
  }

  /** A heartbeat arrived {@code gapMs} after the last one heard from the agent. */
  public Optional<HealthChange> onHeartbeat(long gapMs, long intervalMs) {
    if (state == AgentHealth.OFFLINE) {
      return Optional.empty();
    }
    if (state == AgentHealth.UNHEALTHY) {
      streak = 0;
      lateBy = null;
      return move(
          AgentHealth.RECOVERING,
          "heartbeats back after "
              + gapMs
              + " ms; one task at a time until "
              + options.recoverySuccesses()
              + " successes in a row");
    }
    lateBy =
        gapMs > intervalMs * options.lateFactor()
            ? String.format(
                Locale.ROOT,
                "heartbeat %d ms after the last > %d ms interval × %.2f",
                gapMs,
                intervalMs,
                options.lateFactor())
            : null;
    return settle();
  }

  /** A task's outcome on this agent. */
  public Optional<HealthChange> onResult(boolean succeeded) {
    if (results == failures.length) {
      failed -= failures[next] ? 1 : 0;
    } else {
      results++;
    }
    failures[next] = !succeeded;
    failed += succeeded ? 0 : 1;
    next = (next + 1) % failures.length;
    if (state != AgentHealth.RECOVERING) {
      return settle();
    }
    streak = succeeded ? streak + 1 : 0;
    if (streak < options.recoverySuccesses()) {
      return Optional.empty();
    }
    String why = degradedReason();
    return why == null
        ? move(AgentHealth.HEALTHY, streak + " successes in a row since it came back")
        : move(AgentHealth.DEGRADED, why);
  }

  /** The agent has not been heard for {@code silentMs}. */
  public Optional<HealthChange> onSilence(long silentMs, long intervalMs) {
    if (state == AgentHealth.UNHEALTHY || state == AgentHealth.OFFLINE) {
      return Optional.empty();
    }
    if (silentMs <= intervalMs * options.unhealthyAfterMissed()) {
      return Optional.empty();
    }
    return move(
        AgentHealth.UNHEALTHY,
        "no heartbeat for "
            + silentMs
            + " ms > "
            + number(options.unhealthyAfterMissed())
            + " intervals of "
            + intervalMs
            + " ms; no new work");
  }

  /** The agent left or expired. */
  public Optional<HealthChange> offline(String reason) {
    return move(AgentHealth.OFFLINE, reason);
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  private Optional<HealthChange> settle() {
    if (state != AgentHealth.HEALTHY && state != AgentHealth.DEGRADED) {
      return Optional.empty();
    }
    String why = degradedReason();
    if (why != null) {
      return move(AgentHealth.DEGRADED, why);
    }
    return move(
        AgentHealth.HEALTHY,
        String.format(
            Locale.ROOT,
            "error rate %.2f over last %d results, heartbeats on time",
            errorRate(),
            results));
  }

  private String degradedReason() {
    if (results >= options.minResults() && errorRate() > options.maxErrorRate()) {
      return String.format(
          Locale.ROOT,
          "error rate %.2f over last %d results > %.2f",
          errorRate(),
          results,
          options.maxErrorRate());
    }
    return lateBy;
  }

  private Optional<HealthChange> move(AgentHealth to, String reason) {
    if (to == state) {
      return Optional.empty();
    }
    HealthChange change = new HealthChange(state, to, reason);
    state = to;
    return Optional.of(change);
  }
}
