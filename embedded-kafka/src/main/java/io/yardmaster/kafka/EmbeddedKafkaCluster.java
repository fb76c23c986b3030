package io.yardmaster.kafka;

import io.yardmaster.kafka.internal.Folders;
import io.yardmaster.kafka.internal.FreePorts;
import io.yardmaster.kafka.internal.KafkaNode;
import io.yardmaster.kafka.internal.NodeConfig;
import io.yardmaster.kafka.internal.StorageFormatter;
import io.yardmaster.model.config.KafkaClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft Kafka cluster inside this JVM: one or more combined broker+controller nodes that
 * listen (and advertise) on 127.0.0.1 only, on free ports, with a fresh data folder. Needs no
 * Docker and starts one node in about 3 s.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode().start()) {
 *   Properties props = kafka.clientSettings().baseProperties();
 *   ...
 * }
 * }</pre>
 *
 * <p>Nodes start in parallel (each blocks until a controller quorum exists) and stop in parallel
 * (stopping them one by one hangs once the last ones have lost their controller majority).
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
  private static final long STOP_TIMEOUT_SECONDS = 60;

  private final ClusterOptions options;
  private final List<KafkaNode> nodes = new ArrayList<>();
  private final List<Integer> brokerPorts = new ArrayList<>();
  private final List<Integer> controllerPorts = new ArrayList<>();
  private Path dataDir;
  private boolean deleteOnClose;
  private String clusterId;
  private boolean closed;

  public EmbeddedKafkaCluster(ClusterOptions options) {
    this.options = Objects.requireNonNull(options, "options can't be null");
  }

  /** A one-node cluster with the default options (not started yet). */
  public static EmbeddedKafkaCluster singleNode() {
    return new EmbeddedKafkaCluster(ClusterOptions.defaults());
  }

  /** A cluster of {@code count} nodes with otherwise default options (not started yet). */
  public static EmbeddedKafkaCluster withNodes(int count) {
    return new EmbeddedKafkaCluster(ClusterOptions.defaults().withNodes(count));
  }

  /**
   * Formats the storage and starts every node in parallel; returns once every broker is unfenced.
   * On failure, whatever started is stopped again and an {@link EmbeddedKafkaException} says why.
   */
  public synchronized EmbeddedKafkaCluster start() {
    if (closed) {
      throw new IllegalStateException("the cluster is closed; create a new one");
    }
    if (!nodes.isEmpty()) {
      return this;
    }
    long began = System.nanoTime();
    try {
      prepare();
      runOnAll(nodes, KafkaNode::start, options.startTimeout().toMillis(), "start");
    } catch (RuntimeException e) {
      LOG.error("the embedded Kafka cluster did not start", e);
      close();
      throw e instanceof EmbeddedKafkaException
          ? e
          : new EmbeddedKafkaException("the embedded Kafka cluster did not start", e);
    }
    LOG.info(
        "embedded Kafka cluster {} with {} node(s) ready at {} in {} ms (data in {})",
        clusterId,
        nodes.size(),
        bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
        dataDir);
    return this;
  }

  private void prepare() {
    int count = options.nodes();
    deleteOnClose = options.deleteOnClose();
    dataDir = options.dataDir() == null ? Folders.freshTempDir("kafka-") : options.dataDir();
    if (options.firstBrokerPort() == 0) {
      List<Integer> ports = FreePorts.pick(2 * count);
      brokerPorts.addAll(ports.subList(0, count));
      controllerPorts.addAll(ports.subList(count, 2 * count));
    } else {
      IntStream.range(0, count).forEach(i -> brokerPorts.add(options.firstBrokerPort() + i));
      controllerPorts.addAll(FreePorts.pick(count));
    }
    clusterId = clusterIdOf(dataDir);
    for (int i = 0; i < count; i++) {
      Path nodeDir = dataDir.resolve("node-" + i);
      Properties props =
          NodeConfig.of(
              i,
              brokerPorts,
              controllerPorts,
              nodeDir.resolve("log"),
              options.brokerProperties(),
              options.scram());
      List<String> formatArgs =
          options.scram() == null
              ? List.of()
              : List.of(
                  "--add-scram",
                  ScramSecurity.MECHANISM
                      + "=[name="
                      + options.scram().superUser()
                      + ",password="
                      + options.scram().superPassword()
                      + "]");
      String output =
          StorageFormatter.format(
              clusterId, props, nodeDir.resolve("server.properties"), formatArgs);
      LOG.debug("formatted node {}: {}", i, output.strip());
      nodes.add(new KafkaNode(i, props));
    }
  }

  /** {@code 127.0.0.1:port} of every node's broker listener, comma-separated. */
  public synchronized String bootstrapServers() {
    checkStarted();
    return brokerPorts.stream()
        .map(p -> NodeConfig.HOST + ":" + p)
        .collect(Collectors.joining(","));
  }

  /**
   * Client settings for this cluster: its bootstrap servers and no extra properties, or, when it
   * has a SCRAM listener, the login of its super user.
   */
  public KafkaClientSettings clientSettings() {
    ScramSecurity scram = options.scram();
    return scram == null
        ? KafkaClientSettings.of(bootstrapServers())
        : clientSettings(scram.superUser(), scram.superPassword());
  }

  /** Client settings that log in to this cluster's SCRAM listener as {@code user}. */
  public KafkaClientSettings clientSettings(String user, String password) {
    if (options.scram() == null) {
      throw new IllegalStateException("this cluster has no SCRAM listener");
    }
    return ScramSecurity.clientSettings(bootstrapServers(), user, password);
  }

  public int nodeCount() {
    return options.nodes();
  }

  /** The client (broker listener) port of node {@code node}. */
  public synchronized int brokerPort(int node) {
    checkStarted();
    return brokerPorts.get(Objects.checkIndex(node, brokerPorts.size()));
  }

  /** The controller listener port of node {@code node}. */
  public synchronized int controllerPort(int node) {
    checkStarted();
    return controllerPorts.get(Objects.checkIndex(node, controllerPorts.size()));
  }

  public synchronized Path dataDir() {
    checkStarted();
    return dataDir;
  }

  public synchronized String clusterId() {
    checkStarted();
    return clusterId;
  }

  public synchronized boolean isRunning(int node) {
    checkStarted();
    return nodes.get(Objects.checkIndex(node, nodes.size())).isRunning();
  }

  /** Stops one node (a clean shutdown), keeping its data for {@link #startNode}. */
  public void stopNode(int node) {
    KafkaNode n = node(node);
    runOnAll(List.of(n), KafkaNode::stop, TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS), "stop");
    LOG.info("stopped node {}", node);
  }

  /** Starts a stopped node again on its old data; blocks until its broker is unfenced. */
  public void startNode(int node) {
    KafkaNode n = node(node);
    runOnAll(List.of(n), KafkaNode::start, options.startTimeout().toMillis(), "start");
    LOG.info("started node {} again", node);
  }

  private synchronized KafkaNode node(int node) {
    checkStarted();
    if (closed) {
      throw new IllegalStateException("the cluster is closed");
    }
    return nodes.get(Objects.checkIndex(node, nodes.size()));
  }

  /** Stops every node in parallel and deletes the data folder (unless told to keep it). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      runOnAll(nodes, KafkaNode::stop, TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS), "stop");
    } catch (EmbeddedKafkaException e) {
      LOG.warn("the embedded Kafka cluster did not stop cleanly", e);
    }
    if (dataDir != null && deleteOnClose) {
      try {
        Folders.deleteRecursively(dataDir);
      } catch (IOException e) {
        LOG.warn("cannot delete the data folder {}", dataDir, e);
      }
    }
    if (clusterId != null) {
      LOG.info("embedded Kafka cluster {} stopped", clusterId);
    }
  }

  private void checkStarted() {
    if (nodes.isEmpty() && !closed) {
      throw new IllegalStateException("the cluster is not started; call start() first");
    }
  }

  /** Runs {@code action} on each node in its own thread, waiting for all of them. */
  private static void runOnAll(
      List<KafkaNode> targets, Consumer<KafkaNode> action, long timeoutMs, String verb) {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (KafkaNode node : targets) {
      CompletableFuture<Void> future = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  action.accept(node);
                  future.complete(null);
                } catch (Throwable t) { // report every failure, whatever it is
                  future.completeExceptionally(t);
                }
              },
              "embedded-kafka-" + verb + "-node-" + node.id());
      thread.setDaemon(true);
      thread.start();
      futures.add(future);
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("interrupted while waiting for nodes to " + verb, e);
    } catch (TimeoutException e) {
      throw new EmbeddedKafkaException(
          "nodes did not " + verb + " within " + timeoutMs + " ms (is the machine overloaded?)", e);
    } catch (ExecutionException e) {
      throw new EmbeddedKafkaException(
          "a node failed to " + verb + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The cluster id of data formatted by an earlier run in {@code dir}, or a new one. */
  private static String clusterIdOf(Path dir) {
    Path meta = dir.resolve("node-0").resolve("log").resolve("meta.properties");
    if (!Files.isReadable(meta)) {
      return Uuid.randomUuid().toString();
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      props.load(in);
    } catch (IOException e) {
      throw new EmbeddedKafkaException("cannot read " + meta, e);
    }
    String id = props.getProperty("cluster.id");
    if (id == null || id.isBlank()) {
      throw new EmbeddedKafkaException(meta + " names no cluster.id; delete " + dir);
    }
    return id;
  }
}
