package io.yardmaster.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.demo.PropertyDemo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRunOptionsTest {
  private static LocalRunOptions options(List<PoolPlan> pools, Workload workload) {
    return new LocalRunOptions(
        Path.of("work"),
        null,
        null,
        "yard.",
        pools,
        workload,
        false,
        9092,
        null,
        LocalRunOptions.DEFAULT_STARTUP_TIMEOUT,
        LocalRunOptions.DEFAULT_RUN_TIMEOUT,
        false);
  }

  @Test
  void shouldAcceptTheDemoWhenItsPoolsAreThere() {
    // GIVEN / WHEN
    LocalRunOptions options = options(PropertyDemo.pools(), PropertyDemo.workload(""));

    // THEN
    assertThat(options.embeddedBroker()).isTrue();
    assertThat(options.workload().tasks()).hasSize(33);
  }

  @Test
  void shouldNameTheMissingPoolsWhenTheWorkloadNeedsOthers() {
    // GIVEN only one of the demo's pools
    List<PoolPlan> pools = List.of(PoolPlan.parse("data-processing:1:1:data_processing"));

    // WHEN / THEN
    assertThatThrownBy(() -> options(pools, PropertyDemo.workload("")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("need the pools [ai-analysis, notifications]")
        .hasMessageContaining("pass --no-demo");
  }

  @Test
  void shouldRefuseWhenAPoolIsGivenTwice() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(
            () ->
                options(List.of(PoolPlan.parse("a:1:1"), PoolPlan.parse("a:2:2")), Workload.none()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pool a is given twice");
  }
}
