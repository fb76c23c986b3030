package io.yardmaster.deploy.progress;

import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.TopicCursor;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.topic.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows {@code tasks.events} live from a start point and keeps, for every task seen, its timeline
 * and its place on the {@link ProgressBoard}. Tasks this run submitted are on the board (as
 * SUBMITTED) before their first event arrives.
 */
public final class RunTracker implements AutoCloseable {
  private final Topic<String, TaskEvent> events;
  private final TopicCursor cursor;
  private final ProgressBoard board = new ProgressBoard();
  private final Map<String, TaskTimeline> timelines = new HashMap<>();

  public RunTracker(YardClients clients, StartAt start) {
    this.events = clients.topics().events();
    this.cursor = TopicCursor.open(clients, List.of(events.name()), start);
  }

  /** Puts a task this run submitted on the board before the dispatcher has told anything. */
  public void expect(String taskId, String pool) {
    if (!timelines.containsKey(taskId)) {
      board.update(taskId, pool, TaskState.SUBMITTED);
    }
  }

  /** Reads the events that arrived, waiting at most {@code timeout}. */
  public void poll(Duration timeout) {
    cursor.poll(timeout).forEach(r -> Snapshots.decode(events, r).ifPresent(this::apply));
  }

  void apply(TaskEvent event) {
    if (event.type() != EventType.TRANSITION || event.to() == null) {
      return;
    }
    timelines.computeIfAbsent(event.taskId(), TaskTimeline::new).add(event);
    TaskTimeline timeline = timelines.get(event.taskId());
    board.update(event.taskId(), timeline.pool().orElse(null), timeline.state().orElseThrow());
  }

  public ProgressBoard board() {
    return board;
  }

  /** Whether every one of these tasks has reached a terminal state. */
  public boolean finished(Collection<String> taskIds) {
    return board.allTerminal(taskIds);
  }

  /** The summary of these tasks from the events seen so far. */
  public RunSummary summary(Collection<String> taskIds, Map<String, List<String>> dependencies) {
    return RunSummary.of(taskIds, Map.copyOf(timelines), dependencies);
  }

  @Override
  public void close() {
    cursor.close();
  }
}
