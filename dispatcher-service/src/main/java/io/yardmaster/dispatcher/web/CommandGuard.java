package io.yardmaster.dispatcher.web;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Decides whether a state-changing request may go ahead: never when read-only; with a token, only
 * when it carries the token in {@value WebOptions#TOKEN_HEADER}; and never from a page of another
 * origin (a browser's {@code Origin} header must name this server).
 */
final class CommandGuard {
  private final WebOptions options;

  CommandGuard(WebOptions options) {
    this.options = options;
  }

  /** Why the request is refused (status and message), or empty when it may go ahead. */
  Optional<ApiModels.ErrorMessage> refusal(Headers headers) {
    if (options.readOnly()) {
      return Optional.of(
          new ApiModels.ErrorMessage(403, "the dashboard is read-only (--http-read-only)"));
    }
    String origin = headers.getFirst("Origin");
    String host = headers.getFirst("Host");
    if (origin != null && !origin.equals("http://" + host)) {
      return Optional.of(
          new ApiModels.ErrorMessage(403, "requests from another origin may not change state"));
    }
    if (options.token() != null) {
      String given = headers.getFirst(WebOptions.TOKEN_HEADER);
      if (given == null
          || !MessageDigest.isEqual(
              given.getBytes(StandardCharsets.UTF_8),
              options.token().getBytes(StandardCharsets.UTF_8))) {
        return Optional.of(
            new ApiModels.ErrorMessage(
                401,
                "missing or wrong token: send it in the " + WebOptions.TOKEN_HEADER + " header"));
      }
    }
    return Optional.empty();
  }
}
