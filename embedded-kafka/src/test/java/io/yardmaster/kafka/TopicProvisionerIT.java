package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.ProvisioningReport;
import io.yardmaster.model.topic.ProvisioningReport.Difference;
import io.yardmaster.model.topic.TopicProvisioner;
import io.yardmaster.model.topic.TopicProvisioningException;
import io.yardmaster.model.topic.TopicSettings;
import io.yardmaster.model.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class TopicProvisionerIT {
  private static final List<String> POOLS = List.of("gpu", "cpu");
  private static final int TOPIC_COUNT = Topics.FIXED.size() + POOLS.size();

  private final KafkaClientSettings kafka;
  private final Topics topics =
      new Topics("it-" + UUID.randomUUID().toString().substring(0, 8) + ".");

  TopicProvisionerIT(KafkaClientSettings kafka) {
    this.kafka = kafka;
  }

  @Test
  void shouldCreateEveryTopicOfTheContractWhenNoneExists() throws Exception {
    // GIVEN a prefix no topic has yet
    TopicSettings settings = TopicSettings.defaults();

    // WHEN the topics are ensured for two pools
    ProvisioningReport report = TopicProvisioner.ensure(kafka, topics, settings, POOLS);

    // THEN all of them are created with 6 partitions, compacted where the contract says so
    assertThat(report.created()).containsExactlyElementsOf(topics.allNames(POOLS));
    assertThat(report.existing()).isEmpty();
    assertThat(report.isConsistent()).isTrue();
    try (Admin admin = Admin.create(kafka.baseProperties())) {
      Map<String, TopicDescription> described =
          admin.describeTopics(report.created()).allTopicNames().get();
      assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(6));
      assertThat(cleanupPolicy(admin, topics.state().name())).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, topics.poolStatus().name())).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, topics.submit().name())).isEqualTo("delete");
    }
  }

  @Test
  void shouldCreateNothingAndReportAllExistingWhenRunTwice() {
    // GIVEN the topics were ensured once
    TopicProvisioner.ensure(kafka, topics, TopicSettings.defaults(), POOLS);

    // WHEN they are ensured again
    ProvisioningReport again =
        TopicProvisioner.ensure(kafka, topics, TopicSettings.defaults(), POOLS);

    // THEN nothing is created, everything exists, and nothing differs
    assertThat(again.created()).isEmpty();
    assertThat(again.existing()).hasSize(TOPIC_COUNT);
    assertThat(again.differences()).isEmpty();
  }

  @Test
  void shouldReportEachDifferenceWhenTopicsExistWithOtherSettings() throws Exception {
    // GIVEN tasks.submit with 2 partitions and tasks.state without compaction
    try (Admin admin = Admin.create(kafka.baseProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.submit().name(), 2, (short) 1),
                  new NewTopic(topics.state().name(), 6, (short) 1)))
          .all()
          .get();
    }

    // WHEN the topics are ensured
    ProvisioningReport report =
        TopicProvisioner.ensure(kafka, topics, TopicSettings.defaults(), POOLS);

    // THEN the others are created, and both differences are reported
    assertThat(report.created()).hasSize(TOPIC_COUNT - 2);
    assertThat(report.existing())
        .containsExactlyInAnyOrder(topics.submit().name(), topics.state().name());
    assertThat(report.differences())
        .containsExactlyInAnyOrder(
            new Difference(topics.submit().name(), Difference.PARTITIONS, "6", "2"),
            new Difference(topics.state().name(), Difference.CLEANUP_POLICY, "compact", "delete"));
    assertThat(report.isConsistent()).isFalse();
  }

  @Test
  void shouldNameTheCauseWhenTopicsCannotBeCreated() {
    // GIVEN a replication factor no test cluster can meet
    TopicSettings settings = TopicSettings.defaults().withReplicationFactor(100);

    // WHEN / THEN provisioning fails and says why
    assertThatThrownBy(() -> TopicProvisioner.ensure(kafka, topics, settings, POOLS))
        .isInstanceOf(TopicProvisioningException.class)
        .hasMessageContaining("could not create " + TOPIC_COUNT + " topic(s)")
        .hasMessageContaining("InvalidReplicationFactorException");
  }

  private static String cleanupPolicy(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get()
        .get(resource)
        .get("cleanup.policy")
        .value();
  }
}
