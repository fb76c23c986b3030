package io.yardmaster.dispatcher.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK HTTP server behind the dashboard: the page and its script from the classpath, the JSON
 * API under {@code /api}, and Prometheus metrics at {@code /metrics}. It binds at once (so the port
 * is known before Kafka Streams starts) and serves once {@link #start} gives it its routes.
 */
final class DashboardServer implements AutoCloseable {
  static final String METRICS_PATH = "/metrics";
  static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final String STATIC = "/io/yardmaster/dispatcher/web/static/";
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html:text/html; charset=utf-8",
          "/index.html", "index.html:text/html; charset=utf-8",
          "/app.js", "app.js:text/javascript; charset=utf-8",
          "/app.css", "app.css:text/css; charset=utf-8");

  private final HttpServer server;
  private final ExecutorService executor;

  private DashboardServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static DashboardServer bind(WebOptions options) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 0);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "yard-dashboard-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    return new DashboardServer(server, executor);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void start(ApiRoutes api, Supplier<String> metrics) {
    server.createContext("/", exchange -> serve(exchange, api, metrics));
    server.start();
  }

  private static void serve(HttpExchange exchange, ApiRoutes api, Supplier<String> metrics)
      throws IOException {
    try (exchange) {
      try {
        route(exchange, api, metrics);
      } catch (RuntimeException e) {
        LOG.warn("dashboard request {} failed", exchange.getRequestURI(), e);
        HttpResponses.error(exchange, 500, "internal error: " + e.getMessage());
      }
    }
  }

  private static void route(HttpExchange exchange, ApiRoutes api, Supplier<String> metrics)
      throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/api") || path.startsWith("/api/")) {
      api.handle(exchange);
    } else if (!"GET".equals(exchange.getRequestMethod())) {
      HttpResponses.error(exchange, 405, "method not allowed");
    } else if (path.equals(METRICS_PATH)) {
      HttpResponses.text(exchange, PROMETHEUS, metrics.get());
    } else if (FILES.containsKey(path)) {
      staticFile(exchange, FILES.get(path));
    } else {
      HttpResponses.error(exchange, 404, "no such page: " + path);
    }
  }

  private static void staticFile(HttpExchange exchange, String spec) throws IOException {
    int colon = spec.indexOf(':');
    try (InputStream in =
        DashboardServer.class.getResourceAsStream(STATIC + spec.substring(0, colon))) {
      if (in == null) {
        HttpResponses.error(exchange, 500, "the build lacks " + spec.substring(0, colon));
        return;
      }
      HttpResponses.send(exchange, 200, spec.substring(colon + 1), in.readAllBytes());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
