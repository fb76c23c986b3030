package io.yardmaster.worker.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.HostLoad;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostLoadSamplerTest {

  @Test
  void shouldReportFractionsWhenSamplingThisHost() {
    // GIVEN this host WHEN its load is sampled twice
    HostLoadSampler sampler = new HostLoadSampler(Path.of(""));
    sampler.get();
    HostLoad load = sampler.get();
    // THEN every figure is a fraction, and memory and disk are in use
    assertThat(load.cpu()).isBetween(0.0, 1.0);
    assertThat(load.memory()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    assertThat(load.disk()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
  }
}
