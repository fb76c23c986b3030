package io.yardmaster.benchmarks.system;

import io.yardmaster.deploy.local.ManagedProcess;
import io.yardmaster.dispatcher.scheduling.SchedulerOptions;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * W3: a backlog of low-priority tasks, then high-priority ones, all queued before any agent is up;
 * then one agent with 2 slots. Counts the low tasks that finish before the last high one (ideal 0;
 * the bound is the agent's slots plus its work-ahead window).
 */
final class PriorityWorkload {
  private PriorityWorkload() {}

  static void run(Workloads w) throws InterruptedException {
    List<TaskSubmission> low = new ArrayList<>();
    List<TaskSubmission> high = new ArrayList<>();
    for (int i = 0; i < w.sizes.priorityLow(); i++) {
      low.add(Workloads.sleep("w3-low-" + i, Workloads.PRIORITY, 1).withPriority(Priority.of(1)));
    }
    for (int i = 0; i < w.sizes.priorityHigh(); i++) {
      high.add(
          Workloads.sleep("w3-high-" + i, Workloads.PRIORITY, 1).withPriority(Priority.of(10)));
    }
    w.submitter.sendAll(low);
    w.submitter.sendAll(high);
    List<String> all = new ArrayList<>(Workloads.ids(low));
    all.addAll(Workloads.ids(high));
    if (!w.recorder.await(
        all, v -> v.state() == TaskState.READY, all.size(), Duration.ofMinutes(2))) {
      throw new IllegalStateException("W3: the backlog was not all READY within 2 minutes");
    }
    List<ManagedProcess> agents = w.startAgents(Workloads.PRIORITY, 1, 2);
    w.awaitAll("W3", all, Duration.ofMinutes(5));
    Map<String, Recorder.Task> seen = w.recorder.snapshot(all);
    Instant lastHigh =
        Workloads.ids(high).stream()
            .map(id -> seen.get(id).succeeded())
            .max(Instant::compareTo)
            .orElseThrow();
    long lowsFirst =
        Workloads.ids(low).stream()
            .filter(id -> seen.get(id).succeeded().isBefore(lastHigh))
            .count();
    w.figures.add(
        Figure.of(
            "W3", "low tasks finished before the last high one (ideal 0)", lowsFirst, "tasks"));
    w.notes.add(
        "W3 bound: at most the agent's 2 slots plus its work-ahead window can start ahead of a"
            + " better task; the window is 1 task until the agent's run time and the dispatch round"
            + " trip are measured, then Little's law (2 slots / run time × round trip) up to"
            + " --work-ahead-cap ("
            + SchedulerOptions.DEFAULT_WORK_AHEAD_CAP
            + " by default).");
    agents.forEach(w.cluster::stop);
  }
}
