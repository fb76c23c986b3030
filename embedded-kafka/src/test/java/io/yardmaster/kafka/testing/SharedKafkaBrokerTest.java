package io.yardmaster.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.config.KafkaClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedKafkaBrokerTest {

  @Test
  void shouldStartNoBrokerAndUseTheExternalClusterWhenTheEnvironmentNamesOne(@TempDir Path dir)
      throws IOException {
    // GIVEN an environment naming an external cluster and a TLS properties file
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "security.protocol=SSL\n");
    Map<String, String> env =
        Map.of(
            KafkaClientSettings.ENV_BOOTSTRAP,
            " kafka-1:9093,kafka-2:9093 ",
            KafkaClientSettings.ENV_CLIENT_PROPERTIES,
            file.toString());

    // WHEN the shared broker is set up
    try (SharedKafkaBroker.Shared shared = SharedKafkaBroker.Shared.start(env::get)) {
      // THEN no embedded cluster runs, and the settings name the cluster and the extra properties
      assertThat(shared.cluster()).isNull();
      assertThat(shared.settings().bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
      assertThat(shared.settings().extra()).containsEntry("security.protocol", "SSL");
    }
  }

  @Test
  void shouldUseTheEmbeddedBrokerWhenTheEnvironmentNamesNoCluster() {
    // GIVEN / WHEN no bootstrap servers (or blank ones) in the environment
    // THEN there are no external settings
    assertThat(SharedKafkaBroker.externalSettings(name -> null)).isEmpty();
    assertThat(SharedKafkaBroker.externalSettings(name -> " ")).isEmpty();
  }

  @Test
  void shouldFailClearlyWhenThePropertiesFileIsMissing(@TempDir Path dir) {
    // GIVEN an environment naming a properties file that does not exist
    Map<String, String> env =
        Map.of(
            KafkaClientSettings.ENV_BOOTSTRAP,
            "kafka:9093",
            KafkaClientSettings.ENV_CLIENT_PROPERTIES,
            dir.resolve("none").toString());

    // WHEN / THEN the error names the file
    assertThatThrownBy(() -> SharedKafkaBroker.externalSettings(env::get))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("none");
  }
}
