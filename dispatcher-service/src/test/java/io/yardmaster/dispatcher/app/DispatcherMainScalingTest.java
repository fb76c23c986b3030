package io.yardmaster.dispatcher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.scaling.ReactivePolicy;
import io.yardmaster.model.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DispatcherMainScalingTest {
  private static DispatcherConfig config(String... args) {
    DispatcherMain main = new DispatcherMain();
    new CommandLine(main).parseArgs(args);
    return main.config();
  }

  @Test
  void shouldGiveAPoolItsScalingAndTheDispatcherItsRebalanceFactor() {
    DispatcherConfig c =
        config(
            "--pool",
            "cpu",
            "--pool",
            "gpu:cuda",
            "--scale",
            "cpu=reactive(queue=3);min=2;max=9",
            "--rebalance-factor",
            "1.5");
    assertThat(c.pool("cpu").orElseThrow().scaling().policy()).isInstanceOf(ReactivePolicy.class);
    assertThat(c.pool("cpu").orElseThrow().scaling().max()).isEqualTo(9);
    assertThat(c.pool("gpu").orElseThrow().scaling()).isNull();
    assertThat(c.rebalance().factor()).isEqualTo(1.5);
    assertThat(config("--pool", "cpu").rebalance().enabled()).isFalse();
  }

  @Test
  void shouldRejectScalingForAnUnknownPool() {
    assertThatThrownBy(() -> config("--pool", "cpu", "--scale", "gpu=static(2)"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("unknown pool 'gpu'");
  }
}
