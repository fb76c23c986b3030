package io.yardmaster.dispatcher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.web.WebOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WebCommandOptionsTest {
  private static WebOptions parse(String... args) {
    DispatcherMain main = new DispatcherMain();
    new CommandLine(main).parseArgs(args);
    return main.web.options();
  }

  @Test
  void shouldServeOnLoopbackPort8080WithCommandsEnabledWhenNothingIsSaid() {
    WebOptions web = parse("--pool", "p");
    assertThat(web.enabled()).isTrue();
    assertThat(web.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(web.port()).isEqualTo(8080);
    assertThat(web.readOnly()).isFalse();
  }

  @Test
  void shouldTakeEveryWebSettingWhenGiven() {
    WebOptions web =
        parse(
            "--pool",
            "p",
            "--http-port",
            "0",
            "--http-bind",
            "0.0.0.0",
            "--http-read-only",
            "--http-token",
            "t0k",
            "--http-advertised-host",
            "dispatcher-1");
    assertThat(web.port()).isZero();
    assertThat(web.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(web.readOnly()).isTrue();
    assertThat(web.token()).isEqualTo("t0k");
    assertThat(web.advertisedHost()).isEqualTo("dispatcher-1");
  }

  @Test
  void shouldServeNothingWhenTurnedOff() {
    assertThat(parse("--pool", "p", "--no-http").enabled()).isFalse();
  }
}
