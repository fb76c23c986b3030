package io.yardmaster.dispatcher.web;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.metrics.DispatcherMetrics;
import io.yardmaster.dispatcher.topology.OutputObserver;
import io.yardmaster.dispatcher.web.view.ClusterView;
import io.yardmaster.dispatcher.web.view.HistoryRing;
import io.yardmaster.dispatcher.web.view.ViewFeed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's web side: dashboard, JSON API and metrics on one port. {@link #create} binds the
 * port (so this instance's {@code application.server} is known before Kafka Streams starts); {@link
 * #start} begins serving once the streams exist. A port that cannot be bound is reported and leaves
 * the dispatcher running without it.
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

  private final DispatcherConfig config;
  private final WebOptions options;
  private final DashboardServer server;
  private final DispatcherMetrics metrics;
  private final ClusterView view = new ClusterView(ClusterView.DEFAULT_RECENT_TASKS);
  private final HistoryRing history;
  private ViewFeed feed;
  private ControlSender control;
  private ScheduledExecutorService sampler;

  private Dashboard(DispatcherConfig config, WebOptions options, DashboardServer server) {
    this.config = config;
    this.options = options;
    this.server = server;
    this.metrics = server == null ? null : new DispatcherMetrics();
    this.history = new HistoryRing(options.historySamples());
  }

  /** Binds the port when the options enable the web server. */
  public static Dashboard create(DispatcherConfig config, WebOptions options) {
    Objects.requireNonNull(config, "config can't be null");
    Objects.requireNonNull(options, "options can't be null");
    if (!options.enabled()) {
      return new Dashboard(config, options, null);
    }
    try {
      return new Dashboard(config, options, DashboardServer.bind(options));
    } catch (IOException e) {
      String why =
          "dashboard: cannot listen on "
              + options.bindAddress()
              + ":"
              + options.port()
              + " ("
              + e.getMessage()
              + "); running without it (choose another --http-port)";
      LOG.error(why);
      System.out.println(why);
      return new Dashboard(config, options, null);
    }
  }

  /** Adds meters kept elsewhere (such as the desired agent counts) to the metrics endpoint. */
  public void bind(io.micrometer.core.instrument.binder.MeterBinder binder) {
    if (metrics != null) {
      binder.bindTo(metrics.registry());
    }
  }

  /** Feeds the metrics from the scheduler stage's output. */
  public OutputObserver observer() {
    return metrics == null ? OutputObserver.NONE : metrics;
  }

  /** Settings to add to the Kafka Streams properties: this instance's address for lookups. */
  public Map<String, Object> streamsProperties() {
    if (server == null) {
      return Map.of();
    }
    HostInfo self = advertised();
    return Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
  }

  /** Starts serving; the view reads the cluster's topics from their beginning. */
  public synchronized void start(KafkaStreams streams) {
    if (server == null) {
      return;
    }
    metrics.bindStreams(streams);
    feed = new ViewFeed(config.kafka(), config.topics(), view);
    feed.start();
    control = new ControlSender(config.kafka(), config.topics());
    TaskLookup lookup = new TaskLookup(streams, advertised());
    DashboardApi api =
        new DashboardApi(
            view, lookup, options, config.scheduler().missedHeartbeats(), Clock.systemUTC());
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yard-dashboard-history");
              t.setDaemon(true);
              return t;
            });
    long every = options.historyInterval().toMillis();
    sampler.scheduleAtFixedRate(
        () -> history.sample(Clock.systemUTC().instant(), view.pools()),
        0,
        every,
        TimeUnit.MILLISECONDS);
    ExplainRequests explain =
        new ExplainRequests(config.kafka(), config.topics(), control, Duration.ofSeconds(10));
    server.start(new ApiRoutes(api, history, options, lookup, control, explain), metrics::scrape);
    System.out.println("dashboard: " + url());
  }

  /** The port served on, when serving. */
  public OptionalInt port() {
    return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
  }

  /** The page's address, or null when there is no web server. */
  public String url() {
    if (server == null) {
      return null;
    }
    String host = options.bindAddress();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
  }

  private HostInfo advertised() {
    String host = options.advertisedHost();
    if (host == null) {
      host = options.bindAddress();
      if (host.equals("0.0.0.0") || host.equals("::")) {
        try {
          host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
          host = "localhost";
        }
      }
    }
    return new HostInfo(host, server.port());
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
    if (sampler != null) {
      sampler.shutdownNow();
    }
    if (feed != null) {
      feed.close();
    }
    if (control != null) {
      control.close();
    }
    if (metrics != null) {
      metrics.close();
    }
  }
}
