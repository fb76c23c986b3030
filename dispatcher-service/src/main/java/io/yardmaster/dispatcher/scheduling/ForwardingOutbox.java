package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Forwards what schedulers emit, each with its topic's key; the sink's topic extractor picks the
 * topic from the value's type.
 */
final class ForwardingOutbox implements Outbox {
  private final ProcessorContext<String, Object> context;

  ForwardingOutbox(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  private void forward(String key, Object value) {
    context.forward(new Record<>(key, value, context.currentSystemTimeMs()));
  }

  @Override
  public void assignment(Assignment a) {
    forward(a.agentId(), a);
  }

  @Override
  public void event(TaskEvent e) {
    forward(e.taskId(), e);
  }

  @Override
  public void view(TaskView v) {
    forward(v.id(), v);
  }

  @Override
  public void deadLetter(DeadLetter d) {
    forward(d.taskId(), d);
  }

  @Override
  public void explanation(io.yardmaster.model.TaskExplanation e) {
    forward(e.taskId(), e);
  }

  @Override
  public void poolStatus(PoolStatus s) {
    forward(s.pool(), s);
  }

  @Override
  public void finished(String taskId, io.yardmaster.model.TaskState state) {
    forward(taskId, io.yardmaster.dispatcher.dependency.DependencyMessage.finished(taskId, state));
  }

  @Override
  public void reopened(String taskId) {
    forward(taskId, io.yardmaster.dispatcher.dependency.DependencyMessage.reopened(taskId));
  }

  @Override
  public void moved(String taskId, String pool) {
    forward(taskId, io.yardmaster.dispatcher.dependency.DependencyMessage.moved(taskId, pool));
  }

  void rejected(String key, RejectedRecord r) {
    forward(key, r);
  }
}
