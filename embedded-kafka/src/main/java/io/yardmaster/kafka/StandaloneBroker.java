package io.yardmaster.kafka;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a one-node Kafka cluster as its own process, for the local one-command run and benchmarks.
 *
 * <pre>
 * java -cp ... io.yardmaster.kafka.StandaloneBroker --data-dir D [--port P] [--keep-data]
 * </pre>
 *
 * <p>Prints {@code BOOTSTRAP=127.0.0.1:port} on stdout once the broker is ready, and nothing else
 * on stdout. Broker logs go to {@code D/broker.log}, errors also to stderr. SIGTERM (or Ctrl-C)
 * stops the broker cleanly and deletes its data ({@code D/kafka-data}) unless {@code --keep-data}.
 * A data folder left by a crash is reused, so a restarted broker keeps its topics.
 */
public final class StandaloneBroker {
  static final String BOOTSTRAP_PREFIX = "BOOTSTRAP=";
  static final String LOG_FILE_PROPERTY = "yard.broker.log.file";
  private static final String LOG_CONFIG = "standalone-broker-log4j2.xml";
  private static final String USAGE =
      "usage: StandaloneBroker --data-dir DIR [--port PORT] [--keep-data]";

  /** The parsed command line. */
  record Args(Path dataDir, int port, boolean keepData) {
    static Args parse(String... args) {
      Path dataDir = null;
      int port = 0;
      boolean keepData = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
          case "--port" -> port = port(value(args, ++i, "--port"));
          case "--keep-data" -> keepData = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dataDir == null) {
        throw new IllegalArgumentException("--data-dir is required");
      }
      return new Args(dataDir.toAbsolutePath(), port, keepData);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int port(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port < 0 || port > 65_535) {
          throw new IllegalArgumentException("--port must be 0-65535, was " + text);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, was " + text, e);
      }
    }

    ClusterOptions clusterOptions() {
      return ClusterOptions.defaults()
          .withDataDir(dataDir.resolve("kafka-data"))
          .withFirstBrokerPort(port)
          .withDeleteOnClose(!keepData);
    }
  }

  private StandaloneBroker() {}

  public static void main(String[] argv) throws Exception {
    Args args;
    try {
      args = Args.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Files.createDirectories(args.dataDir());
    configureLogging(args.dataDir().resolve("broker.log"));

    EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(args.clusterOptions());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cluster.close();
                  stopped.countDown();
                },
                "standalone-broker-stop"));
    try {
      cluster.start();
    } catch (RuntimeException e) {
      System.err.println("the broker did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    PrintStream out = System.out;
    out.println(BOOTSTRAP_PREFIX + cluster.bootstrapServers());
    out.flush();
    stopped.await();
  }

  /** Sends the logs to {@code logFile}, unless the caller chose a log4j2 configuration. */
  private static void configureLogging(Path logFile) {
    if (System.getProperty("log4j2.configurationFile") != null
        || System.getProperty("log4j.configurationFile") != null) {
      return;
    }
    System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
    java.net.URL config = StandaloneBroker.class.getResource(LOG_CONFIG);
    if (config != null) {
      System.setProperty("log4j2.configurationFile", config.toString());
    }
  }
}
