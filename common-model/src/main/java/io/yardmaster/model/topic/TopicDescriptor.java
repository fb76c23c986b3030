package io.yardmaster.model.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract before the prefix is known: its base name (e.g. {@code tasks.submit}),
 * serdes and whether it is compacted. {@link #withPrefix} names it.
 */
public record TopicDescriptor<K, V>(
    String baseName, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
  public TopicDescriptor {
    Objects.requireNonNull(baseName, "baseName can't be null");
    Objects.requireNonNull(keySerde, "keySerde can't be null");
    Objects.requireNonNull(valueSerde, "valueSerde can't be null");
  }

  public Topic<K, V> withPrefix(String prefix) {
    return new Topic<>(prefix + baseName, keySerde, valueSerde, compacted);
  }
}
