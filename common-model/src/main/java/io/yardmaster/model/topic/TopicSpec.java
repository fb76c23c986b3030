package io.yardmaster.model.topic;

import io.yardmaster.model.topic.ProvisioningReport.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;

/** One topic as the contract wants it: name, partitions, replicas and cleanup policy. */
public record TopicSpec(String name, int partitions, short replicationFactor, boolean compacted) {
  public TopicSpec {
    Objects.requireNonNull(name, "name can't be null");
  }

  /** {@code compact} or {@code delete}. */
  public String cleanupPolicy() {
    return compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
  }

  /** The Admin request that creates this topic. */
  public NewTopic toNewTopic() {
    return new NewTopic(name, partitions, replicationFactor)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy()));
  }

  /**
   * How an existing topic differs from this one (empty when it matches): its partition count, its
   * replication factor (every partition's), and its cleanup policy ({@code config} null or without
   * the entry counts as Kafka's default, {@code delete}).
   */
  public List<Difference> differences(TopicDescription actual, Config config) {
    Objects.requireNonNull(actual, "actual can't be null");
    List<Difference> differences = new ArrayList<>();
    int actualPartitions = actual.partitions().size();
    if (actualPartitions != partitions) {
      differences.add(
          new Difference(
              name,
              Difference.PARTITIONS,
              Integer.toString(partitions),
              Integer.toString(actualPartitions)));
    }
    Set<Integer> replicas = new TreeSet<>();
    for (TopicPartitionInfo p : actual.partitions()) {
      replicas.add(p.replicas().size());
    }
    if (!replicas.isEmpty() && !replicas.equals(Set.of((int) replicationFactor))) {
      differences.add(
          new Difference(
              name,
              Difference.REPLICATION_FACTOR,
              Short.toString(replicationFactor),
              replicas.size() == 1 ? replicas.iterator().next().toString() : replicas.toString()));
    }
    String policy = cleanupPolicyOf(config);
    if (!policies(policy).equals(Set.of(cleanupPolicy()))) {
      differences.add(new Difference(name, Difference.CLEANUP_POLICY, cleanupPolicy(), policy));
    }
    return differences;
  }

  private static String cleanupPolicyOf(Config config) {
    ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    return entry == null || entry.value() == null
        ? TopicConfig.CLEANUP_POLICY_DELETE
        : entry.value();
  }

  private static Set<String> policies(String policy) {
    Set<String> parts = new TreeSet<>();
    for (String p : policy.split(",")) {
      if (!p.isBlank()) {
        parts.add(p.trim().toLowerCase(Locale.ROOT));
      }
    }
    return parts;
  }
}
