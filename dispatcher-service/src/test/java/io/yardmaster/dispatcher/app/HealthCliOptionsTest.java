package io.yardmaster.dispatcher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.scheduling.health.HealthOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The health thresholds and strategies from the dispatcher's command line. */
class HealthCliOptionsTest {
  private static DispatcherMain parse(String... args) {
    DispatcherMain main = new DispatcherMain();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void shouldUseTheDefaultHealthThresholdsWhenNoneAreGiven() {
    assertThat(parse("--pool", "main").config().scheduler().health())
        .isEqualTo(HealthOptions.DEFAULTS);
  }

  @Test
  void shouldPassHealthThresholdsAndAPoolStrategyThroughToTheScheduler() {
    // GIVEN every health option and a pool with the geographic strategy
    DispatcherMain main =
        parse(
            "--pool",
            "edge::geographic",
            "--health-error-window",
            "50",
            "--health-min-results",
            "5",
            "--health-max-error-rate",
            "0.4",
            "--health-late-factor",
            "1.2",
            "--health-unhealthy-after",
            "2",
            "--health-recovery-successes",
            "7");
    // WHEN the configuration is built
    var config = main.config();
    PoolConfig edge = config.pools().get(0);
    // THEN the pool's scheduler options carry them
    assertThat(config.schedulerOptions(edge).health())
        .isEqualTo(new HealthOptions(50, 5, 0.4, 1.2, 2, 7));
    assertThat(config.schedulerOptions(edge).strategy()).isEqualTo("geographic");
  }

  @Test
  void shouldRequireAnAgentToBeUnhealthyBeforeItExpires() {
    // GIVEN leases that expire after 2 missed heartbeats
    // WHEN agents would be unhealthy only after 2 THEN the configuration is refused
    assertThatThrownBy(() -> parse("--pool", "main", "--missed-heartbeats", "2").config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unhealthy");
    // AND fractional thresholds below it are accepted
    HealthOptions health =
        parse(
                "--pool",
                "main",
                "--missed-heartbeats",
                "2",
                "--health-unhealthy-after",
                "1.5",
                "--health-late-factor",
                "1.2")
            .config()
            .scheduler()
            .health();
    assertThat(health.unhealthyAfterMissed()).isEqualTo(1.5);
  }
}
