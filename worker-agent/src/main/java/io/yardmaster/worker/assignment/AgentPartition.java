package io.yardmaster.worker.assignment;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a pool's assignment topic that holds one agent's assignments. The dispatcher
 * writes each assignment keyed by the agent id with Kafka's default partitioning of the key
 * (murmur2 of the UTF-8 bytes, made positive, modulo the partition count), so the agent can work
 * out the same partition by itself.
 */
public final class AgentPartition {
  private AgentPartition() {}

  public static int of(String agentId, int partitionCount) {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitionCount must be >= 1");
    }
    byte[] key = agentId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitionCount;
  }
}
