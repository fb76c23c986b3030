package io.yardmaster.kafka.testing;

import io.yardmaster.kafka.EmbeddedKafkaCluster;
import io.yardmaster.model.config.KafkaClientSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JUnit 5 extension that gives tests one Kafka broker, shared by every test class of the test run
 * (one JVM): the first class that needs it starts it, and it stops when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(SharedKafkaBroker.class)
 * class SubmitIT {
 *   @Test
 *   void shouldDoXWhenY(KafkaClientSettings kafka) {
 *     try (var producer = new KafkaProducer<>(kafka.baseProperties(), ...)) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Test, constructor and lifecycle method parameters of type {@link KafkaClientSettings} are
 * resolved. When the environment variable {@value KafkaClientSettings#ENV_BOOTSTRAP} is set, no
 * broker is started: the settings name that cluster, with the extra client properties (TLS, SASL…)
 * of the file named by {@value KafkaClientSettings#ENV_CLIENT_PROPERTIES}, if set.
 */
public final class SharedKafkaBroker implements BeforeAllCallback, ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(SharedKafkaBroker.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedKafkaBroker.class);
  private static final String KEY = "shared-kafka-broker";

  /** Starts the shared broker (if needed) before the first test of the class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    settings(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaClientSettings.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return settings(context);
  }

  /** The settings of the shared broker, starting it on first use. */
  public static KafkaClientSettings settings(ExtensionContext context) {
    return shared(context).settings();
  }

  /** The embedded cluster behind the shared broker; empty when tests use an external cluster. */
  public static Optional<EmbeddedKafkaCluster> embeddedCluster(ExtensionContext context) {
    return Optional.ofNullable(shared(context).cluster());
  }

  private static Shared shared(ExtensionContext context) {
    Objects.requireNonNull(context, "context can't be null");
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KEY, k -> Shared.start(System::getenv), Shared.class);
  }

  /**
   * The settings of the external cluster named by the environment, or empty when {@value
   * KafkaClientSettings#ENV_BOOTSTRAP} is not set.
   */
  static Optional<KafkaClientSettings> externalSettings(UnaryOperator<String> env) {
    String bootstrap = env.apply(KafkaClientSettings.ENV_BOOTSTRAP);
    if (bootstrap == null || bootstrap.isBlank()) {
      return Optional.empty();
    }
    String file = env.apply(KafkaClientSettings.ENV_CLIENT_PROPERTIES);
    Path properties = file == null || file.isBlank() ? null : Path.of(file);
    return Optional.of(KafkaClientSettings.load(bootstrap.trim(), properties));
  }

  /**
   * The value kept in the root store: JUnit closes it (it is {@link AutoCloseable}) when the test
   * run ends, which stops the embedded broker.
   */
  record Shared(KafkaClientSettings settings, EmbeddedKafkaCluster cluster)
      implements AutoCloseable {
    static Shared start(UnaryOperator<String> env) {
      Optional<KafkaClientSettings> external = externalSettings(env);
      if (external.isPresent()) {
        LOG.info("tests use the external Kafka cluster at {}", external.get().bootstrapServers());
        return new Shared(external.get(), null);
      }
      // A broker that hits a fatal error while shutting down at the end of the run would call
      // System.exit and take the test JVM with it: in tests it logs instead.
      org.apache.kafka.common.utils.internals.Exit.setExitProcedure(
          (code, message) -> LOG.error("embedded broker asked to exit({}): {}", code, message));
      org.apache.kafka.common.utils.internals.Exit.setHaltProcedure(
          (code, message) -> LOG.error("embedded broker asked to halt({}): {}", code, message));
      EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.singleNode().start();
      return new Shared(cluster.clientSettings(), cluster);
    }

    @Override
    public void close() {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
