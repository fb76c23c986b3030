package io.yardmaster.worker.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardmaster.model.json.Json;
import io.yardmaster.worker.handler.Cancellation;
import io.yardmaster.worker.handler.HandlerSettings;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskFailureException;
import io.yardmaster.worker.handler.TaskHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code http}: sends one HTTP request. Payload: {@code {"url": "...", "method": "POST", "body":
 * ..., "headers": {...}}} (method defaults to POST; a text body is sent as is, any other JSON as
 * JSON). Only hosts on {@code --http-allowlist} are called. The request carries an {@code
 * Idempotency-Key} header ({@code taskId:attempt}) unless the payload sets one. Succeeds with
 * {@code {"status": 200, "body": "..."}} on a 2xx; any other status fails the task ({@code
 * http-status}, retryable for 408, 429 and 5xx).
 */
public final class HttpHandler implements TaskHandler {
  public static final String TYPE = "http";
  public static final String NOT_ALLOWED = "http-host-not-allowed";
  public static final String HTTP_STATUS = "http-status";
  public static final String HTTP_ERROR = "http-error";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int ERROR_BODY_CHARS = 500;

  private volatile Set<String> allowlist = Set.of();
  private volatile int maxOutputBytes = HandlerSettings.DEFAULT_MAX_OUTPUT_BYTES;
  private volatile HttpClient client;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void init(HandlerSettings settings) {
    this.allowlist =
        settings.httpAllowlist().stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.maxOutputBytes = settings.maxOutputBytes();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public JsonNode handle(TaskContext context) throws InterruptedException {
    if (client == null) {
      init(HandlerSettings.defaults());
    }
    HttpRequest request = request(context);
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    Cancellation.Registration abortOnCancel =
        context.cancellation().onCancel(() -> pending.cancel(true));
    HttpResponse<byte[]> response;
    try {
      response = pending.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw TaskFailureException.retryable(
          HTTP_ERROR, request.method() + " " + request.uri() + " failed: " + cause);
    } finally {
      abortOnCancel.close();
      pending.cancel(true);
    }
    return outcome(request, response);
  }

  private HttpRequest request(TaskContext context) {
    JsonNode payload = context.payload();
    URI uri = allowedUri(Payloads.requiredText(payload, "url"));
    String method = Payloads.optionalText(payload, "method", "POST").toUpperCase(Locale.ROOT);
    Map<String, String> headers = Payloads.textMap(payload, "headers");
    JsonNode body = payload.path("body");
    HttpRequest.BodyPublisher publisher;
    if (body.isMissingNode() || body.isNull()) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else if (body.isTextual()) {
      publisher = HttpRequest.BodyPublishers.ofString(body.asText(), StandardCharsets.UTF_8);
    } else {
      publisher = HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
      headers.putIfAbsent("Content-Type", "application/json");
    }
    headers.putIfAbsent("Idempotency-Key", context.idempotencyKey());
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, publisher);
    context.timeoutIfAny().ifPresent(builder::timeout);
    try {
      headers.forEach(builder::header);
    } catch (IllegalArgumentException e) {
      throw Payloads.bad("has a header that cannot be sent: " + e.getMessage());
    }
    return builder.build();
  }

  private URI allowedUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw Payloads.bad("has a url that cannot be parsed: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw Payloads.bad("url must be an absolute http:// or https:// URL, not '" + url + "'");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!allowlist.contains(host)) {
      throw TaskFailureException.permanent(
          NOT_ALLOWED, "host '" + host + "' is not on this agent's --http-allowlist " + allowlist);
    }
    return uri;
  }

  private JsonNode outcome(HttpRequest request, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (status < 200 || status > 299) {
      boolean retryable = status == 408 || status == 429 || status >= 500;
      throw new TaskFailureException(
          HTTP_STATUS,
          "HTTP "
              + status
              + " from "
              + request.method()
              + " "
              + request.uri()
              + ": "
              + head(body, ERROR_BODY_CHARS),
          retryable);
    }
    ObjectNode output = Json.mapper().createObjectNode();
    output.put("status", status);
    output.put("body", head(body, maxOutputBytes));
    output.put("bodyTruncated", body.length() > maxOutputBytes);
    return output;
  }

  private static String head(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars);
  }
}
