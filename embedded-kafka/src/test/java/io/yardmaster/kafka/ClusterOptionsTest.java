package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {

  @Test
  void shouldStartOneNodeOnFreePortsInAFreshFolderWhenDefaulted() {
    // GIVEN / WHEN the defaults
    ClusterOptions options = ClusterOptions.defaults();

    // THEN one node, free ports, a temporary folder that is deleted
    assertThat(options.nodes()).isEqualTo(1);
    assertThat(options.firstBrokerPort()).isZero();
    assertThat(options.dataDir()).isNull();
    assertThat(options.deleteOnClose()).isTrue();
    assertThat(options.brokerProperties()).isEmpty();
  }

  @Test
  void shouldKeepEveryOtherValueWhenOneIsChanged() {
    // GIVEN / WHEN options changed one at a time
    ClusterOptions options =
        ClusterOptions.defaults()
            .withNodes(3)
            .withDataDir(Path.of("d"))
            .withFirstBrokerPort(19092)
            .withDeleteOnClose(false)
            .withStartTimeout(Duration.ofSeconds(5))
            .withBrokerProperty("num.io.threads", "2");

    // THEN each change is kept
    assertThat(options)
        .isEqualTo(
            new ClusterOptions(
                3,
                Path.of("d"),
                19092,
                false,
                Duration.ofSeconds(5),
                java.util.Map.of("num.io.threads", "2")));
  }

  @Test
  void shouldRejectLayoutsThatCannotWorkWhenBuilt() {
    // GIVEN / WHEN impossible values / THEN each is refused
    ClusterOptions d = ClusterOptions.defaults();
    assertThatThrownBy(() -> d.withNodes(0)).hasMessageContaining("nodes must be >= 1");
    assertThatThrownBy(() -> d.withFirstBrokerPort(-1)).hasMessageContaining("firstBrokerPort");
    assertThatThrownBy(() -> d.withNodes(3).withFirstBrokerPort(65_534))
        .hasMessageContaining("firstBrokerPort");
    assertThatThrownBy(() -> d.withStartTimeout(Duration.ZERO))
        .hasMessageContaining("startTimeout");
    assertThatThrownBy(() -> d.withStartTimeout(null)).hasMessage("startTimeout can't be null");
    assertThatThrownBy(() -> d.withBrokerProperty(null, "v")).hasMessage("name can't be null");
  }

  @Test
  void shouldRefuseToAnswerWhenTheClusterIsNotStarted() {
    // GIVEN a cluster that was never started
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.singleNode()) {
      // WHEN its address is asked for / THEN it says to start it first
      assertThatThrownBy(cluster::bootstrapServers)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("start()");
    }
    assertThatThrownBy(() -> new EmbeddedKafkaCluster(null)).hasMessage("options can't be null");
  }
}
