package io.yardmaster.worker.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The user's side of a running dispatcher: submits tasks on {@code tasks.submit} and follows what
 * the dispatcher committed on {@code tasks.state} (the latest view of each task) and {@code
 * tasks.events} (every transition, in order per task).
 */
final class TaskLedger implements AutoCloseable {
  private static final JsonSerde<TaskView> VIEWS = JsonSerde.of(TaskView.class);
  private static final JsonSerde<TaskEvent> EVENTS = JsonSerde.of(TaskEvent.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaClientSettings kafka;
  private final Topics topics;
  private final KafkaConsumer<String, byte[]> stateConsumer;
  private final KafkaConsumer<String, byte[]> eventConsumer;
  private final Map<String, TaskView> views = new HashMap<>();
  private final List<TaskEvent> events = new ArrayList<>();

  /** Follows the topics of {@code topics}; they must exist (the dispatcher creates them). */
  TaskLedger(KafkaClientSettings kafka, Topics topics) {
    this.kafka = kafka;
    this.topics = topics;
    this.stateConsumer = committedReader(topics.state().name());
    this.eventConsumer = committedReader(topics.events().name());
  }

  /** Submits {@code count} tasks {@code <idPrefix>0…} of {@code type} with {@code payload}. */
  void submit(String idPrefix, int count, String pool, String type, JsonNode payload)
      throws Exception {
    Properties props = kafka.baseProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    // as `yard submit`: a repeated submission is ignored, a batch refused as out of sequence is
    // lost
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    try (KafkaProducer<String, TaskSubmission> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), topics.submit().valueSerde().serializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        TaskSubmission t =
            withPayload(TaskSubmission.of(idPrefix + i, type), payload).withPool(pool);
        sent.add(producer.send(new ProducerRecord<>(topics.submit().name(), t.id(), t)));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The latest view of every task seen so far, after reading what is new. */
  synchronized Map<String, TaskView> views() {
    for (ConsumerRecord<String, byte[]> r : readNew(stateConsumer)) {
      if (r.value() != null) {
        views.put(r.key(), VIEWS.deserialize(r.topic(), r.value()));
      }
    }
    return Map.copyOf(views);
  }

  /** How many tasks are in {@code state} now. */
  long count(TaskState state) {
    return views().values().stream().filter(v -> v.state() == state).count();
  }

  /** Every event seen so far, after reading what is new (in order within each task). */
  synchronized List<TaskEvent> events() {
    for (ConsumerRecord<String, byte[]> r : readNew(eventConsumer)) {
      events.add(EVENTS.deserialize(r.topic(), r.value()));
    }
    return List.copyOf(events);
  }

  /**
   * Reads up to the end the topic has now (the last stable offset, under read_committed), so a
   * caller sees at least everything committed before the call.
   */
  private static List<ConsumerRecord<String, byte[]>> readNew(
      KafkaConsumer<String, byte[]> consumer) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cannot read up to " + end + " in " + READ_TIMEOUT);
      }
      consumer.poll(Duration.ofMillis(100)).forEach(read::add);
    }
    return read;
  }

  @Override
  public void close() {
    stateConsumer.close();
    eventConsumer.close();
  }

  private static TaskSubmission withPayload(TaskSubmission t, JsonNode payload) {
    return new TaskSubmission(
        t.id(),
        t.type(),
        payload,
        t.pool(),
        t.priority(),
        t.requiredCapabilities(),
        t.dependencies(),
        t.maxRetries(),
        t.retryBackoff(),
        t.timeout(),
        t.estimatedDuration(),
        t.region(),
        t.regionRequired(),
        t.dropIfExpired(),
        t.labels());
  }

  private KafkaConsumer<String, byte[]> committedReader(String topic) {
    Properties props = kafka.baseProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
