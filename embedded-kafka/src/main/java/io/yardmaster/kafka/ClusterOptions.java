package io.yardmaster.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link EmbeddedKafkaCluster} is laid out: the number of combined broker+controller nodes,
 * the data folder, the first broker port, whether the folder is deleted on close, how long a start
 * may take, and broker properties that override the built-in ones.
 *
 * @param nodes combined broker+controller nodes, 1 or more
 * @param dataDir the folder holding every node's data; null: a fresh temporary folder under {@code
 *     target/} when the working folder has one, else under the system temporary folder
 * @param firstBrokerPort the client port of node 0 (node i gets {@code firstBrokerPort + i}); 0:
 *     free ports
 * @param deleteOnClose whether {@link EmbeddedKafkaCluster#close()} deletes the data folder
 * @param startTimeout how long starting all nodes may take
 * @param brokerProperties broker settings that override the built-in ones
 * @param scram a SASL_PLAINTEXT SCRAM-SHA-256 client listener with ACLs; null (the default): a
 *     PLAINTEXT listener open to all
 */
public record ClusterOptions(
    int nodes,
    Path dataDir,
    int firstBrokerPort,
    boolean deleteOnClose,
    Duration startTimeout,
    Map<String, String> brokerProperties,
    ScramSecurity scram) {
  public static final int DEFAULT_NODES = 1;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  public ClusterOptions {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be >= 1, was " + nodes);
    }
    if (firstBrokerPort < 0 || firstBrokerPort + nodes - 1 > 65_535) {
      throw new IllegalArgumentException(
          "firstBrokerPort must be 0 (free ports) or leave room for "
              + nodes
              + " ports up to 65535, was "
              + firstBrokerPort);
    }
    Objects.requireNonNull(startTimeout, "startTimeout can't be null");
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
    }
    brokerProperties = brokerProperties == null ? Map.of() : Map.copyOf(brokerProperties);
  }

  /** Options without security (a PLAINTEXT listener open to all). */
  public ClusterOptions(
      int nodes,
      Path dataDir,
      int firstBrokerPort,
      boolean deleteOnClose,
      Duration startTimeout,
      Map<String, String> brokerProperties) {
    this(nodes, dataDir, firstBrokerPort, deleteOnClose, startTimeout, brokerProperties, null);
  }

  /** These options with a SASL SCRAM-SHA-256 client listener and ACLs enforced. */
  public ClusterOptions withScram(ScramSecurity security) {
    Objects.requireNonNull(security, "security can't be null");
    return new ClusterOptions(
        nodes, dataDir, firstBrokerPort, deleteOnClose, startTimeout, brokerProperties, security);
  }

  /** One node, free ports, a fresh temporary folder deleted on close. */
  public static ClusterOptions defaults() {
    return new ClusterOptions(DEFAULT_NODES, null, 0, true, DEFAULT_START_TIMEOUT, Map.of());
  }

  public ClusterOptions withNodes(int count) {
    return new ClusterOptions(
        count, dataDir, firstBrokerPort, deleteOnClose, startTimeout, brokerProperties, scram);
  }

  public ClusterOptions withDataDir(Path dir) {
    return new ClusterOptions(
        nodes, dir, firstBrokerPort, deleteOnClose, startTimeout, brokerProperties, scram);
  }

  public ClusterOptions withFirstBrokerPort(int port) {
    return new ClusterOptions(
        nodes, dataDir, port, deleteOnClose, startTimeout, brokerProperties, scram);
  }

  public ClusterOptions withDeleteOnClose(boolean delete) {
    return new ClusterOptions(
        nodes, dataDir, firstBrokerPort, delete, startTimeout, brokerProperties, scram);
  }

  public ClusterOptions withStartTimeout(Duration timeout) {
    return new ClusterOptions(
        nodes, dataDir, firstBrokerPort, deleteOnClose, timeout, brokerProperties, scram);
  }

  /** These options plus one broker property (overriding a built-in one of the same name). */
  public ClusterOptions withBrokerProperty(String name, String value) {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(value, "value can't be null");
    Map<String, String> props = new HashMap<>(brokerProperties);
    props.put(name, value);
    return new ClusterOptions(
        nodes, dataDir, firstBrokerPort, deleteOnClose, startTimeout, props, scram);
  }
}
