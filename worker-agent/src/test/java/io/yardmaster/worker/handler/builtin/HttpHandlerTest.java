package io.yardmaster.worker.handler.builtin;

import static io.yardmaster.worker.handler.builtin.HandlerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.yardmaster.worker.handler.HandlerSettings;
import io.yardmaster.worker.handler.TaskFailureException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpHandlerTest {
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private HttpHandler handler;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + body
                  + " key="
                  + exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " type="
                  + exchange.getRequestHeaders().getFirst("Content-Type"));
          reply(exchange, 200, "{\"accepted\":true}");
        });
    server.createContext("/broken", exchange -> reply(exchange, 503, "try later"));
    server.createContext("/big", exchange -> reply(exchange, 200, "y".repeat(10_000)));
    server.createContext("/missing", exchange -> reply(exchange, 404, "no such thing"));
    server.start();
    handler = new HttpHandler();
    handler.init(new HandlerSettings(Set.of(), Set.of("127.0.0.1"), 1024));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void shouldPostPayloadBodyWhenHostIsAllowed() throws Exception {
    // GIVEN a JSON body for an allowed host
    String payload = "{\"url\":\"" + url("/ok") + "\",\"body\":{\"n\":1}}";
    // WHEN the task runs
    JsonNode output = handler.handle(context("http", payload));
    // THEN the server got a POST of the body with an idempotency key, and the reply comes back
    assertThat(received).containsExactly("POST {\"n\":1} key=task-1:1 type=application/json");
    assertThat(output.path("status").asInt()).isEqualTo(200);
    assertThat(output.path("body").asText()).isEqualTo("{\"accepted\":true}");
  }

  @Test
  void shouldUseMethodAndHeadersWhenPayloadGivesThem() throws Exception {
    // GIVEN a PUT with a text body and its own idempotency key
    String payload =
        "{\"url\":\""
            + url("/ok")
            + "\",\"method\":\"put\",\"body\":\"plain\","
            + "\"headers\":{\"Idempotency-Key\":\"mine\",\"Content-Type\":\"text/plain\"}}";
    // WHEN the task runs THEN they are used as given
    handler.handle(context("http", payload));
    assertThat(received).containsExactly("PUT plain key=mine type=text/plain");
  }

  @Test
  void shouldCutTheBodyAtTheOutputLimitWhenTheReplyIsLarger() throws Exception {
    // GIVEN an allowed host that answers 10,000 bytes, and a limit of 1,024
    String payload = "{\"url\":\"" + url("/big") + "\"}";
    // WHEN the task runs
    JsonNode output = handler.handle(context("http", payload));
    // THEN the reported body holds at most the limit, and says it was cut
    assertThat(output.path("body").asText().length()).isLessThanOrEqualTo(1024);
    assertThat(output.path("bodyTruncated").asBoolean()).isTrue();
  }

  @Test
  void shouldRefuseLookalikeHostsWhenOnlyOneIsAllowed() {
    // GIVEN 127.0.0.1 allowed WHEN urls name other hosts that merely contain it THEN none is
    // called
    for (String url :
        List.of(
            "http://127.0.0.1.example.com/hook",
            "http://example.com/127.0.0.1",
            "http://evil@example.com/hook",
            "http://localhost:" + server.getAddress().getPort() + "/ok")) {
      assertThatThrownBy(() -> handler.handle(context("http", "{\"url\":\"" + url + "\"}")))
          .as(url)
          .isInstanceOfSatisfying(
              TaskFailureException.class,
              e -> assertThat(e.errorType()).isEqualTo(HttpHandler.NOT_ALLOWED));
    }
    assertThat(received).isEmpty();
  }

  @Test
  void shouldRefuseHostWhenNotOnAllowlist() {
    // GIVEN a host that is not allowed WHEN the task runs THEN nothing is sent and it fails for
    // good
    String payload = "{\"url\":\"http://example.com/hook\"}";
    assertThatThrownBy(() -> handler.handle(context("http", payload)))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(HttpHandler.NOT_ALLOWED);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("example.com");
            });
    assertThat(received).isEmpty();
  }

  @Test
  void shouldFailRetryablyWhenServerAnswers5xx() {
    // GIVEN a server that answers 503 WHEN called THEN the failure may be retried
    String payload = "{\"url\":\"" + url("/broken") + "\"}";
    assertThatThrownBy(() -> handler.handle(context("http", payload)))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(HttpHandler.HTTP_STATUS);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("503").contains("try later");
            });
  }

  @Test
  void shouldFailPermanentlyWhenServerAnswers404() {
    // GIVEN a server that answers 404 WHEN called THEN another attempt will not help
    String payload = "{\"url\":\"" + url("/missing") + "\",\"method\":\"GET\"}";
    assertThatThrownBy(() -> handler.handle(context("http", payload)))
        .isInstanceOfSatisfying(
            TaskFailureException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void shouldRefuseUrlWhenSchemeIsNotHttp() {
    // GIVEN a file URL WHEN the task runs THEN the payload is refused
    assertThatThrownBy(() -> handler.handle(context("http", "{\"url\":\"file:///etc/passwd\"}")))
        .isInstanceOfSatisfying(
            TaskFailureException.class,
            e -> assertThat(e.errorType()).isEqualTo(Payloads.BAD_PAYLOAD));
  }
}
