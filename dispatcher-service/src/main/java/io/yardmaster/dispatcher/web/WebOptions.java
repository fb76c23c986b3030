package io.yardmaster.dispatcher.web;

import io.yardmaster.model.config.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the dispatcher's web server (dashboard, JSON API, {@code /metrics}).
 *
 * @param enabled whether to serve at all
 * @param bindAddress the address to listen on (default loopback only)
 * @param port the port; 0 picks a free one
 * @param advertisedHost the host other dispatcher instances reach this one on (null: the bind
 *     address, or this host's name when binding every address)
 * @param readOnly refuse every state-changing request (cancel, replay)
 * @param token when set, state-changing requests must carry it in the {@value #TOKEN_HEADER} header
 * @param historyInterval how often the charts' samples are taken (15 minutes of them are kept)
 */
public record WebOptions(
    boolean enabled,
    String bindAddress,
    int port,
    String advertisedHost,
    boolean readOnly,
    String token,
    Duration historyInterval) {
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_HISTORY_INTERVAL = Duration.ofSeconds(5);
  public static final Duration HISTORY_SPAN = Duration.ofMinutes(15);
  public static final String TOKEN_HEADER = "X-Yard-Token";
  public static final WebOptions OFF =
      new WebOptions(false, DEFAULT_BIND_ADDRESS, 0, null, true, null, DEFAULT_HISTORY_INTERVAL);

  public WebOptions {
    Objects.requireNonNull(bindAddress, "bindAddress can't be null");
    if (port < 0 || port > 65_535) {
      throw new InvalidSettingException("--http-port", "must be 0-65535, was " + port);
    }
    if (token != null && token.isBlank()) {
      token = null;
    }
    historyInterval = historyInterval == null ? DEFAULT_HISTORY_INTERVAL : historyInterval;
    if (historyInterval.isNegative() || historyInterval.isZero()) {
      throw new InvalidSettingException("history interval", "must be positive");
    }
  }

  /** Serves on loopback, on {@code port} (0: any free port), with buttons enabled. */
  public static WebOptions loopback(int port) {
    return new WebOptions(true, DEFAULT_BIND_ADDRESS, port, null, false, null, null);
  }

  public WebOptions withToken(String value) {
    return new WebOptions(
        enabled, bindAddress, port, advertisedHost, readOnly, value, historyInterval);
  }

  public WebOptions withReadOnly(boolean value) {
    return new WebOptions(
        enabled, bindAddress, port, advertisedHost, value, token, historyInterval);
  }

  public WebOptions withHistoryInterval(Duration value) {
    return new WebOptions(enabled, bindAddress, port, advertisedHost, readOnly, token, value);
  }

  /** How many chart samples cover {@link #HISTORY_SPAN}. */
  public int historySamples() {
    return (int) Math.max(2, HISTORY_SPAN.toMillis() / historyInterval.toMillis());
  }
}
