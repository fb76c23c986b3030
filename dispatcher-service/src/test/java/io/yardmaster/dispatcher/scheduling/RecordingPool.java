package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One pool's scheduler core on a clock the test moves, with an outbox that keeps what it is told:
 * for tests of strategies and agent health that drive the core through heartbeats and results.
 */
final class RecordingPool implements Outbox {
  static final long START = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
  static final long INTERVAL_MS = 1000;

  final PoolScheduler scheduler;
  final List<Assignment> assignments = new ArrayList<>();
  final List<TaskEvent> events = new ArrayList<>();
  long now = START;
  private int taken;
  private long leases;

  RecordingPool(SchedulerOptions options) {
    scheduler =
        new PoolScheduler(
            "main",
            options,
            TaskStore.inMemory(),
            this,
            new SplittableRandom(1),
            () -> "L" + ++leases);
  }

  static RecordingPool withStrategy(String strategy) {
    return new RecordingPool(SchedulerOptions.DEFAULTS.withStrategy(strategy).withWorkAheadCap(0));
  }

  /** A heartbeat from an agent in no particular place, idle host, weight 1. */
  void heartbeat(String agent, int slots, Set<String> caps) {
    heartbeat(agent, slots, caps, null, null, 1.0, HostLoad.UNKNOWN);
  }

  void heartbeat(
      String agent,
      int slots,
      Set<String> caps,
      String region,
      String zone,
      double weight,
      HostLoad load) {
    heartbeat(agent, slots, caps, region, zone, weight, load, AgentHeartbeat.Status.ACTIVE);
  }

  /** A LEAVING heartbeat: the agent drains and goes. */
  void leave(String agent, int slots) {
    heartbeat(
        agent, slots, Set.of(), null, null, 1.0, HostLoad.UNKNOWN, AgentHeartbeat.Status.LEAVING);
  }

  void heartbeat(
      String agent,
      int slots,
      Set<String> caps,
      String region,
      String zone,
      double weight,
      HostLoad load,
      AgentHeartbeat.Status status) {
    heartbeat(agent, slots, caps, region, zone, weight, load, status, now);
  }

  /** A heartbeat the agent sent at {@code sentAtMs}, read now. */
  void heartbeatSentAt(String agent, int slots, long sentAtMs) {
    heartbeat(
        agent,
        slots,
        Set.of(),
        null,
        null,
        1.0,
        HostLoad.UNKNOWN,
        AgentHeartbeat.Status.ACTIVE,
        sentAtMs);
  }

  private void heartbeat(
      String agent,
      int slots,
      Set<String> caps,
      String region,
      String zone,
      double weight,
      HostLoad load,
      AgentHeartbeat.Status status,
      long sentAtMs) {
    scheduler.onHeartbeat(
        new AgentHeartbeat(
            agent,
            "main",
            caps,
            slots,
            slots,
            List.of(),
            region,
            zone,
            "test",
            weight,
            AgentCounters.ZERO,
            load,
            INTERVAL_MS,
            status,
            Instant.ofEpochMilli(sentAtMs)),
        now);
  }

  void submit(TaskSubmission task) {
    scheduler.enqueue(task, null, now);
  }

  /** Assignments sent since the last call. */
  List<Assignment> newAssignments() {
    List<Assignment> fresh = List.copyOf(assignments.subList(taken, assignments.size()));
    taken = assignments.size();
    return fresh;
  }

  void succeed(Assignment a, long durationMs) {
    result(a, TaskResult.Status.SUCCEEDED, durationMs, null);
  }

  void fail(Assignment a) {
    result(a, TaskResult.Status.FAILED, 10, TaskError.of("boom", "it failed"));
  }

  void result(Assignment a, TaskResult.Status status, long durationMs, TaskError error) {
    scheduler.onResult(
        new TaskResult(
            a.taskId(),
            "main",
            a.agentId(),
            a.attempt(),
            a.leaseId(),
            status,
            null,
            null,
            0,
            durationMs,
            error,
            null),
        now);
  }

  void advance(long ms) {
    now += ms;
    scheduler.tick(now);
  }

  /** The reasons of the AGENT_HEALTH events about one agent, in order. */
  List<String> health(String agent) {
    return events.stream()
        .filter(e -> e.type() == EventType.AGENT_HEALTH && e.taskId().equals(agent))
        .map(TaskEvent::reason)
        .toList();
  }

  @Override
  public void assignment(Assignment assignment) {
    assignments.add(assignment);
  }

  @Override
  public void event(TaskEvent event) {
    events.add(event);
  }

  @Override
  public void view(TaskView view) {}

  @Override
  public void deadLetter(DeadLetter deadLetter) {}

  @Override
  public void poolStatus(PoolStatus status) {}
}
