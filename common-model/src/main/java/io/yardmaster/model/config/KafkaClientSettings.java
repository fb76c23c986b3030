package io.yardmaster.model.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every Yardmaster process reaches Kafka: the bootstrap servers plus any extra client
 * properties (TLS, SASL…) from a properties file. The one factory for base client properties.
 */
public record KafkaClientSettings(String bootstrapServers, Map<String, String> extra) {
  public static final String ENV_BOOTSTRAP = "YARD_BOOTSTRAP_SERVERS";
  public static final String ENV_CLIENT_PROPERTIES = "YARD_KAFKA_PROPERTIES";

  public KafkaClientSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers can't be null");
    if (bootstrapServers.isBlank()) {
      throw new InvalidSettingException(
          "bootstrap servers", "is empty; give host:port[,host:port] of the Kafka cluster");
    }
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public static KafkaClientSettings of(String bootstrapServers) {
    return new KafkaClientSettings(bootstrapServers, Map.of());
  }

  /** Settings with the extra properties read from {@code file} (null: none). */
  public static KafkaClientSettings load(String bootstrapServers, Path file) {
    if (file == null) {
      return of(bootstrapServers);
    }
    if (!Files.isReadable(file)) {
      throw new InvalidSettingException(
          "Kafka client properties file", file + " does not exist or cannot be read");
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new InvalidSettingException(
          "Kafka client properties file", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> extra = new java.util.HashMap<>();
    props.stringPropertyNames().forEach(n -> extra.put(n, props.getProperty(n)));
    return new KafkaClientSettings(bootstrapServers, extra);
  }

  /** The base properties every client gets: bootstrap servers, then the extra settings. */
  public Properties baseProperties() {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putAll(extra);
    return props;
  }
}
