package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A pool's ready tasks, ordered by current score: an in-memory index over the durable store.
 *
 * <p>Tasks are grouped by {@link Requirement}; each group is a tree ordered by the task's order key
 * (see {@link PriorityScorer}), then earliest deadline, then arrival. A pick looks at the head of
 * every group some free agent can serve: O(groups × log n). A task whose urgency reaches its next
 * step is re-keyed by a timer, at most a bounded number of times in its life.
 */
public final class ReadyQueue {
  /** One queued task as the index sees it. */
  public record Entry(
      String taskId,
      Requirement requirement,
      Priority priority,
      double key,
      long deadlineMs,
      long enqueuedMs,
      long seq,
      int step,
      Placement placement) {}

  static final Comparator<Entry> ORDER =
      Comparator.comparingDouble((Entry e) -> -e.key())
          .thenComparingLong(Entry::deadlineMs)
          .thenComparingLong(Entry::enqueuedMs)
          .thenComparingLong(Entry::seq)
          .thenComparing(Entry::taskId);

  private record Timer(long atMs, Entry entry) {}

  private final PriorityScorer scorer;
  private long estimatedMs;
  private final Map<Requirement, NavigableSet<Entry>> groups = new HashMap<>();
  private final Map<String, Entry> byId = new HashMap<>();
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(Comparator.comparingLong(Timer::atMs));

  public ReadyQueue(PriorityScorer scorer) {
    this.scorer = java.util.Objects.requireNonNull(scorer, "scorer can't be null");
  }

  /** Adds (or replaces) a task with no placement hints. */
  public void add(
      String taskId,
      Requirement requirement,
      Priority priority,
      long enqueuedMs,
      long seq,
      long nowMs) {
    add(taskId, requirement, Placement.NONE, priority, enqueuedMs, seq, nowMs);
  }

  /** Adds (or replaces) a task. */
  public void add(
      String taskId,
      Requirement requirement,
      Placement placement,
      Priority priority,
      long enqueuedMs,
      long seq,
      long nowMs) {
    remove(taskId);
    long deadline = PriorityScorer.deadlineMs(priority);
    int step = scorer.step(deadline, nowMs);
    insert(
        new Entry(
            taskId,
            requirement,
            priority,
            scorer.orderKey(priority, step, enqueuedMs),
            deadline,
            enqueuedMs,
            seq,
            step,
            placement),
        nowMs);
  }

  private void insert(Entry entry, long nowMs) {
    byId.put(entry.taskId(), entry);
    estimatedMs += entry.placement().estimatedMs();
    groups.computeIfAbsent(entry.requirement(), r -> new TreeSet<>(ORDER)).add(entry);
    long next = scorer.nextStepAtMs(entry.deadlineMs(), entry.step(), nowMs);
    if (next != Long.MAX_VALUE) {
      timers.add(new Timer(next, entry));
    }
  }

  /** Removes a task; returns whether it was queued. */
  public boolean remove(String taskId) {
    Entry entry = byId.remove(taskId);
    if (entry == null) {
      return false;
    }
    estimatedMs -= entry.placement().estimatedMs();
    NavigableSet<Entry> group = groups.get(entry.requirement());
    group.remove(entry);
    if (group.isEmpty()) {
      groups.remove(entry.requirement());
    }
    dropStaleTimers();
    return true;
  }

  /**
   * A task that leaves (or is re-keyed) leaves its timer behind, and a timer may be days away: once
   * most timers are stale, drop them, so memory follows the queue, not the tasks that passed
   * through. Each sweep removes at least half the timers, so it costs O(1) per removal amortised.
   */
  private void dropStaleTimers() {
    if (timers.size() > 2 * byId.size() + 64) {
      timers.removeIf(t -> byId.get(t.entry().taskId()) != t.entry());
    }
  }

  /** Timers held, live or stale (for tests). */
  int pendingTimers() {
    return timers.size();
  }

  /** Re-keys every task whose urgency reached its next step by {@code nowMs}. */
  public void refresh(long nowMs) {
    while (!timers.isEmpty() && timers.peek().atMs() <= nowMs) {
      Entry stale = timers.poll().entry();
      if (byId.get(stale.taskId()) != stale) {
        continue; // removed or re-keyed since
      }
      remove(stale.taskId());
      int step = scorer.step(stale.deadlineMs(), nowMs);
      insert(
          new Entry(
              stale.taskId(),
              stale.requirement(),
              stale.priority(),
              scorer.orderKey(stale.priority(), step, stale.enqueuedMs()),
              stale.deadlineMs(),
              stale.enqueuedMs(),
              stale.seq(),
              step,
              stale.placement()),
          nowMs);
    }
  }

  /** The best task among the groups {@code servable} accepts, without removing it. */
  public Optional<Entry> best(Predicate<Requirement> servable) {
    Entry best = null;
    for (Map.Entry<Requirement, NavigableSet<Entry>> group : groups.entrySet()) {
      Entry head = group.getValue().first();
      if ((best == null || ORDER.compare(head, best) < 0) && servable.test(group.getKey())) {
        best = head;
      }
    }
    return Optional.ofNullable(best);
  }

  /** For each group, how many of its tasks go before {@code entry}. */
  public Map<Requirement, Integer> countAhead(Entry entry) {
    Map<Requirement, Integer> counts = new HashMap<>();
    groups.forEach((req, group) -> counts.put(req, group.headSet(entry, false).size()));
    return counts;
  }

  /**
   * Up to {@code limit} of the best tasks among the groups {@code servable} accepts, skipping those
   * {@code eligible} refuses, best first, without removing them.
   */
  public List<Entry> bestMatching(
      Predicate<Requirement> servable, Predicate<String> eligible, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<Requirement, NavigableSet<Entry>> group : groups.entrySet()) {
      if (limit <= 0 || !servable.test(group.getKey())) {
        continue;
      }
      int taken = 0;
      for (Entry e : group.getValue()) {
        if (taken >= limit) {
          break;
        }
        if (eligible.test(e.taskId())) {
          out.add(e);
          taken++;
        }
      }
    }
    out.sort(ORDER);
    return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
  }

  public Optional<Entry> get(String taskId) {
    return Optional.ofNullable(byId.get(taskId));
  }

  public boolean contains(String taskId) {
    return byId.containsKey(taskId);
  }

  /** The sum of the queued tasks' estimated run times (tasks without an estimate count 0). */
  public long estimatedMs() {
    return estimatedMs;
  }

  public int size() {
    return byId.size();
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
