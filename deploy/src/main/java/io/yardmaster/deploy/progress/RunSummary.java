package io.yardmaster.deploy.progress;

import io.yardmaster.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a run did, from the task events: tasks per final state, per pool the throughput and the p50
 * / p99 wait (first seen → started) and run (started → ended) times, the retries, and whether the
 * dependencies held.
 */
public record RunSummary(
    int tasks,
    Map<TaskState, Integer> byState,
    List<PoolLine> pools,
    List<String> retried,
    DependencyCheck dependencies) {

  /** One pool's figures; times in milliseconds, throughput in tasks per second (NaN: unknown). */
  public record PoolLine(
      String pool,
      int tasks,
      int succeeded,
      int failed,
      double throughputPerSec,
      long waitP50Ms,
      long waitP99Ms,
      long runP50Ms,
      long runP99Ms) {}

  public RunSummary {
    byState = Map.copyOf(byState);
    pools = List.copyOf(pools);
    retried = List.copyOf(retried);
  }

  /** Retries seen: the number of moves to RETRY_WAIT, over all tasks. */
  public int retries() {
    return retried.size();
  }

  /** Whether every task succeeded and no task started before its dependencies. */
  public boolean allSucceeded() {
    return tasks > 0 && byState.getOrDefault(TaskState.SUCCEEDED, 0) == tasks;
  }

  /**
   * Computes the summary of {@code taskIds}.
   *
   * @param dependencies each task's dependencies (tasks without any may be left out)
   */
  public static RunSummary of(
      Collection<String> taskIds,
      Map<String, TaskTimeline> timelines,
      Map<String, List<String>> dependencies) {
    Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
    Map<String, List<TaskTimeline>> byPool = new TreeMap<>();
    List<String> retried = new ArrayList<>();
    for (String id : taskIds) {
      TaskTimeline t = timelines.getOrDefault(id, new TaskTimeline(id));
      byState.merge(t.state().orElse(TaskState.SUBMITTED), 1, Integer::sum);
      byPool
          .computeIfAbsent(t.pool().orElse(ProgressBoard.UNROUTED), p -> new ArrayList<>())
          .add(t);
      for (int i = 0; i < t.count(TaskState.RETRY_WAIT); i++) {
        retried.add(id);
      }
    }
    List<PoolLine> pools = new ArrayList<>();
    byPool.forEach((pool, list) -> pools.add(poolLine(pool, list)));
    return new RunSummary(
        taskIds.size(), byState, pools, retried, DependencyCheck.of(dependencies, timelines));
  }

  private static PoolLine poolLine(String pool, List<TaskTimeline> timelines) {
    Histogram waits = new Histogram(3);
    Histogram runs = new Histogram(3);
    Instant firstStart = null;
    Instant lastSuccess = null;
    int succeeded = 0;
    int failed = 0;
    for (TaskTimeline t : timelines) {
      t.waitTime().ifPresent(d -> waits.recordValue(nonNegativeMs(d)));
      t.runTimes().forEach(d -> runs.recordValue(nonNegativeMs(d)));
      Optional<Instant> started = t.firstAt(TaskState.RUNNING);
      if (started.isPresent() && (firstStart == null || started.get().isBefore(firstStart))) {
        firstStart = started.get();
      }
      Optional<TaskState> state = t.state();
      if (state.equals(Optional.of(TaskState.SUCCEEDED))) {
        succeeded++;
        Instant done = t.firstAt(TaskState.SUCCEEDED).orElseThrow();
        lastSuccess = lastSuccess == null || done.isAfter(lastSuccess) ? done : lastSuccess;
      } else if (state.map(TaskState::isTerminalFailure).orElse(false)) {
        failed++;
      }
    }
    double throughput = Double.NaN;
    if (firstStart != null && lastSuccess != null && lastSuccess.isAfter(firstStart)) {
      throughput = succeeded / (Duration.between(firstStart, lastSuccess).toNanos() / 1e9);
    }
    return new PoolLine(
        pool,
        timelines.size(),
        succeeded,
        failed,
        throughput,
        percentile(waits, 50),
        percentile(waits, 99),
        percentile(runs, 50),
        percentile(runs, 99));
  }

  private static long percentile(Histogram h, double p) {
    return h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(p);
  }

  private static long nonNegativeMs(Duration d) {
    return Math.max(0, d.toMillis());
  }
}
