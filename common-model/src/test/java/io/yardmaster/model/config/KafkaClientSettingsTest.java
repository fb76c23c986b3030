package io.yardmaster.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

  @Test
  void shouldAddTheFilePropertiesWhenLoadingSecuritySettings(@TempDir Path dir) throws IOException {
    // GIVEN a properties file with TLS settings
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/etc/ts.jks\n");

    // WHEN settings are loaded with it
    KafkaClientSettings settings = KafkaClientSettings.load("broker:9093", file);

    // THEN the base properties hold the bootstrap servers and every file property
    Properties props = settings.baseProperties();
    assertThat(props.getProperty("bootstrap.servers")).isEqualTo("broker:9093");
    assertThat(props.getProperty("security.protocol")).isEqualTo("SSL");
    assertThat(props.getProperty("ssl.truststore.location")).isEqualTo("/etc/ts.jks");
  }

  @Test
  void shouldNameTheFileWhenItCannotBeRead(@TempDir Path dir) {
    // GIVEN / WHEN a missing file / THEN the error names the setting and the file
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> KafkaClientSettings.load("b:1", missing))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> assertThat(e.setting()).isEqualTo("Kafka client properties file"))
        .hasMessageContaining(missing.toString());
  }

  @Test
  void shouldRejectMissingBootstrapServersWhenBuilt() {
    // GIVEN / WHEN null or blank bootstrap servers / THEN refused
    assertThatThrownBy(() -> KafkaClientSettings.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("bootstrapServers can't be null");
    assertThatThrownBy(() -> KafkaClientSettings.of(" "))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("bootstrap servers is empty");
    assertThat(KafkaClientSettings.load("b:1", null).extra()).isEmpty();
  }
}
