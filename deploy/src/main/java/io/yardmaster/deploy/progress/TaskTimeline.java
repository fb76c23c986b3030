package io.yardmaster.deploy.progress;

import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The state transitions of one task, as {@code tasks.events} told them, in time order. */
public final class TaskTimeline {
  private final String taskId;
  private final List<TaskEvent> transitions = new ArrayList<>();

  public TaskTimeline(String taskId) {
    this.taskId = Objects.requireNonNull(taskId, "taskId can't be null");
  }

  public String taskId() {
    return taskId;
  }

  /** Adds a transition; other event types are ignored. */
  public void add(TaskEvent event) {
    if (event.type() != EventType.TRANSITION || event.to() == null) {
      return;
    }
    transitions.add(event);
    transitions.sort(Comparator.comparing(TaskEvent::at));
  }

  public List<TaskEvent> transitions() {
    return List.copyOf(transitions);
  }

  /** When the dispatcher first saw the task: its first transition. */
  public Optional<Instant> firstSeen() {
    return transitions.isEmpty() ? Optional.empty() : Optional.of(transitions.get(0).at());
  }

  /** The first time the task moved to {@code state}. */
  public Optional<Instant> firstAt(TaskState state) {
    return transitions.stream().filter(e -> e.to() == state).map(TaskEvent::at).findFirst();
  }

  /** How many times the task moved to {@code state}. */
  public int count(TaskState state) {
    return (int) transitions.stream().filter(e -> e.to() == state).count();
  }

  /** The latest state, or empty when no transition was seen. */
  public Optional<TaskState> state() {
    return transitions.isEmpty()
        ? Optional.empty()
        : Optional.of(transitions.get(transitions.size() - 1).to());
  }

  /** The latest pool named by a transition, or empty. */
  public Optional<String> pool() {
    for (int i = transitions.size() - 1; i >= 0; i--) {
      if (transitions.get(i).pool() != null) {
        return Optional.of(transitions.get(i).pool());
      }
    }
    return Optional.empty();
  }

  /** From the first transition to the first RUNNING: how long the task waited to start. */
  public Optional<Duration> waitTime() {
    return firstSeen().flatMap(s -> firstAt(TaskState.RUNNING).map(r -> Duration.between(s, r)));
  }

  /** How long each execution ran: from a RUNNING to the transition that ended it. */
  public List<Duration> runTimes() {
    List<Duration> runs = new ArrayList<>();
    Instant started = null;
    for (TaskEvent e : transitions) {
      if (e.to() == TaskState.RUNNING) {
        started = e.at();
      } else if (started != null && e.to() != TaskState.ASSIGNED) {
        runs.add(Duration.between(started, e.at()));
        started = null;
      }
    }
    return runs;
  }
}
