package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.scheduling.InvariantCheckingOutbox.AgentFacts;
import io.yardmaster.dispatcher.scheduling.InvariantCheckingOutbox.Op;
import io.yardmaster.dispatcher.testing.Heartbeats;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A worker agent of a {@link PoolSimulation}: runs what it is sent on as many slots as it has,
 * reports STARTED and then SUCCEEDED or FAILED, stops a task it is told to cancel, hands back
 * unstarted tasks when it leaves, and may go silent for a while or for good, then report for leases
 * long expired.
 */
final class SimulatedAgent {
  private final PoolSimulation sim;
  final String id;
  final int slots;
  final Set<String> caps;
  final boolean reportsStart;
  final List<Job> jobs = new ArrayList<>();
  boolean active = true;
  boolean leaving;
  boolean sentLeaving;
  long silentUntil;
  long lastHeartbeatMs = Long.MIN_VALUE / 2;

  SimulatedAgent(PoolSimulation sim, String id, int slots, Set<String> caps) {
    this.sim = sim;
    this.id = id;
    this.slots = slots;
    this.caps = Set.copyOf(caps);
    this.reportsStart = sim.rnd.nextInt(4) != 0;
  }

  AgentFacts facts() {
    return new AgentFacts(caps, slots, lastHeartbeatMs, !sentLeaving);
  }

  boolean awake() {
    return active && sim.now >= silentUntil;
  }

  void inbox(Assignment a) {
    if (a.action() == Assignment.Action.RUN) {
      jobs.add(new Job(a));
      return;
    }
    for (Job j : jobs) {
      if (j.run.leaseId().equals(a.leaseId()) && awake() && sim.rnd.nextInt(3) != 0) {
        finish(j, TaskResult.Status.CANCELLED, null);
        return;
      }
    }
  }

  void act() {
    if (!awake()) {
      return;
    }
    if (sim.now - lastHeartbeatMs >= PoolSimulation.HEARTBEAT_MS) {
      heartbeat();
    }
    for (Job j : List.copyOf(jobs)) {
      if (j.finishAt < 0 && leaving) {
        finish(j, TaskResult.Status.RELEASED, null);
      } else if (j.finishAt >= 0 && j.finishAt <= sim.now) {
        int r = sim.rnd.nextInt(50);
        TaskError error =
            r < 5
                ? TaskError.of("boom", "it failed")
                : r == 5 ? new TaskError("bad", "bad input", false) : null;
        finish(j, error == null ? TaskResult.Status.SUCCEEDED : TaskResult.Status.FAILED, error);
      }
    }
    long busy = jobs.stream().filter(j -> j.finishAt >= 0).count();
    for (Job j : List.copyOf(jobs)) {
      if (j.finishAt < 0 && busy < slots) {
        busy++;
        j.finishAt = sim.now + duration();
        if (reportsStart) {
          send(j.run, TaskResult.Status.STARTED, null);
        }
      }
    }
    if (leaving && jobs.isEmpty()) {
      heartbeat();
      active = false;
    }
  }

  long duration() {
    int r = sim.rnd.nextInt(20);
    return r == 0
        ? 20_000 + sim.rnd.nextInt(40_000)
        : r < 5 ? 1_500 + sim.rnd.nextInt(4_500) : 50 + sim.rnd.nextInt(1_450);
  }

  void heartbeat() {
    AgentHeartbeat.Status status =
        leaving ? AgentHeartbeat.Status.LEAVING : AgentHeartbeat.Status.ACTIVE;
    AgentHeartbeat hb =
        Heartbeats.of(id, "main", caps, slots, PoolSimulation.HEARTBEAT_MS, status, sim.now);
    lastHeartbeatMs = sim.now;
    sentLeaving = leaving;
    sim.run(
        Op.HEARTBEAT,
        null,
        null,
        "heartbeat of " + id,
        () -> sim.scheduler.onHeartbeat(hb, sim.now));
  }

  void finish(Job j, TaskResult.Status status, TaskError error) {
    jobs.remove(j);
    send(j.run, status, error);
  }

  void send(Assignment a, TaskResult.Status status, TaskError error) {
    TaskResult result =
        new TaskResult(
            a.taskId(),
            "main",
            id,
            a.attempt(),
            a.leaseId(),
            status,
            null,
            null,
            0,
            10,
            error,
            null);
    sim.run(
        Op.RESULT,
        a.taskId(),
        result,
        status + " of " + a.taskId() + "/" + a.leaseId() + " from " + id,
        () -> sim.scheduler.onResult(result, sim.now));
  }

  /** An assignment an agent holds, and when it will finish once started (-1: not started). */
  private static final class Job {
    final Assignment run;
    long finishAt = -1;

    Job(Assignment run) {
      this.run = run;
    }
  }
}
