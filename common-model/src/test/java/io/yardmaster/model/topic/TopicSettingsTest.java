package io.yardmaster.model.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

  @Test
  void shouldUseSixPartitionsOneReplicaAndFifteenSecondsWhenDefaulted() {
    // GIVEN / WHEN the defaults / THEN they are the documented ones
    TopicSettings settings = TopicSettings.defaults();
    assertThat(settings.partitions()).isEqualTo(6);
    assertThat(settings.assignmentPartitions()).isEqualTo(6);
    assertThat(settings.replicationFactor()).isEqualTo((short) 1);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void shouldRejectSettingsThatCannotWorkWhenBuilt() {
    // GIVEN / WHEN impossible values / THEN each is refused with its name
    assertThatThrownBy(() -> TopicSettings.of(0, 1)).hasMessageContaining("partitions");
    assertThatThrownBy(() -> TopicSettings.of(1, 0)).hasMessageContaining("replicationFactor");
    assertThatThrownBy(() -> TopicSettings.defaults().withPartitions(1, 0))
        .hasMessageContaining("assignmentPartitions");
    assertThatThrownBy(() -> TopicSettings.defaults().withTimeout(Duration.ZERO))
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> TopicSettings.defaults().withTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout can't be null");
    assertThatThrownBy(() -> TopicSettings.defaults().withReplicationFactor(40_000))
        .hasMessageContaining("replicationFactor");
  }

  @Test
  void shouldNameEveryTopicWithThePrefixWhenPoolsAreGiven() {
    // GIVEN topics with a custom prefix
    Topics topics = new Topics("acme-");

    // WHEN the names for one pool are listed
    List<String> names = topics.allNames(List.of("gpu"));

    // THEN every name carries the prefix and the pool topic is last
    assertThat(names).allSatisfy(n -> assertThat(n).startsWith("acme-"));
    assertThat(names).contains("acme-tasks.submit", "acme-tasks.state", "acme-pools.scaling");
    assertThat(names).last().isEqualTo("acme-pool.gpu.assignments");
    assertThat(Topics.withDefaultPrefix().submit().name()).isEqualTo("yard.tasks.submit");
  }

  @Test
  void shouldRejectNamesKafkaCannotTakeWhenPrefixOrPoolIsIllegal() {
    // GIVEN / WHEN illegal prefixes and pool names / THEN refused with a clear message
    assertThatThrownBy(() -> new Topics("a b")).hasMessageContaining("topic prefix 'a b'");
    assertThatThrownBy(() -> new Topics(null)).hasMessage("prefix can't be null");
    assertThatThrownBy(() -> Topics.checkPoolName("")).hasMessageContaining("1-100 characters");
    assertThatThrownBy(() -> Topics.checkPoolName("p".repeat(101)))
        .hasMessageContaining("1-100 characters");
    assertThatThrownBy(() -> Topics.checkPoolName(null)).hasMessage("pool can't be null");
    assertThat(Topics.checkPoolName("gpu_large-2.eu")).isEqualTo("gpu_large-2.eu");
  }
}
