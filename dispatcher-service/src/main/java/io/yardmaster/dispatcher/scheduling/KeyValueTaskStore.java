package io.yardmaster.dispatcher.scheduling;

import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link TaskStore} over a Kafka Streams key-value store. */
final class KeyValueTaskStore implements TaskStore {
  private final KeyValueStore<String, TaskRecord> store;

  KeyValueTaskStore(KeyValueStore<String, TaskRecord> store) {
    this.store = store;
  }

  @Override
  public TaskRecord get(String taskId) {
    return store.get(taskId);
  }

  @Override
  public void put(TaskRecord record) {
    store.put(record.id(), record);
  }

  @Override
  public void delete(String taskId) {
    store.delete(taskId);
  }

  @Override
  public void forEach(Consumer<TaskRecord> action) {
    try (KeyValueIterator<String, TaskRecord> it = store.all()) {
      it.forEachRemaining(kv -> action.accept(kv.value));
    }
  }
}
