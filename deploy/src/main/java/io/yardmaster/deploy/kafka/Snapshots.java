package io.yardmaster.deploy.kafka;

import io.yardmaster.model.topic.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads of a whole topic as it is now: the latest value per key of a compacted topic, one key's
 * latest value, or every record. Records that cannot be decoded are skipped with a warning, so one
 * bad record never hides the rest.
 */
public final class Snapshots {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

  private Snapshots() {}

  /** The latest value of every key (a tombstone removes the key), in first-seen order. */
  public static <V> Map<String, V> latestByKey(YardClients clients, Topic<String, V> topic) {
    Map<String, V> latest = new LinkedHashMap<>();
    try (TopicCursor cursor =
        TopicCursor.open(clients, List.of(topic.name()), StartAt.beginning())) {
      cursor.readToEnd(r -> apply(topic, r, latest));
    }
    return latest;
  }

  /** The latest value of one key, reading only the partition that holds it. */
  public static <V> Optional<V> latestForKey(
      YardClients clients, Topic<String, V> topic, String key) {
    Map<String, V> latest = new LinkedHashMap<>();
    try (TopicCursor cursor = TopicCursor.openForKey(clients, topic.name(), key)) {
      cursor.readToEnd(
          r -> {
            if (key.equals(r.key())) {
              apply(topic, r, latest);
            }
          });
    }
    return Optional.ofNullable(latest.get(key));
  }

  /** Every decodable record of the topic from {@code start}, in each partition's order. */
  public static <V> List<V> all(YardClients clients, Topic<String, V> topic, StartAt start) {
    List<V> values = new ArrayList<>();
    try (TopicCursor cursor = TopicCursor.open(clients, List.of(topic.name()), start)) {
      cursor.readToEnd(r -> decode(topic, r).ifPresent(values::add));
    }
    return values;
  }

  /** The record's value, or empty for a tombstone or a value that cannot be decoded. */
  public static <V> Optional<V> decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
    } catch (SerializationException e) {
      LOG.warn(
          "skipped a record of {} at partition {} offset {}: {}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private static <V> void apply(
      Topic<String, V> topic, ConsumerRecord<String, byte[]> r, Map<String, V> latest) {
    if (r.value() == null) {
      latest.remove(r.key());
      return;
    }
    decode(topic, r).ifPresent(v -> latest.put(r.key(), v));
  }
}
