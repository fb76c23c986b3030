package io.yardmaster.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store on a sorted map, no serialisation and no changelog: benchmarks of the classes
 * that use stores then measure those classes, not RocksDB.
 */
final class MapStore<K extends Comparable<K>, V> implements KeyValueStore<K, V> {
  private final String name;
  private final TreeMap<K, V> map = new TreeMap<>();

  MapStore(String name) {
    this.name = name;
  }

  void clear() {
    map.clear();
  }

  @Override
  public void put(K key, V value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V old = map.get(key);
    if (old == null) {
      put(key, value);
    }
    return old;
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    entries.forEach(e -> put(e.key, e.value));
  }

  @Override
  public V delete(K key) {
    return map.remove(key);
  }

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return iterator(map.subMap(from, true, to, true));
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return iterator(map);
  }

  @Override
  public long approximateNumEntries() {
    return map.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {}

  @Override
  public void commit(Map<org.apache.kafka.common.TopicPartition, Long> changelogOffsets) {}

  @Override
  public void close() {}

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  private static <K, V> KeyValueIterator<K, V> iterator(Map<K, V> view) {
    Iterator<Map.Entry<K, V>> it = new ArrayList<>(view.entrySet()).iterator();
    return new KeyValueIterator<>() {
      private Map.Entry<K, V> peeked;

      @Override
      public boolean hasNext() {
        return peeked != null || it.hasNext();
      }

      @Override
      public KeyValue<K, V> next() {
        Map.Entry<K, V> e = peeked != null ? peeked : it.next();
        peeked = null;
        return KeyValue.pair(e.getKey(), e.getValue());
      }

      @Override
      public K peekNextKey() {
        if (peeked == null) {
          peeked = it.next();
        }
        return peeked.getKey();
      }

      @Override
      public void close() {}
    };
  }
}
