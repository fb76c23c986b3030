package io.yardmaster.model.topic;

import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.ProvisioningReport.Difference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every topic of the contract: the fixed topics ({@link Topics#FIXED}) and one assignment
 * topic per pool, compacted where the contract says so. Idempotent: topics that exist are left
 * alone, and the report names each setting in which they differ from what is wanted. Every Admin
 * call is bounded by {@link TopicSettings#timeout()}, so an unreachable cluster fails fast with a
 * clear {@link TopicProvisioningException} instead of hanging.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long GRACE_MS = 2_000;
  private static final long METADATA_RETRY_MS = 100;

  private final Admin admin;
  private final Topics topics;
  private final TopicSettings settings;

  public TopicProvisioner(Admin admin, Topics topics, TopicSettings settings) {
    this.admin = Objects.requireNonNull(admin, "admin can't be null");
    this.topics = Objects.requireNonNull(topics, "topics can't be null");
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
  }

  /** Creates a short-lived Admin for {@code client}, ensures the topics and closes the Admin. */
  public static ProvisioningReport ensure(
      KafkaClientSettings client, Topics topics, TopicSettings settings, Collection<String> pools) {
    Objects.requireNonNull(client, "client can't be null");
    Objects.requireNonNull(settings, "settings can't be null");
    try (Admin admin = Admin.create(adminProperties(client, settings))) {
      return new TopicProvisioner(admin, topics, settings).ensure(pools);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new TopicProvisioningException(
          "cannot reach Kafka at " + client.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  /** Admin client properties whose request and API timeouts follow {@code settings}. */
  public static Properties adminProperties(KafkaClientSettings client, TopicSettings settings) {
    Properties props = client.baseProperties();
    String timeoutMs = Long.toString(settings.timeout().toMillis());
    props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "yard-topic-provisioner");
    return props;
  }

  /** Every topic the contract wants for these pools, in a stable order and without duplicates. */
  public List<TopicSpec> wanted(Collection<String> pools) {
    Objects.requireNonNull(pools, "pools can't be null");
    Map<String, TopicSpec> specs = new LinkedHashMap<>();
    for (TopicDescriptor<?, ?> d : Topics.FIXED) {
      Topic<?, ?> t = topics.topic(d);
      specs.put(
          t.name(),
          new TopicSpec(
              t.name(), settings.partitions(), settings.replicationFactor(), t.compacted()));
    }
    for (String pool : pools) {
      Topic<?, ?> t = topics.assignments(pool);
      specs.putIfAbsent(
          t.name(),
          new TopicSpec(
              t.name(),
              settings.assignmentPartitions(),
              settings.replicationFactor(),
              t.compacted()));
    }
    return List.copyOf(specs.values());
  }

  /** Creates the missing topics and reports how the existing ones compare with the settings. */
  public ProvisioningReport ensure(Collection<String> pools) {
    List<TopicSpec> specs = wanted(pools);
    Set<String> present =
        await("list the topics", admin.listTopics(new ListTopicsOptions().timeoutMs(ms())).names());
    List<String> created = new ArrayList<>();
    List<TopicSpec> existing = new ArrayList<>();
    List<TopicSpec> missing = new ArrayList<>();
    specs.forEach(s -> (present.contains(s.name()) ? existing : missing).add(s));
    if (!missing.isEmpty()) {
      create(missing, created, existing);
      if (!created.isEmpty()) {
        describe(created); // returns once every new topic is visible to clients
      }
    }
    List<Difference> differences = compareExisting(existing);
    created.forEach(t -> LOG.info("created topic {}", t));
    differences.forEach(d -> LOG.warn("topic differs from the wanted settings: {}", d));
    return new ProvisioningReport(
        created, existing.stream().map(TopicSpec::name).toList(), differences);
  }

  private void create(List<TopicSpec> missing, List<String> created, List<TopicSpec> existing) {
    List<NewTopic> requests = missing.stream().map(TopicSpec::toNewTopic).toList();
    Map<String, KafkaFuture<Void>> results =
        admin.createTopics(requests, new CreateTopicsOptions().timeoutMs(ms())).values();
    List<String> failures = new ArrayList<>();
    for (TopicSpec spec : missing) {
      try {
        await("create topic " + spec.name(), results.get(spec.name()));
        created.add(spec.name());
      } catch (TopicProvisioningException e) {
        if (e.getCause() instanceof TopicExistsException) {
          existing.add(spec); // created by someone else meanwhile
        } else {
          failures.add(e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new TopicProvisioningException(
          "could not create " + failures.size() + " topic(s): " + String.join("; ", failures),
          null);
    }
  }

  private List<Difference> compareExisting(List<TopicSpec> existing) {
    if (existing.isEmpty()) {
      return List.of();
    }
    List<String> names = existing.stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> descriptions = describe(names);
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> configs =
        await(
            "describe the existing topics' configs",
            admin.describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(ms())).all());
    List<Difference> differences = new ArrayList<>();
    for (TopicSpec spec : existing) {
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
      differences.addAll(spec.differences(descriptions.get(spec.name()), config));
    }
    return differences;
  }

  /**
   * Describes topics, retrying while the cluster's metadata does not show them yet (a topic that
   * was just created takes a moment to reach every broker).
   */
  private Map<String, TopicDescription> describe(List<String> names) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (true) {
      try {
        return await(
            "describe the topics",
            admin
                .describeTopics(names, new DescribeTopicsOptions().timeoutMs(ms()))
                .allTopicNames());
      } catch (TopicProvisioningException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        pause(METADATA_RETRY_MS);
      }
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicProvisioningException("interrupted while waiting for topic metadata", e);
    }
  }

  private int ms() {
    return (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
  }

  private <T> T await(String what, KafkaFuture<T> future) {
    long limitMs = settings.timeout().toMillis();
    try {
      return future.get(limitMs + GRACE_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicProvisioningException("interrupted while trying to " + what, e);
    } catch (TimeoutException e) {
      throw timedOut(what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw timedOut(what, cause);
      }
      throw new TopicProvisioningException(
          "could not " + what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
          cause);
    }
  }

  private static String humanize(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private TopicProvisioningException timedOut(String what, Throwable cause) {
    return new TopicProvisioningException(
        "Kafka did not answer within "
            + humanize(settings.timeout())
            + " when trying to "
            + what
            + "; check that the brokers run and that the bootstrap servers and client"
            + " security settings are right",
        cause);
  }
}
