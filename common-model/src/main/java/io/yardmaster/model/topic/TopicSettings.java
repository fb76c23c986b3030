package io.yardmaster.model.topic;

import java.time.Duration;
import java.util.Objects;

/**
 * How the contract's topics are created: partitions of the fixed topics and of each pool's
 * assignment topic, the replication factor, and how long an Admin call may wait for the cluster.
 *
 * @param partitions partitions of every fixed topic ({@code tasks.submit}, {@code tasks.state}…)
 * @param assignmentPartitions partitions of each {@code pool.<pool>.assignments} topic
 * @param replicationFactor replicas of every topic (1 for a single broker, 3 in production)
 * @param timeout how long one Admin call may take before provisioning fails with a clear error
 */
public record TopicSettings(
    int partitions, int assignmentPartitions, short replicationFactor, Duration timeout) {
  public static final int DEFAULT_PARTITIONS = 6;
  public static final short DEFAULT_REPLICATION_FACTOR = 1;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  public TopicSettings {
    Objects.requireNonNull(timeout, "timeout can't be null");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
    if (assignmentPartitions < 1) {
      throw new IllegalArgumentException(
          "assignmentPartitions must be >= 1, was " + assignmentPartitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replicationFactor must be >= 1, was " + replicationFactor);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** 6 partitions everywhere, replication 1 (one broker), 15 s per Admin call. */
  public static TopicSettings defaults() {
    return new TopicSettings(
        DEFAULT_PARTITIONS, DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR, DEFAULT_TIMEOUT);
  }

  /** The same partitions for the fixed and the assignment topics. */
  public static TopicSettings of(int partitions, int replicationFactor) {
    return new TopicSettings(
        partitions, partitions, checkShort(replicationFactor), DEFAULT_TIMEOUT);
  }

  public TopicSettings withPartitions(int fixed, int assignments) {
    return new TopicSettings(fixed, assignments, replicationFactor, timeout);
  }

  public TopicSettings withReplicationFactor(int replicas) {
    return new TopicSettings(partitions, assignmentPartitions, checkShort(replicas), timeout);
  }

  public TopicSettings withTimeout(Duration newTimeout) {
    return new TopicSettings(partitions, assignmentPartitions, replicationFactor, newTimeout);
  }

  private static short checkShort(int replicas) {
    if (replicas < 1 || replicas > Short.MAX_VALUE) {
      throw new IllegalArgumentException("replicationFactor must be >= 1, was " + replicas);
    }
    return (short) replicas;
  }
}
