package io.yardmaster.dispatcher.dependency;

import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds tasks back until their dependencies succeed, across pools and partitions. Everything is
 * keyed by task id: a waiting task registers with each dependency (a message keyed by the
 * dependency's id); a dependency's terminal state, which the schedulers announce with a FINISHED
 * message keyed by its id, is sent back to each waiter (keyed by the waiter's id). Failures
 * propagate as UPSTREAM_FAILED, cycles are found by probes that follow pending dependencies, and a
 * dependency never seen makes its waiter UNSCHEDULABLE after a configurable wait.
 */
public final class DependencyTracker {
  public static final String WAITING_STORE = "dep-waiting";
  public static final String REGISTRY_STORE = "dep-registry";
  static final int MAX_PROBE_PATH = 1000;

  /** Where the tracker's decisions go. */
  public interface Output {
    void send(DependencyMessage message);

    void event(TaskEvent event);

    void view(TaskView view);

    /** The task's dependencies all succeeded: queue it in its pool. */
    void release(TaskSubmission task, Instant submittedAt);
  }

  private final KeyValueStore<String, WaitingTask> waiting;
  private final KeyValueStore<String, DependencyRegistry> registry;
  private final Output out;
  private final Duration unknownTimeout;
  private final java.util.function.Predicate<String> exists;

  public DependencyTracker(
      KeyValueStore<String, WaitingTask> waiting,
      KeyValueStore<String, DependencyRegistry> registry,
      Output out,
      Duration unknownTimeout,
      java.util.function.Predicate<String> exists) {
    this.exists = exists;
    this.waiting = waiting;
    this.registry = registry;
    this.out = out;
    this.unknownTimeout = unknownTimeout;
  }

  /** A routed task with dependencies: it waits, registers with each and starts a cycle search. */
  public void hold(TaskSubmission task, Instant now) {
    Set<String> deps = new TreeSet<>(task.dependencies());
    WaitingTask w = new WaitingTask(task, TaskState.WAITING, deps, deps, null, now, false, null);
    waiting.put(task.id(), w);
    transition(
        w,
        TaskState.SUBMITTED,
        TaskState.WAITING,
        "waiting for " + deps.size() + " dependencies: " + String.join(", ", deps),
        now);
    for (String d : deps) {
      out.send(DependencyMessage.register(d, task.id()));
      out.send(DependencyMessage.probe(d, List.of(task.id())));
    }
  }

  /** Whether the task is held here (so commands for it are answered here). */
  public WaitingTask waiting(String taskId) {
    return waiting.get(taskId);
  }

  public void handle(DependencyMessage m, Instant now) {
    switch (m.kind()) {
      case REGISTER -> register(m.target(), m.subject());
      case KNOWN -> known(m.target(), m.subject());
      case RESOLVED -> resolved(m.target(), m.subject(), m.state(), now);
      case PROBE -> probe(m.target(), m.path(), now);
      case CYCLE -> inCycle(m.target(), m.path(), now);
      case FINISHED -> onFinished(m.target(), m.state());
      case REOPENED -> onReopened(m.target());
      case MOVED -> {} // intake's concern: where the task's commands go
    }
  }

  /** A task was accepted: whoever registered for it before it arrived now knows it exists. */
  public void onSubmitted(String taskId) {
    DependencyRegistry r = registry.get(taskId);
    if (r != null) {
      r.waiters().forEach(w -> out.send(DependencyMessage.known(w, taskId)));
    }
  }

  /** A task reached a terminal state: its waiters learn it, and so will later ones. */
  public void onFinished(String taskId, TaskState state) {
    DependencyRegistry reg = registry.get(taskId);
    DependencyRegistry r = reg == null ? DependencyRegistry.EMPTY : reg;
    if (state == r.terminalState()) {
      return;
    }
    r.waiters().forEach(w -> out.send(DependencyMessage.resolved(w, taskId, state)));
    registry.put(taskId, new DependencyRegistry(state, r.waiters()));
  }

  /** A terminal task was replayed: until it ends again, it is pending for its waiters. */
  public void onReopened(String taskId) {
    DependencyRegistry r = registry.get(taskId);
    if (r != null && r.terminalState() != null) {
      registry.put(taskId, new DependencyRegistry(null, r.waiters()));
    }
  }

  private void register(String dependency, String waiter) {
    DependencyRegistry reg = registry.get(dependency);
    DependencyRegistry r = reg == null ? DependencyRegistry.EMPTY : reg;
    Set<String> waiters = new TreeSet<>(r.waiters());
    waiters.add(waiter);
    registry.put(dependency, new DependencyRegistry(r.terminalState(), waiters));
    if (exists.test(dependency)) {
      out.send(DependencyMessage.known(waiter, dependency));
    }
    if (r.terminalState() != null) {
      out.send(DependencyMessage.resolved(waiter, dependency, r.terminalState()));
    }
  }

  private void known(String waiter, String dependency) {
    WaitingTask w = waiting.get(waiter);
    if (w != null && w.unknown().contains(dependency)) {
      Set<String> unknown = new TreeSet<>(w.unknown());
      unknown.remove(dependency);
      waiting.put(
          waiter, w.with(w.state(), w.pending(), unknown, w.failedBecause(), w.unknownReported()));
    }
  }

  private void resolved(String waiter, String dependency, TaskState state, Instant now) {
    WaitingTask w = waiting.get(waiter);
    if (w == null) {
      return;
    }
    Set<String> unknown = new TreeSet<>(w.unknown());
    unknown.remove(dependency);
    if (state == TaskState.SUCCEEDED) {
      Set<String> pending = new TreeSet<>(w.pending());
      pending.remove(dependency);
      boolean revive =
          w.state() == TaskState.UPSTREAM_FAILED && dependency.equals(w.failedBecause());
      if (w.state() != TaskState.WAITING && !revive) {
        waiting.put(
            waiter, w.with(w.state(), pending, unknown, w.failedBecause(), w.unknownReported()));
        return;
      }
      if (pending.isEmpty()) {
        waiting.delete(waiter);
        if (revive) {
          transition(
              w,
              TaskState.UPSTREAM_FAILED,
              TaskState.WAITING,
              "dependency " + dependency + " succeeded after a replay",
              now);
        }
        // The scheduler records the move to READY when it queues the task.
        out.release(w.task(), w.since());
        return;
      }
      WaitingTask next = w.with(TaskState.WAITING, pending, unknown, null, w.unknownReported());
      waiting.put(waiter, next);
      if (revive) {
        transition(
            next,
            TaskState.UPSTREAM_FAILED,
            TaskState.WAITING,
            "dependency " + dependency + " succeeded after a replay",
            now);
        // Another dependency may have failed meanwhile (ignored while this task was failed):
        // registering again makes each remaining dependency answer with its terminal state.
        pending.forEach(d -> out.send(DependencyMessage.register(d, waiter)));
      }
    } else if (w.state() == TaskState.WAITING) {
      WaitingTask failed =
          w.with(TaskState.UPSTREAM_FAILED, w.pending(), unknown, dependency, w.unknownReported());
      waiting.put(waiter, failed);
      transition(
          failed,
          TaskState.WAITING,
          TaskState.UPSTREAM_FAILED,
          "dependency " + dependency + " ended " + state,
          now);
    }
  }

  private void probe(String at, List<String> path, Instant now) {
    if (at.equals(path.get(0))) {
      List<String> cycle = new ArrayList<>(path);
      cycle.add(at);
      new HashSet<>(path).forEach(member -> out.send(DependencyMessage.cycle(member, cycle)));
      return;
    }
    WaitingTask w = waiting.get(at);
    String origin = path.get(0);
    if (w == null
        || w.state() != TaskState.WAITING
        || w.probedBy().contains(origin)
        || path.contains(at)
        || path.size() >= MAX_PROBE_PATH) {
      return;
    }
    // Each search passes a task once: every path through it to a cycle back to the origin is
    // explored from here the first time, so later arrivals of the same search add nothing.
    waiting.put(at, w.probedBy(origin));
    List<String> next = new ArrayList<>(path);
    next.add(at);
    w.pending().forEach(d -> out.send(DependencyMessage.probe(d, next)));
  }

  private void inCycle(String taskId, List<String> cycle, Instant now) {
    WaitingTask w = waiting.get(taskId);
    if (w == null || w.state() != TaskState.WAITING) {
      return;
    }
    waiting.delete(taskId);
    transition(
        w,
        TaskState.WAITING,
        TaskState.REJECTED,
        "dependency cycle: " + String.join(" -> ", cycle),
        now);
  }

  /** Cancels a waiting task; false when it is not waiting here. */
  public boolean cancel(String taskId, Instant now) {
    WaitingTask w = waiting.get(taskId);
    if (w == null || w.state() != TaskState.WAITING) {
      return false;
    }
    waiting.delete(taskId);
    transition(
        w, TaskState.WAITING, TaskState.CANCELLED, "cancelled by an operator while waiting", now);
    return true;
  }

  /** Reports dependencies still unknown after a while, and gives up on them after the timeout. */
  public void checkUnknown(Instant now) {
    List<WaitingTask> expired = new ArrayList<>();
    List<WaitingTask> report = new ArrayList<>();
    try (KeyValueIterator<String, WaitingTask> it = waiting.all()) {
      it.forEachRemaining(
          kv -> {
            WaitingTask w = kv.value;
            if (w.state() != TaskState.WAITING || w.unknown().isEmpty()) {
              return;
            }
            Duration age = Duration.between(w.since(), now);
            if (!unknownTimeout.isZero() && age.compareTo(unknownTimeout) >= 0) {
              expired.add(w);
            } else if (!w.unknownReported() && age.toSeconds() >= 2) {
              report.add(w);
            }
          });
    }
    for (WaitingTask w : report) {
      waiting.put(w.task().id(), w.with(w.state(), w.pending(), w.unknown(), null, true));
      out.view(view(w, TaskState.WAITING, unknownReason(w), now));
    }
    for (WaitingTask w : expired) {
      waiting.delete(w.task().id());
      transition(
          w,
          TaskState.WAITING,
          TaskState.UNSCHEDULABLE,
          unknownReason(w) + " for " + unknownTimeout,
          now);
    }
  }

  private static String unknownReason(WaitingTask w) {
    return "waiting for unknown task " + String.join(", ", w.unknown());
  }

  private void transition(WaitingTask w, TaskState from, TaskState to, String reason, Instant now) {
    out.event(TaskEvent.transition(w.task().id(), from, to, w.task().pool(), null, 0, reason, now));
    out.view(view(w, to, reason, now));
    if (to.isTerminal()) {
      onFinished(w.task().id(), to);
    } else if (from.isTerminal()) {
      onReopened(w.task().id());
    }
  }

  private static TaskView view(WaitingTask w, TaskState state, String reason, Instant now) {
    TaskSubmission t = w.task();
    return new TaskView(
        t.id(),
        state,
        t.pool(),
        t.type(),
        null,
        0,
        reason,
        t.priority(),
        t.dependencies(),
        w.since(),
        null,
        null,
        state.isTerminal() ? now : null,
        now,
        null,
        false);
  }
}
