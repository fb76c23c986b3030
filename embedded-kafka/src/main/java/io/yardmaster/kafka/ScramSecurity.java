package io.yardmaster.kafka;

import io.yardmaster.model.config.KafkaClientSettings;
import java.util.Map;
import java.util.Objects;

/**
 * A SASL_PLAINTEXT client listener with SCRAM-SHA-256 and Kafka's {@code StandardAuthorizer}: every
 * client must log in, and may do only what ACLs allow, except the super user. The super user's
 * credentials are written when the storage is formatted, so brokers can use them between themselves
 * from the first start; create other users with {@code Admin#alterUserScramCredentials} as the
 * super user.
 *
 * <p>The controller listener stays PLAINTEXT on 127.0.0.1 (brokers reach the controllers there as
 * the anonymous principal, which is a super user too): it is not advertised to clients.
 *
 * @param superUser the super user's name
 * @param superPassword its password
 */
public record ScramSecurity(String superUser, String superPassword) {
  public static final String MECHANISM = "SCRAM-SHA-256";
  public static final String LISTENER = "SASL_PLAINTEXT";

  public ScramSecurity {
    Objects.requireNonNull(superUser, "superUser can't be null");
    Objects.requireNonNull(superPassword, "superPassword can't be null");
    if (superUser.isBlank() || superUser.contains("\"") || superPassword.contains("\"")) {
      throw new IllegalArgumentException("user names and passwords must not be blank or hold '\"'");
    }
  }

  /** The client properties that log in as {@code user} with {@code password}. */
  public static Map<String, String> clientProperties(String user, String password) {
    return Map.of(
        "security.protocol", LISTENER,
        "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", jaas(user, password));
  }

  /** Client settings for {@code bootstrapServers} that log in as {@code user}. */
  public static KafkaClientSettings clientSettings(
      String bootstrapServers, String user, String password) {
    return new KafkaClientSettings(bootstrapServers, clientProperties(user, password));
  }

  static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }
}
