package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;
import java.util.function.Consumer;

/**
 * An outbox for tests and simulations that only care where tasks are sent: everything else is
 * dropped.
 */
public final class AssignmentOutbox implements Outbox {
  private final Consumer<Assignment> sink;

  public AssignmentOutbox(Consumer<Assignment> sink) {
    this.sink = sink;
  }

  @Override
  public void assignment(Assignment assignment) {
    sink.accept(assignment);
  }

  @Override
  public void event(TaskEvent event) {}

  @Override
  public void view(TaskView view) {}

  @Override
  public void deadLetter(DeadLetter deadLetter) {}

  @Override
  public void poolStatus(PoolStatus status) {}
}
