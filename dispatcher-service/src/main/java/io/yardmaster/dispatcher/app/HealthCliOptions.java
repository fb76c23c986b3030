package io.yardmaster.dispatcher.app;

import io.yardmaster.dispatcher.scheduling.health.HealthOptions;
import picocli.CommandLine.Option;

/** The dispatcher's agent-health thresholds on the command line (a picocli mixin). */
final class HealthCliOptions {
  @Option(
      names = "--health-error-window",
      defaultValue = "" + HealthOptions.DEFAULT_ERROR_WINDOW,
      description = "Recent results an agent's error rate is taken over. Default: ${DEFAULT-VALUE}")
  int errorWindow;

  @Option(
      names = "--health-min-results",
      defaultValue = "" + HealthOptions.DEFAULT_MIN_RESULTS,
      description = "Results needed before the error rate counts. Default: ${DEFAULT-VALUE}")
  int minResults;

  @Option(
      names = "--health-max-error-rate",
      defaultValue = "" + HealthOptions.DEFAULT_MAX_ERROR_RATE,
      description = "An error rate above this makes an agent DEGRADED. Default: ${DEFAULT-VALUE}")
  double maxErrorRate;

  @Option(
      names = "--health-late-factor",
      defaultValue = "" + HealthOptions.DEFAULT_LATE_FACTOR,
      description =
          "A heartbeat later than interval × this makes an agent DEGRADED. Default: ${DEFAULT-VALUE}")
  double lateFactor;

  @Option(
      names = "--health-unhealthy-after",
      defaultValue = "" + HealthOptions.DEFAULT_UNHEALTHY_AFTER_MISSED,
      description =
          "Missed heartbeat intervals after which an agent is UNHEALTHY and gets no work (fewer than --missed-heartbeats). Default: ${DEFAULT-VALUE}")
  double unhealthyAfterMissed;

  @Option(
      names = "--health-recovery-successes",
      defaultValue = "" + HealthOptions.DEFAULT_RECOVERY_SUCCESSES,
      description =
          "Successes in a row a RECOVERING agent (one task at a time) needs to be HEALTHY. Default: ${DEFAULT-VALUE}")
  int recoverySuccesses;

  HealthOptions toOptions() {
    return new HealthOptions(
        errorWindow, minResults, maxErrorRate, lateFactor, unhealthyAfterMissed, recoverySuccesses);
  }
}
