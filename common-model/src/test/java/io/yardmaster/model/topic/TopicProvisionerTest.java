package io.yardmaster.model.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.ProvisioningReport.Difference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {
  private static final Topics TOPICS = new Topics("t.");

  private static TopicProvisioner provisioner(TopicSettings settings) {
    // wanted() never calls the Admin; a proxy that fails on any call proves it
    Admin admin =
        (Admin)
            java.lang.reflect.Proxy.newProxyInstance(
                Admin.class.getClassLoader(),
                new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                  throw new AssertionError("unexpected Admin call " + method.getName());
                });
    return new TopicProvisioner(admin, TOPICS, settings);
  }

  @Test
  void shouldWantEveryFixedTopicAndOneAssignmentTopicPerPoolWhenListingTopics() {
    // GIVEN settings with 4 fixed and 2 assignment partitions, replication 3
    TopicProvisioner provisioner =
        provisioner(TopicSettings.defaults().withPartitions(4, 2).withReplicationFactor(3));

    // WHEN the wanted topics for two pools (one given twice) are listed
    List<TopicSpec> wanted = provisioner.wanted(List.of("gpu", "cpu", "gpu"));

    // THEN every fixed topic is there with the prefix, then one assignment topic per pool
    assertThat(wanted).hasSize(Topics.FIXED.size() + 2);
    assertThat(wanted.stream().map(TopicSpec::name))
        .containsExactlyElementsOf(TOPICS.allNames(List.of("gpu", "cpu")));
    assertThat(wanted)
        .filteredOn(s -> s.name().endsWith(".assignments"))
        .allSatisfy(s -> assertThat(s.partitions()).isEqualTo(2))
        .extracting(TopicSpec::name)
        .containsExactly("t.pool.gpu.assignments", "t.pool.cpu.assignments");
    assertThat(wanted)
        .filteredOn(s -> !s.name().endsWith(".assignments"))
        .allSatisfy(s -> assertThat(s.partitions()).isEqualTo(4));
    assertThat(wanted).allSatisfy(s -> assertThat(s.replicationFactor()).isEqualTo((short) 3));
  }

  @Test
  void shouldCompactExactlyTheCompactedTopicsWhenBuildingRequests() {
    // GIVEN the default settings
    List<TopicSpec> wanted = provisioner(TopicSettings.defaults()).wanted(List.of("p"));

    // WHEN the Admin requests are built
    List<NewTopic> requests = wanted.stream().map(TopicSpec::toNewTopic).toList();

    // THEN tasks.state and pools.status are compacted, every other topic deletes
    assertThat(requests)
        .filteredOn(r -> r.configs().get("cleanup.policy").equals("compact"))
        .extracting(NewTopic::name)
        .containsExactlyInAnyOrder("t.tasks.state", "t.pools.status");
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.numPartitions()).isEqualTo(6))
        .allSatisfy(r -> assertThat(r.replicationFactor()).isEqualTo((short) 1));
  }

  @Test
  void shouldReportNothingWhenAnExistingTopicMatches() {
    // GIVEN an existing compacted topic with 2 partitions of 1 replica
    TopicSpec wanted = new TopicSpec("t.tasks.state", 2, (short) 1, true);

    // WHEN it is compared / THEN nothing differs
    assertThat(wanted.differences(description(2, 1), config("compact"))).isEmpty();
  }

  @Test
  void shouldReportEverySettingWhenAnExistingTopicDiffers() {
    // GIVEN a wanted compacted topic of 6 partitions, 3 replicas
    TopicSpec wanted = new TopicSpec("t.tasks.state", 6, (short) 3, true);

    // WHEN an existing one with 2 partitions, 1 replica and delete policy is compared
    List<Difference> differences = wanted.differences(description(2, 1), config("delete"));

    // THEN each difference names the setting, what is wanted and what is there
    assertThat(differences)
        .containsExactly(
            new Difference("t.tasks.state", Difference.PARTITIONS, "6", "2"),
            new Difference("t.tasks.state", Difference.REPLICATION_FACTOR, "3", "1"),
            new Difference("t.tasks.state", Difference.CLEANUP_POLICY, "compact", "delete"));
    assertThat(differences.get(0).toString()).isEqualTo("t.tasks.state: partitions is 2, wanted 6");
  }

  @Test
  void shouldReportMixedPoliciesWhenACompactedTopicAlsoDeletes() {
    // GIVEN a wanted compacted topic / WHEN it exists as compact,delete
    TopicSpec wanted = new TopicSpec("t.pools.status", 1, (short) 1, true);

    // THEN the cleanup policy differs; an absent config counts as delete
    assertThat(wanted.differences(description(1, 1), config("compact,delete")))
        .extracting(Difference::setting)
        .containsExactly(Difference.CLEANUP_POLICY);
    TopicSpec plain = new TopicSpec("t.tasks.submit", 1, (short) 1, false);
    assertThat(plain.differences(description(1, 1), null)).isEmpty();
  }

  @Test
  void shouldFailFastWithAClearErrorWhenTheBrokerIsUnreachable() throws IOException {
    // GIVEN a port nobody listens on and a 1 s timeout
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    KafkaClientSettings client = KafkaClientSettings.of("127.0.0.1:" + port);
    TopicSettings settings = TopicSettings.defaults().withTimeout(Duration.ofSeconds(1));
    long began = System.nanoTime();

    // WHEN the topics are ensured / THEN a clear error comes within a few seconds
    assertThatThrownBy(() -> TopicProvisioner.ensure(client, TOPICS, settings, List.of("p")))
        .isInstanceOf(TopicProvisioningException.class)
        .hasMessageContaining("did not answer within 1 s")
        .hasMessageContaining("list the topics");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void shouldBoundAdminTimeoutsWhenBuildingAdminProperties() {
    // GIVEN settings with a 15 s timeout
    Properties props =
        TopicProvisioner.adminProperties(
            KafkaClientSettings.of("h:9092"), TopicSettings.defaults());

    // WHEN / THEN the Admin's timeouts follow it
    assertThat(props.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)).isEqualTo("15000");
    assertThat(props.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo("15000");
    assertThat(props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("h:9092");
  }

  @Test
  void shouldRejectNullArgumentsWhenBuilt() {
    // GIVEN / WHEN nulls / THEN the checks name them
    assertThatThrownBy(() -> new TopicProvisioner(null, TOPICS, TopicSettings.defaults()))
        .hasMessage("admin can't be null");
    assertThatThrownBy(() -> provisioner(TopicSettings.defaults()).wanted(null))
        .hasMessage("pools can't be null");
  }

  @Test
  void shouldSayWhatDiffersWhenAReportIsDescribed() {
    // GIVEN a report with one of each
    ProvisioningReport report =
        new ProvisioningReport(
            List.of("a"),
            List.of("b"),
            List.of(new Difference("b", Difference.PARTITIONS, "6", "1")));

    // WHEN / THEN it reads well and is not consistent
    assertThat(report.isConsistent()).isFalse();
    assertThat(report.differing()).containsExactly("b");
    assertThat(report.describe())
        .containsExactly("created  a", "exists   b", "DIFFERS  b: partitions is 1, wanted 6");
  }

  private static TopicDescription description(int partitions, int replicas) {
    List<Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      nodes.add(new Node(i, "127.0.0.1", 9092 + i));
    }
    List<TopicPartitionInfo> infos = new java.util.ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      infos.add(new TopicPartitionInfo(p, nodes.get(0), nodes, nodes));
    }
    return new TopicDescription("any", false, Collections.unmodifiableList(infos));
  }

  private static Config config(String cleanupPolicy) {
    return new Config(List.of(new ConfigEntry("cleanup.policy", cleanupPolicy)));
  }
}
