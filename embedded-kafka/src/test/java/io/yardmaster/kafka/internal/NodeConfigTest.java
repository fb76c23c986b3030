package io.yardmaster.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
  private static final Path LOG_DIR = Path.of("target", "unused");

  @Test
  void shouldListenAndAdvertiseOnLoopbackOnlyWhenBuildingANode() {
    // GIVEN a one-node cluster on ports 9092 (broker) and 9093 (controller)
    // WHEN the node's properties are built
    Properties p = NodeConfig.of(0, List.of(9092), List.of(9093), LOG_DIR, Map.of());

    // THEN every listener, advertised or not, is on 127.0.0.1
    assertThat(p.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    assertThat(p.getProperty("advertised.listeners")).isEqualTo(p.getProperty("listeners"));
    assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("0@127.0.0.1:9093");
    assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
  }

  @Test
  void shouldReplicateInternalTopicsOnceWhenThereIsOneNode() {
    // GIVEN / WHEN one node
    Properties p = NodeConfig.of(0, List.of(1), List.of(2), LOG_DIR, Map.of());

    // THEN every internal topic has one replica and consumers need no second broker
    assertThat(p)
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("share.coordinator.state.topic.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("log.cleaner.dedupe.buffer.size", "2097152");
  }

  @Test
  void shouldNameEveryVoterAndReplicateThriceWhenThereAreThreeNodes() {
    // GIVEN / WHEN node 2 of three
    Properties p = NodeConfig.of(2, List.of(11, 12, 13), List.of(21, 22, 23), LOG_DIR, Map.of());

    // THEN the quorum names all nodes and internal topics use three replicas
    assertThat(p.getProperty("node.id")).isEqualTo("2");
    assertThat(p.getProperty("listeners")).contains("127.0.0.1:13", "127.0.0.1:23");
    assertThat(p.getProperty("controller.quorum.voters"))
        .isEqualTo("0@127.0.0.1:21,1@127.0.0.1:22,2@127.0.0.1:23");
    assertThat(p)
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2");
  }

  @Test
  void shouldLetOverridesWinWhenTheCallerGivesThem() {
    // GIVEN / WHEN an override of a built-in setting
    Properties p =
        NodeConfig.of(
            0, List.of(1), List.of(2), LOG_DIR, Map.of("auto.create.topics.enable", "true"));

    // THEN it wins
    assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("true");
  }

  @Test
  void shouldBeAcceptedByKafkaWhenParsedAsBrokerConfig() {
    // GIVEN the properties of a node
    Properties p = NodeConfig.of(0, List.of(19092), List.of(19093), LOG_DIR, Map.of());

    // WHEN Kafka parses them
    KafkaConfig config = KafkaConfig.fromProps(p, false);

    // THEN it takes them as a combined broker and controller with node id 0
    assertThat(config.nodeId()).isEqualTo(0);
    assertThat(config.autoCreateTopicsEnable()).isFalse();
  }
}
