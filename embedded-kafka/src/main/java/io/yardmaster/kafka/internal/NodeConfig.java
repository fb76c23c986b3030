package io.yardmaster.kafka.internal;

import io.yardmaster.kafka.ScramSecurity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The server properties of one combined broker+controller node of a local cluster: every listener
 * and advertised listener on 127.0.0.1, a static controller quorum of all nodes, internal topics
 * replicated as far as the node count allows, no automatic topic creation, and small buffers.
 */
public final class NodeConfig {
  public static final String HOST = "127.0.0.1";
  public static final String BROKER_LISTENER = "PLAINTEXT";
  public static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** Partitions of each internal topic: enough for a local cluster, quick to create. */
  static final String INTERNAL_TOPIC_PARTITIONS = "5";

  /**
   * A node that comes back with the same id is refused until the session of its previous
   * incarnation expires (9 s by default), so sessions are short: a restarted node (after {@code
   * stopNode} or a crash) is back within about 4 s.
   */
  static final String BROKER_SESSION_TIMEOUT_MS = "4000";

  static final String BROKER_HEARTBEAT_INTERVAL_MS = "1000";

  /** 2 MiB: the default reserves 128 MiB of heap for the log cleaner. */
  static final String CLEANER_DEDUPE_BUFFER_BYTES = Integer.toString(2 * 1024 * 1024);

  private NodeConfig() {}

  private static void secure(Properties p, ScramSecurity scram, String listeners) {
    String listener = ScramSecurity.LISTENER;
    p.put("listeners", listeners);
    p.put("advertised.listeners", listeners);
    p.put(
        "listener.security.protocol.map",
        listener + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", listener);
    p.put("sasl.enabled.mechanisms", ScramSecurity.MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", ScramSecurity.MECHANISM);
    p.put(
        "listener.name."
            + listener.toLowerCase(java.util.Locale.ROOT)
            + "."
            + ScramSecurity.MECHANISM.toLowerCase(java.util.Locale.ROOT)
            + ".sasl.jaas.config",
        ScramSecurity.clientProperties(scram.superUser(), scram.superPassword())
            .get("sasl.jaas.config"));
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    // brokers reach the controllers on the PLAINTEXT controller listener as ANONYMOUS
    p.put("super.users", "User:" + scram.superUser() + ";User:ANONYMOUS");
    p.put("allow.everyone.if.no.acl.found", "false");
  }

  /**
   * The properties of node {@code nodeId} of a cluster whose nodes listen on {@code brokerPorts}
   * and {@code controllerPorts} (indexed by node id), with {@code overrides} applied last.
   */
  public static Properties of(
      int nodeId,
      List<Integer> brokerPorts,
      List<Integer> controllerPorts,
      Path logDir,
      Map<String, String> overrides) {
    return of(nodeId, brokerPorts, controllerPorts, logDir, overrides, null);
  }

  /**
   * As {@link #of(int, List, List, Path, Map)}, with the client listener on SASL_PLAINTEXT with
   * SCRAM-SHA-256 (brokers log in to each other as the super user) and the StandardAuthorizer when
   * {@code scram} is not null.
   */
  public static Properties of(
      int nodeId,
      List<Integer> brokerPorts,
      List<Integer> controllerPorts,
      Path logDir,
      Map<String, String> overrides,
      ScramSecurity scram) {
    Objects.requireNonNull(logDir, "logDir can't be null");
    if (brokerPorts.size() != controllerPorts.size()) {
      throw new IllegalArgumentException("one broker and one controller port per node");
    }
    int nodes = brokerPorts.size();
    String replicas = Integer.toString(Math.min(nodes, 3));
    String minIsr = Integer.toString(Math.min(nodes, 2));
    String listeners =
        BROKER_LISTENER
            + "://"
            + HOST
            + ":"
            + brokerPorts.get(nodeId)
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPorts.get(nodeId);
    String voters =
        IntStream.range(0, nodes)
            .mapToObj(i -> i + "@" + HOST + ":" + controllerPorts.get(i))
            .collect(Collectors.joining(","));

    Properties p = new Properties();
    p.put("node.id", Integer.toString(nodeId));
    p.put("process.roles", "broker,controller");
    p.put("listeners", listeners);
    p.put("advertised.listeners", listeners);
    p.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("controller.quorum.voters", voters);
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", replicas);
    p.put("offsets.topic.replication.factor", replicas);
    p.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("transaction.state.log.replication.factor", replicas);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("share.coordinator.state.topic.replication.factor", replicas);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("share.coordinator.state.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES);
    p.put("broker.session.timeout.ms", BROKER_SESSION_TIMEOUT_MS);
    p.put("broker.heartbeat.interval.ms", BROKER_HEARTBEAT_INTERVAL_MS);
    if (scram != null) {
      secure(p, scram, listeners.replace(BROKER_LISTENER + "://", ScramSecurity.LISTENER + "://"));
    }
    overrides.forEach(p::put);
    return p;
  }
}
