package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares. */
public final class KafkaOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:YARD_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka to talk to (env YARD_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--kafka-properties",
      paramLabel = "FILE",
      defaultValue = "${env:YARD_KAFKA_PROPERTIES}",
      description = "Extra Kafka client properties, e.g. TLS or SASL (env YARD_KAFKA_PROPERTIES).")
  Path kafkaProperties;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = Topics.DEFAULT_PREFIX,
      description = "Prefix of every topic name (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(
      names = "--kafka-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT10S",
      description =
          "How long to wait for Kafka before giving up (ISO-8601; default: ${DEFAULT-VALUE}).")
  Duration timeout;

  public KafkaClientSettings settings() {
    try {
      return KafkaClientSettings.load(bootstrapServers, kafkaProperties);
    } catch (InvalidSettingException e) {
      throw new BadInputException(
          e.getMessage() + ". Check --bootstrap-servers and --kafka-properties.", e);
    }
  }

  public Topics topics() {
    try {
      return new Topics(topicPrefix);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--topic-prefix: " + e.getMessage(), e);
    }
  }

  /** Clients for the cluster, after checking that it answers. */
  public YardClients connect() {
    return YardClients.connect(settings(), topics(), timeout);
  }
}
