package io.yardmaster.deploy.kafka;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.KafkaUnavailableException;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients of the {@code yard} command line, all bounded by one timeout so that an
 * unreachable cluster gives a clear message instead of a hang. {@link #connect} checks that the
 * cluster answers before any command reads or writes.
 */
public final class YardClients implements AutoCloseable {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final long GRACE_MS = 1_000;

  private final KafkaClientSettings settings;
  private final Topics topics;
  private final Duration timeout;
  private final Map<String, Integer> partitions = new HashMap<>();
  private Admin admin;

  private YardClients(KafkaClientSettings settings, Topics topics, Duration timeout) {
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
    this.topics = Objects.requireNonNull(topics, "topics can't be null");
    this.timeout = Objects.requireNonNull(timeout, "timeout can't be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new BadInputException("the Kafka timeout must be positive, was " + timeout);
    }
  }

  /** Clients for this cluster, once it has answered a describe-cluster request in time. */
  public static YardClients connect(KafkaClientSettings settings, Topics topics, Duration timeout) {
    YardClients clients = new YardClients(settings, topics, timeout);
    try {
      clients.checkReachable();
      return clients;
    } catch (RuntimeException e) {
      clients.close();
      throw e;
    }
  }

  public KafkaClientSettings settings() {
    return settings;
  }

  public Topics topics() {
    return topics;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Throws {@link KafkaUnavailableException} unless the cluster answers within the timeout. */
  public void checkReachable() {
    await(
        "describe the cluster",
        admin().describeCluster(new DescribeClusterOptions().timeoutMs(intMs())).nodes());
  }

  /** The partition count of each topic; a clear error names the first one that is missing. */
  public Map<String, Integer> requireTopics(Collection<String> names) {
    List<String> unknown = names.stream().filter(n -> !partitions.containsKey(n)).toList();
    if (!unknown.isEmpty()) {
      var present =
          await(
              "list the topics",
              admin().listTopics(new ListTopicsOptions().timeoutMs(intMs())).names());
      List<String> missing = new ArrayList<>(unknown);
      missing.removeAll(present);
      if (!missing.isEmpty()) {
        throw new KafkaUnavailableException(
            "topic "
                + missing.get(0)
                + " does not exist at "
                + settings.bootstrapServers()
                + ". Create the topics with 'yard topics ensure' (the dispatcher and 'yard local'"
                + " also create them); if your topics use another prefix, pass --topic-prefix.",
            null);
      }
      Map<String, TopicDescription> described =
          await(
              "describe the topics",
              admin()
                  .describeTopics(unknown, new DescribeTopicsOptions().timeoutMs(intMs()))
                  .allTopicNames());
      described.forEach((name, d) -> partitions.put(name, d.partitions().size()));
    }
    Map<String, Integer> result = new HashMap<>();
    names.forEach(n -> result.put(n, partitions.get(n)));
    return result;
  }

  /** The partition count of one topic (which must exist). */
  public int partitionCount(String topic) {
    return requireTopics(List.of(topic)).get(topic);
  }

  /** A consumer with no group: it reads committed records only and never commits offsets. */
  public KafkaConsumer<String, byte[]> consumer() {
    Properties props = settings.baseProperties();
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "yard-cli-reader");
    props.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, msText());
    props.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, msText());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return create(
        () -> new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
  }

  /** An idempotent producer that waits for every replica and never blocks past the timeout. */
  public KafkaProducer<String, byte[]> producer() {
    Properties props = settings.baseProperties();
    props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    // Not idempotent: an idempotent batch refused as out of sequence (seen on brand-new topics) is
    // dropped, while a plain retry can only repeat a submission or a command, which the
    // dispatcher ignores or answers with a rejection.
    props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "yard-cli-writer");
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, msText());
    props.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, msText());
    props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(2 * ms() + 5));
    return create(
        () -> new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
  }

  /** Writes one record and waits until Kafka has it. */
  public <V> void send(Topic<String, V> topic, String key, V value) {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
      sendAndWait(producer, new ProducerRecord<>(topic.name(), key, bytes));
    }
  }

  /** Sends a record and waits for its acknowledgement within the delivery timeout. */
  public void sendAndWait(
      KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> r) {
    try {
      awaitAck(producer.send(r), r.topic());
    } catch (KafkaException e) {
      throw explain("write to " + r.topic(), e);
    }
  }

  /** Waits for a sent record's acknowledgement, turning a failure into a clear message. */
  public RecordMetadata awaitAck(Future<RecordMetadata> sent, String topic) {
    try {
      return sent.get(2 * ms() + GRACE_MS * 5, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while writing to " + topic, e);
    } catch (TimeoutException e) {
      throw unreachable("write to " + topic, e);
    } catch (ExecutionException e) {
      throw explain("write to " + topic, e.getCause());
    }
  }

  private Admin admin() {
    if (admin == null) {
      Properties props = settings.baseProperties();
      props.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, msText());
      props.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, msText());
      props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "yard-cli-admin");
      admin = create(() -> Admin.create(props));
    }
    return admin;
  }

  private <T> T create(java.util.function.Supplier<T> factory) {
    try {
      return factory.get();
    } catch (KafkaException e) {
      throw new BadInputException(
          "cannot set up a Kafka client for "
              + settings.bootstrapServers()
              + ": "
              + rootMessage(e)
              + ". Check --bootstrap-servers (host:port[,host:port]) and the --kafka-properties"
              + " file.",
          e);
    }
  }

  <T> T await(String what, KafkaFuture<T> future) {
    try {
      return future.get(ms() + GRACE_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while trying to " + what, e);
    } catch (TimeoutException e) {
      throw unreachable(what, e);
    } catch (ExecutionException e) {
      throw explain(what, e.getCause());
    }
  }

  /** A clear message for a Kafka failure while trying to do {@code what}. */
  public KafkaUnavailableException explain(String what, Throwable cause) {
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return unreachable(what, cause);
    }
    return new KafkaUnavailableException(
        "Kafka at "
            + settings.bootstrapServers()
            + " refused to "
            + what
            + ": "
            + rootMessage(cause)
            + ". Check the client settings (--kafka-properties) and the broker's logs.",
        cause);
  }

  private KafkaUnavailableException unreachable(String what, Throwable cause) {
    return new KafkaUnavailableException(
        "Kafka at "
            + settings.bootstrapServers()
            + " did not answer within "
            + timeout.toSeconds()
            + " s (trying to "
            + what
            + "). Is a broker running there? Start one with 'scripts/yard local --keep-running',"
            + " or point --bootstrap-servers (or YARD_BOOTSTRAP_SERVERS) at your cluster; for"
            + " TLS or SASL add --kafka-properties FILE.",
        cause);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private long ms() {
    return timeout.toMillis();
  }

  private int intMs() {
    return (int) Math.min(Integer.MAX_VALUE, ms());
  }

  private String msText() {
    return Long.toString(ms());
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }
}
