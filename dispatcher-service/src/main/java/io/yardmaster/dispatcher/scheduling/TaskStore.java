package io.yardmaster.dispatcher.scheduling;

import java.util.function.Consumer;

/** Where a scheduler keeps its task records durably (a RocksDB state store in the service). */
public interface TaskStore {
  TaskRecord get(String taskId);

  void put(TaskRecord record);

  void delete(String taskId);

  void forEach(Consumer<TaskRecord> action);

  /** A plain in-memory store, for tests and benchmarks of the core. */
  static TaskStore inMemory() {
    java.util.Map<String, TaskRecord> map = new java.util.LinkedHashMap<>();
    return new TaskStore() {
      @Override
      public TaskRecord get(String taskId) {
        return map.get(taskId);
      }

      @Override
      public void put(TaskRecord record) {
        map.put(record.id(), record);
      }

      @Override
      public void delete(String taskId) {
        map.remove(taskId);
      }

      @Override
      public void forEach(Consumer<TaskRecord> action) {
        java.util.List.copyOf(map.values()).forEach(action);
      }
    };
  }
}
