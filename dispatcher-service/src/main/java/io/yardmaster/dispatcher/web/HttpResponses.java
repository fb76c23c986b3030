package io.yardmaster.dispatcher.web;

import com.sun.net.httpserver.HttpExchange;
import io.yardmaster.model.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes answers: JSON documents, JSON errors, text and bytes. */
final class HttpResponses {
  static final String JSON = "application/json; charset=utf-8";

  private HttpResponses() {}

  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, JSON, Json.mapper().writeValueAsBytes(body));
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, new ApiModels.ErrorMessage(status, message));
  }

  static void text(HttpExchange exchange, String contentType, String body) throws IOException {
    send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
