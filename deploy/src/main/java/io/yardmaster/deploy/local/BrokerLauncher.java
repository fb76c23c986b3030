package io.yardmaster.deploy.local;

import io.yardmaster.deploy.RunFailedException;
import io.yardmaster.kafka.StandaloneBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a one-node Kafka cluster as its own process ({@link StandaloneBroker}) and waits for the
 * {@code BOOTSTRAP=host:port} line it prints once ready.
 */
public final class BrokerLauncher {
  static final String BOOTSTRAP_PREFIX = "BOOTSTRAP=";
  private static final Duration CHECK_EVERY = Duration.ofMillis(100);

  private BrokerLauncher() {}

  /** A running broker: its process and bootstrap address. */
  public record Broker(ManagedProcess process, String bootstrapServers) {}

  /**
   * Starts the broker on {@code preferredPort} when it is free (else on a free port), with its data
   * and log under {@code dataDir}.
   */
  public static Broker start(
      ProcessGroup group,
      JavaCommand java,
      Path dataDir,
      Path log,
      int preferredPort,
      Duration timeout) {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    if (preferredPort > 0 && isFree(preferredPort)) {
      args.addAll(List.of("--port", Integer.toString(preferredPort)));
    }
    ManagedProcess broker =
        group.start("kafka", 0, java.command(StandaloneBroker.class, List.of(), args), log);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> bootstrap = bootstrapLine(log);
      if (bootstrap.isPresent()) {
        return new Broker(broker, bootstrap.get());
      }
      if (!broker.isAlive()) {
        throw new RunFailedException(
            "the Kafka broker stopped while starting; its output ("
                + log
                + "):\n  "
                + String.join("\n  ", broker.logTail(20))
                + "\nand its log: "
                + dataDir.resolve("broker.log"));
      }
      pause();
    }
    throw new RunFailedException(
        "the Kafka broker was not ready within "
            + timeout.toSeconds()
            + " s; see "
            + dataDir.resolve("broker.log"));
  }

  static Optional<String> bootstrapLine(Path log) {
    try {
      if (!Files.exists(log)) {
        return Optional.empty();
      }
      return Files.readAllLines(log).stream()
          .filter(l -> l.startsWith(BOOTSTRAP_PREFIX))
          .map(l -> l.substring(BOOTSTRAP_PREFIX.length()).trim())
          .findFirst();
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty(); // written as we read; try again
    }
  }

  /** Whether nothing listens on 127.0.0.1:{@code port}. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(CHECK_EVERY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException("interrupted while waiting for the Kafka broker", e);
    }
  }
}
