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
}
