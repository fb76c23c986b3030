package io.yardmaster.worker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class AgentPartitionTest {

  @Test
  void shouldMatchProducerDefaultPartitioningWhenKeyIsAgentId() {
    // GIVEN many agent ids and partition counts
    for (int partitions : new int[] {1, 3, 6, 12, 50}) {
      for (int i = 0; i < 200; i++) {
        String agentId = "host-" + i + "-pool-" + (i % 7);
        // WHEN the agent works out its partition
        int own = AgentPartition.of(agentId, partitions);
        // THEN it is where the producer's default partitioner puts records keyed by that id
        int producers =
            BuiltInPartitioner.partitionForKey(
                agentId.getBytes(StandardCharsets.UTF_8), partitions);
        assertThat(own).isEqualTo(producers);
      }
    }
  }

  @Test
  void shouldRefuseZeroPartitionsWhenTopicIsEmpty() {
    assertThatThrownBy(() -> AgentPartition.of("a", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
