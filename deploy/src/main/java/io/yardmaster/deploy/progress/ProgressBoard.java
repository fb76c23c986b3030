package io.yardmaster.deploy.progress;

import io.yardmaster.model.TaskState;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The current state and pool of every task seen, and the counts per pool and progress bucket that
 * the progress view draws. Fed by {@code tasks.events} transitions or {@code tasks.state} views.
 */
public final class ProgressBoard {
  /** The pool shown for a task whose pool is not known yet. */
  public static final String UNROUTED = "(unrouted)";

  private record Entry(String pool, TaskState state) {}

  private final Map<String, Entry> tasks = new HashMap<>();

  /** Records a task's latest state; a null pool keeps the pool known so far. */
  public void update(String taskId, String pool, TaskState state) {
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(state, "state can't be null");
    Entry before = tasks.get(taskId);
    String knownPool = pool != null ? pool : before != null ? before.pool() : UNROUTED;
    tasks.put(taskId, new Entry(knownPool, state));
  }

  /** Forgets a task (its state record was deleted). */
  public void remove(String taskId) {
    tasks.remove(taskId);
  }

  public Optional<TaskState> state(String taskId) {
    return Optional.ofNullable(tasks.get(taskId)).map(Entry::state);
  }

  public int size() {
    return tasks.size();
  }

  /** Whether every one of these tasks is known and in a terminal state. */
  public boolean allTerminal(Collection<String> taskIds) {
    return taskIds.stream().allMatch(id -> state(id).map(TaskState::isTerminal).orElse(false));
  }

  /** Whether every task seen so far is in a terminal state (true when none was seen). */
  public boolean allTerminal() {
    return tasks.values().stream().allMatch(e -> e.state().isTerminal());
  }

  /** The counts of each pool, sorted by pool name. */
  public java.util.List<PoolCounts> pools() {
    Map<String, int[]> counts = new TreeMap<>();
    for (Entry e : tasks.values()) {
      counts
          .computeIfAbsent(e.pool(), p -> new int[Bucket.values().length])[
          Bucket.of(e.state()).ordinal()]++;
    }
    return counts.entrySet().stream()
        .map(
            e -> {
              int[] c = e.getValue();
              return new PoolCounts(
                  e.getKey(),
                  c[Bucket.QUEUED.ordinal()],
                  c[Bucket.RUNNING.ordinal()],
                  c[Bucket.DONE.ordinal()],
                  c[Bucket.FAILED.ordinal()]);
            })
        .toList();
  }

  /** How many of these tasks are in each state (tasks not seen yet are left out). */
  public Map<TaskState, Integer> countsByState(Collection<String> taskIds) {
    Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
    taskIds.forEach(id -> state(id).ifPresent(s -> counts.merge(s, 1, Integer::sum)));
    return counts;
  }
}
