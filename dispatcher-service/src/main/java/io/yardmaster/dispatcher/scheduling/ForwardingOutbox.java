package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Forwards what schedulers emit, each with its topic's key; the sink's topic extractor picks the
 * topic from the value's type. A task's views are held until {@link #flushViews()}, which the
 * processor calls at the end of every input record and punctuation, so a task that moves several
 * times in one step (assigned as soon as queued, started and finished in one report, failed and
 * waiting to retry) writes only its last view to the compacted state topic. Its events still tell
 * every move.
 */
final class ForwardingOutbox implements Outbox {
  private final ProcessorContext<String, Object> context;
  private final Map<String, TaskView> views = new LinkedHashMap<>();

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
    views.put(v.id(), v);
  }

  /** Forwards the views held since the last flush, the latest of each task. */
  void flushViews() {
    if (!views.isEmpty()) {
      views.values().forEach(v -> forward(v.id(), v));
      views.clear();
    }
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
