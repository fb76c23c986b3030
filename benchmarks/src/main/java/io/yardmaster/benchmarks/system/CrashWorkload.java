package io.yardmaster.benchmarks.system;

import io.yardmaster.deploy.local.ManagedProcess;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W5: two agents work through sleep tasks and one is killed with SIGKILL mid-run. Counts tasks lost
 * (never SUCCEEDED), tasks run twice, and how long the killed agent's tasks wait to run again.
 */
final class CrashWorkload {
  private static final String VICTIM = "agent-" + Workloads.CRASH + "-0";

  private CrashWorkload() {}

  static void run(Workloads w) throws InterruptedException {
    List<ManagedProcess> agents = w.startAgents(Workloads.CRASH, 2, 4);
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int i = 0; i < w.sizes.crashTasks(); i++) {
      tasks.add(Workloads.sleep("w5-" + i, Workloads.CRASH, 20));
    }
    w.submitter.sendAll(tasks);
    List<String> ids = Workloads.ids(tasks);
    int killAfter = (int) (ids.size() * 0.3);
    if (!w.recorder.await(
        ids, v -> v.state() == TaskState.SUCCEEDED, killAfter, Duration.ofMinutes(2))) {
      throw new IllegalStateException("W5: not 30% done within 2 minutes");
    }
    Instant killedAt = Instant.now();
    w.cluster.kill(agents.get(0));
    boolean allDone = w.recorder.awaitSucceeded(ids, Duration.ofSeconds(90));
    Map<String, Recorder.Task> seen = w.recorder.snapshot(ids);
    long lost = ids.size() - w.recorder.count(ids, v -> v.state() == TaskState.SUCCEEDED);
    long succeededTwice =
        seen.values().stream().filter(t -> t.count(TaskResult.Status.SUCCEEDED) > 1).count();
    long startedTwice = seen.values().stream().filter(t -> t.attemptsStarted() > 1).count();
    // the victim's unfinished leases: assigned to it, with no final result from it
    double worstRerun = 0;
    int orphans = 0;
    for (Recorder.Task t : seen.values()) {
      for (Assignment a : t.assignments) {
        if (!a.agentId().equals(VICTIM) || a.action() != Assignment.Action.RUN) {
          continue;
        }
        boolean finished =
            t.results.stream()
                .anyMatch(
                    r ->
                        r.agentId().equals(VICTIM)
                            && r.attempt() == a.attempt()
                            && r.status().isFinal());
        if (finished) {
          continue;
        }
        orphans++;
        Instant rerun =
            t.results.stream()
                .filter(r -> r.started() != null && !r.agentId().equals(VICTIM))
                .map(Recorder.Result::started)
                .filter(s -> s.isAfter(killedAt))
                .min(Instant::compareTo)
                .orElse(null);
        double wait =
            rerun == null ? Double.NaN : Duration.between(killedAt, rerun).toMillis() / 1000.0;
        worstRerun =
            Double.isNaN(wait) || Double.isNaN(worstRerun)
                ? Double.NaN
                : Math.max(worstRerun, wait);
      }
    }
    w.figures.add(Figure.of("W5", "tasks lost", lost, "tasks").target(Figure.Target.atMost(0)));
    w.figures.add(Figure.of("W5", "tasks run to completion twice", succeededTwice, "tasks"));
    w.figures.add(Figure.of("W5", "tasks started more than once", startedTwice, "tasks"));
    w.figures.add(
        Figure.of("W5", "kill → last of the killed agent's tasks running again", worstRerun, "s")
            .target(Figure.Target.atMost(3)));
    w.notes.add(
        String.format(
            Locale.ROOT,
            "W5: the killed agent held %d unfinished leases; agents send a heartbeat every %s and"
                + " the dispatcher re-queues after 3 missed ones.%s",
            orphans,
            BenchCluster.HEARTBEAT_INTERVAL,
            allDone ? "" : " Not every task succeeded within 90 s of the kill."));
    w.cluster.stop(agents.get(1));
  }
}
