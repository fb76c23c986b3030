package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;

/** Everything a scheduler tells the outside world. The service forwards it to Kafka topics. */
public interface Outbox {
  void assignment(Assignment assignment);

  void event(TaskEvent event);

  void view(TaskView view);

  void deadLetter(DeadLetter deadLetter);

  void poolStatus(PoolStatus status);

  /** A task reached a terminal state: tasks that depend on it must learn it. */
  default void finished(String taskId, io.yardmaster.model.TaskState state) {}

  /** An answer to an EXPLAIN command. */
  default void explanation(io.yardmaster.model.TaskExplanation explanation) {}

  /** A task moved to this pool: commands for it must now come here. */
  default void moved(String taskId, String pool) {}

  /** A terminal task was replayed and is pending again for the tasks that depend on it. */
  default void reopened(String taskId) {}
}
