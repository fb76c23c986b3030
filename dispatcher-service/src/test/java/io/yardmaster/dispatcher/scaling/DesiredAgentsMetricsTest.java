package io.yardmaster.dispatcher.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredAgentsMetricsTest {
  @Test
  void shouldReportEachPoolsDesiredCountAsAGauge() {
    DesiredAgents desired = new DesiredAgents();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new DesiredAgentsMetrics(desired, List.of("cpu", "gpu")).bindTo(registry);
    // GIVEN cpu was scaled to 4 here, gpu not (scheduled elsewhere)
    desired.set("cpu", 4);
    // THEN
    assertThat(registry.get(DesiredAgents.METRIC).tag("pool", "cpu").gauge().value())
        .isEqualTo(4.0);
    assertThat(registry.get(DesiredAgents.METRIC).tag("pool", "gpu").gauge().value()).isNaN();
    assertThat(desired.snapshot()).containsExactly(java.util.Map.entry("cpu", 4));
  }

  @Test
  void shouldNotAllowNullArguments() {
    assertThatThrownBy(() -> new DesiredAgentsMetrics(null, List.of()))
        .hasMessage("desired can't be null");
  }
}
