package io.yardmaster.deploy.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** Which partition Kafka's default partitioner gives a record key. */
public final class KeyPartitions {
  private KeyPartitions() {}

  /** The partition of a UTF-8 string key, as the producers of every Yardmaster topic choose it. */
  public static int partitionOf(String key, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
  }
}
