package io.yardmaster.kafka.internal;

import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One combined broker+controller node running in this JVM. {@link #start()} blocks until the node
 * has joined a controller quorum and its broker is unfenced, so the nodes of a cluster must be
 * started in parallel. {@link #stop()} takes no lock, so another thread may call it to abort a
 * start that still blocks.
 */
public final class KafkaNode {
  private final int id;
  private final Properties props;
  private final AtomicReference<KafkaRaftServer> server = new AtomicReference<>();

  public KafkaNode(int id, Properties props) {
    this.id = id;
    this.props = Objects.requireNonNull(props, "props can't be null");
  }

  public int id() {
    return id;
  }

  public boolean isRunning() {
    return server.get() != null;
  }

  /** Starts the node on its (already formatted) storage; a running node is left alone. */
  public synchronized void start() {
    if (server.get() != null) {
      return;
    }
    KafkaRaftServer starting =
        new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.set(starting);
    try {
      starting.startup();
    } catch (RuntimeException | Error e) {
      if (server.compareAndSet(starting, null)) {
        try {
          starting.shutdown();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Stops the node and waits until it is down; a stopped node is left alone. */
  public void stop() {
    KafkaRaftServer running = server.getAndSet(null);
    if (running != null) {
      running.shutdown();
      running.awaitShutdown();
    }
  }
}
