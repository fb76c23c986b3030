package io.yardmaster.model.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic with its full name and the serdes of its keys and values. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
  public Topic {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(keySerde, "keySerde can't be null");
    Objects.requireNonNull(valueSerde, "valueSerde can't be null");
  }
}
