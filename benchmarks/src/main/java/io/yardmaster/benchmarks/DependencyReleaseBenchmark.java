package io.yardmaster.benchmarks;

import io.yardmaster.dispatcher.dependency.DependencyMessage;
import io.yardmaster.dispatcher.dependency.DependencyRegistry;
import io.yardmaster.dispatcher.dependency.DependencyTracker;
import io.yardmaster.dispatcher.dependency.WaitingTask;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dependency tracker releasing the dependents of one task: {@code dependents} tasks wait on one
 * dependency, which succeeds; every message the tracker sends is handed straight back to it (as the
 * dependency topic would), until each dependent is released to its pool. {@code release} measures
 * just that; {@code holdAndRelease} also holds the dependents first (registration and the cycle
 * search's probes). Stores are plain sorted maps, so the figure is the tracker's own cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DependencyReleaseBenchmark {
  private static final String DEPENDENCY = "parent";
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @Param({"1", "100", "10000"})
  public int dependents;

  private final MapStore<String, WaitingTask> waiting =
      new MapStore<>(DependencyTracker.WAITING_STORE);
  private final MapStore<String, DependencyRegistry> registry =
      new MapStore<>(DependencyTracker.REGISTRY_STORE);
  private final ArrayDeque<DependencyMessage> inFlight = new ArrayDeque<>();
  private DependencyTracker tracker;
  private TaskSubmission[] tasks;
  private WaitingTask[] held;
  private DependencyRegistry waitingOnParent;
  private int released;

  @Setup(Level.Trial)
  public void build() {
    tracker =
        new DependencyTracker(
            waiting,
            registry,
            new DependencyTracker.Output() {
              @Override
              public void send(DependencyMessage message) {
                inFlight.add(message);
              }

              @Override
              public void event(TaskEvent event) {}

              @Override
              public void view(TaskView view) {}

              @Override
              public void release(TaskSubmission task, Instant submittedAt) {
                released++;
              }
            },
            Duration.ZERO,
            id -> true);
    tasks = new TaskSubmission[dependents];
    held = new WaitingTask[dependents];
    java.util.Set<String> waiters = new java.util.TreeSet<>();
    for (int i = 0; i < dependents; i++) {
      tasks[i] = TaskSubmission.of("child-" + i, "noop").withDependencies(List.of(DEPENDENCY));
      held[i] =
          new WaitingTask(
              tasks[i],
              TaskState.WAITING,
              java.util.Set.of(DEPENDENCY),
              java.util.Set.of(),
              null,
              NOW,
              false,
              java.util.Set.of(tasks[i].id()));
      waiters.add(tasks[i].id());
    }
    waitingOnParent = new DependencyRegistry(null, waiters);
  }

  /** Every dependent already held and registered; only the release is measured. */
  @Setup(Level.Invocation)
  public void holdDependents() {
    waiting.clear();
    registry.clear();
    inFlight.clear();
    for (WaitingTask w : held) {
      waiting.put(w.task().id(), w);
    }
    registry.put(DEPENDENCY, waitingOnParent);
    released = 0;
  }

  @Benchmark
  public int release() {
    tracker.handle(DependencyMessage.finished(DEPENDENCY, TaskState.SUCCEEDED), NOW);
    deliver();
    check();
    return released;
  }

  @Benchmark
  public int holdAndRelease() {
    waiting.clear();
    registry.clear();
    for (TaskSubmission t : tasks) {
      tracker.hold(t, NOW);
    }
    deliver();
    tracker.handle(DependencyMessage.finished(DEPENDENCY, TaskState.SUCCEEDED), NOW);
    deliver();
    check();
    return released;
  }

  private void deliver() {
    DependencyMessage m;
    while ((m = inFlight.poll()) != null) {
      tracker.handle(m, NOW);
    }
  }

  private void check() {
    if (released != dependents) {
      throw new IllegalStateException(released + " of " + dependents + " released");
    }
  }
}
