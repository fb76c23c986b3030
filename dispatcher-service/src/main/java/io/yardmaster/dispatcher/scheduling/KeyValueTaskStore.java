package io.yardmaster.dispatcher.scheduling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link TaskStore} over a Kafka Streams key-value store, with the most recently used records kept
 * as objects. The store holds them as JSON, so a plain lookup decodes the record each time, and a
 * task is looked up at every step of its life (assigned, started, finished). The scheduler is the
 * store's only writer and every change goes through {@link #put}, so the kept objects are the
 * stored ones; they are dropped with the processor when its task is closed or revived.
 */
final class KeyValueTaskStore implements TaskStore {
  /** Enough for every task in flight on a large pool; each record is a few kilobytes at most. */
  static final int KEPT = 8_192;

  private final KeyValueStore<String, TaskRecord> store;
  private final Map<String, TaskRecord> recent =
      new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TaskRecord> eldest) {
          return size() > KEPT;
        }
      };

  KeyValueTaskStore(KeyValueStore<String, TaskRecord> store) {
    this.store = store;
  }

  @Override
  public TaskRecord get(String taskId) {
    TaskRecord r = recent.get(taskId);
    if (r == null) {
      r = store.get(taskId);
      if (r != null) {
        recent.put(taskId, r);
      }
    }
    return r;
  }

  @Override
  public void put(TaskRecord record) {
    store.put(record.id(), record);
    recent.put(record.id(), record);
  }

  @Override
  public void delete(String taskId) {
    store.delete(taskId);
    recent.remove(taskId);
  }

  @Override
  public void forEach(Consumer<TaskRecord> action) {
    try (KeyValueIterator<String, TaskRecord> it = store.all()) {
      it.forEachRemaining(kv -> action.accept(kv.value));
    }
  }
}
