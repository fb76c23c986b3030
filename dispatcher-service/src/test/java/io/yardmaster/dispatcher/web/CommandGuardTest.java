package io.yardmaster.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandGuardTest {
  private static Headers headers(String... pairs) {
    Headers h = new Headers();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      h.add(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  private static Optional<Integer> status(WebOptions options, Headers headers) {
    return new CommandGuard(options).refusal(headers).map(ApiModels.ErrorMessage::status);
  }

  @Test
  void shouldRefuseEveryCommandWhenReadOnly() {
    assertThat(status(WebOptions.loopback(0).withReadOnly(true), headers())).contains(403);
  }

  @Test
  void shouldAskForTheTokenWhenOneIsSet() {
    WebOptions options = WebOptions.loopback(0).withToken("s3cret");
    assertThat(status(options, headers())).contains(401);
    assertThat(status(options, headers(WebOptions.TOKEN_HEADER, "wrong"))).contains(401);
    assertThat(status(options, headers(WebOptions.TOKEN_HEADER, "s3cret"))).isEmpty();
  }

  @Test
  void shouldRefuseRequestsFromAnotherOriginWhenABrowserSendsThem() {
    WebOptions options = WebOptions.loopback(0);
    assertThat(status(options, headers("Host", "127.0.0.1:8080", "Origin", "http://evil.example")))
        .contains(403);
    assertThat(
            status(options, headers("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080")))
        .isEmpty();
    assertThat(status(options, headers("Host", "127.0.0.1:8080"))).isEmpty();
  }
}
