package io.yardmaster.dispatcher.scheduling;

import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.at;
import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.ms;

import io.yardmaster.dispatcher.scheduling.health.AgentHealth;
import io.yardmaster.dispatcher.scheduling.strategy.LoadBalancingStrategy;
import io.yardmaster.dispatcher.scheduling.strategy.Strategies;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One pool's scheduler, in plain Java: its whole backlog, its agents and their leases. Whenever
 * work or room appears it assigns the ready task with the highest current score to an agent chosen
 * by the pool's strategy among those that can serve it and have room in their credit. Time is
 * always passed in, so tests and benchmarks control it.
 */
public final class PoolScheduler {
  private final TaskLifecycle life;
  private final LeaseKeeper leases;
  private final PriorityScorer scorer;
  private final WorkAhead workAhead;
  private final LoadBalancingStrategy strategy;
  private final Supplier<String> leaseIds;
  private boolean paused;

  public PoolScheduler(
      String pool,
      SchedulerOptions options,
      TaskStore store,
      Outbox outbox,
      RandomGenerator random,
      Supplier<String> leaseIds) {
    Objects.requireNonNull(pool, "pool can't be null");
    Objects.requireNonNull(options, "options can't be null");
    Objects.requireNonNull(store, "store can't be null");
    Objects.requireNonNull(outbox, "outbox can't be null");
    Objects.requireNonNull(random, "random can't be null");
    this.leaseIds = Objects.requireNonNull(leaseIds, "leaseIds can't be null");
    this.scorer = new PriorityScorer(options.scoring());
    this.life = new TaskLifecycle(pool, options, store, outbox, new ReadyQueue(scorer), random);
    this.leases = new LeaseKeeper(life);
    this.workAhead = new WorkAhead(options.workAheadCap());
    this.strategy = Strategies.create(options.strategy());
  }

  public String pool() {
    return life.pool;
  }

  public ReadyQueue ready() {
    return life.ready;
  }

  public AgentTable agents() {
    return life.agents;
  }

  public PoolCounters counters() {
    return life.counters;
  }

  public PriorityScorer scorer() {
    return scorer;
  }

  public WorkAhead workAhead() {
    return workAhead;
  }

  public boolean paused() {
    return paused;
  }

  public int retryWaiting() {
    return life.retries.size();
  }

  TaskLifecycle lifecycle() {
    return life;
  }

  /** Rebuilds the in-memory index from one stored record (after a restart or rebalance). */
  public void restore(TaskRecord r, long nowMs) {
    switch (r.state) {
      case READY -> life.queue(r, nowMs);
      case ASSIGNED, RUNNING -> life.agents.getOrPlaceholder(r.agentId, nowMs).addLease(r.id());
      case RETRY_WAIT -> life.retries.add(new TaskLifecycle.Due(ms(r.retryAt), r.id()));
      default -> {}
    }
  }

  /** Accepts a new task of this pool: it becomes READY and may be assigned at once. */
  public void enqueue(TaskSubmission task, Instant submittedAt, long nowMs) {
    enqueue(task, submittedAt, TaskState.SUBMITTED, nowMs);
  }

  /** Accepts a task that was {@code from} (SUBMITTED, or WAITING on dependencies until now). */
  public void enqueue(TaskSubmission task, Instant submittedAt, TaskState from, long nowMs) {
    if (life.store.get(task.id()) != null) {
      life.outbox.event(
          TaskEvent.note(
              task.id(),
              EventType.DUPLICATE_SUBMISSION,
              pool(),
              "already queued in " + pool(),
              at(nowMs)));
      return;
    }
    TaskRecord r =
        TaskRecord.submitted(task, pool(), submittedAt == null ? at(nowMs) : submittedAt);
    life.makeReady(r, "queued in pool " + pool(), nowMs);
    dispatch(nowMs);
  }

  public void onHeartbeat(AgentHeartbeat hb, long nowMs) {
    AgentState known = life.agents.get(hb.agentId());
    if (hb.status() == AgentHeartbeat.Status.LEAVING && known == null) {
      return; // a late goodbye from an agent that has already left
    }
    long gapMs = known == null ? 0 : known.heartbeatGapMs(hb, nowMs);
    if (life.agents.onHeartbeat(hb, nowMs)) {
      life.outbox.event(
          TaskEvent.note(
              hb.agentId(),
              EventType.AGENT_HEALTH,
              pool(),
              "agent joined with " + hb.slots() + " slots",
              at(nowMs)));
    } else {
      AgentState agent = life.agents.get(hb.agentId());
      life.health(agent, agent.healthTracker().onHeartbeat(gapMs, leases.intervalMs(agent)), nowMs);
    }
    leaveIfDrained(life.agents.get(hb.agentId()), nowMs);
    dispatch(nowMs);
  }

  /** Expires silent agents and overdue leases, releases due retries, and dispatches. */
  public void tick(long nowMs) {
    tick(nowMs, 0);
  }

  /**
   * Ticks with the lag of the input being read ({@code now} less the timestamp of the last record
   * processed): while the dispatcher works through a backlog, agents' silence does not count.
   */
  public void tick(long nowMs, long inputLagMs) {
    leases.tick(nowMs, inputLagMs);
    dispatch(nowMs);
  }

  /** Assigns ready tasks while some agent that can serve the best of them has room. */
  public void dispatch(long nowMs) {
    ReadyQueue ready = life.ready;
    life.expireOverdue(nowMs);
    if (paused || ready.isEmpty()) {
      return;
    }
    ready.refresh(nowMs);
    while (!ready.isEmpty()) {
      List<AgentState> open = new ArrayList<>();
      for (AgentState a : life.agents.all()) {
        if (room(a) > 0) {
          open.add(a);
        }
      }
      if (open.isEmpty()) {
        return;
      }
      Optional<ReadyQueue.Entry> best = ready.best(req -> anyCovers(open, req));
      if (best.isEmpty()) {
        return;
      }
      List<AgentState> candidates = new ArrayList<>();
      int bestRank = Integer.MAX_VALUE;
      for (AgentState a : open) {
        if (a.covers(best.get().requirement())) {
          bestRank = Math.min(bestRank, a.health().rank());
          candidates.add(a);
        }
      }
      // Healthy agents first: degraded and recovering ones get work when no healthier one has room.
      int rank = bestRank;
      candidates.removeIf(a -> a.health().rank() > rank);
      AgentState chosen = strategy.choose(best.get(), candidates);
      if (strategy.hold(best.get(), chosen, life.agents.all(), ready.estimatedMs(), nowMs)) {
        return; // the task waits for a better agent that is busy now
      }
      assign(best.get(), chosen, nowMs);
    }
  }

  /** How many more tasks an agent may be sent now: its credit, bounded by its health. */
  private int room(AgentState a) {
    AgentHealth health = a.health();
    return Math.min(workAhead.room(a), Math.max(0, health.maxInFlight() - a.inFlight()));
  }

  private static boolean anyCovers(List<AgentState> agents, Requirement req) {
    for (AgentState a : agents) {
      if (a.covers(req)) {
        return true;
      }
    }
    return false;
  }

  private void assign(ReadyQueue.Entry entry, AgentState agent, long nowMs) {
    life.ready.remove(entry.taskId());
    TaskRecord r = life.store.get(entry.taskId());
    r.attempt++;
    r.leaseId = leaseIds.get();
    r.agentId = agent.agentId();
    r.assignedAt = at(nowMs);
    r.startedAt = null;
    agent.addLease(r.id());
    long estimate = entry.placement().estimatedMs();
    if (estimate > 0) {
      agent.expectEnd(r.id(), nowMs + (long) (estimate * agent.pace()));
    }
    PoolCounters c = life.counters;
    c.assigned++;
    c.waitMsTotal += Math.max(0, nowMs - ms(r.readyAt));
    c.waits++;
    life.transition(r, TaskState.ASSIGNED, "assigned to " + agent.agentId(), nowMs);
    life.store.put(r);
    TaskSubmission t = r.task;
    life.outbox.assignment(
        new Assignment(
            Assignment.Action.RUN,
            r.id(),
            pool(),
            agent.agentId(),
            r.attempt,
            r.leaseId,
            t.type(),
            t.payload(),
            t.timeout(),
            t.priority().deadline(),
            r.assignedAt,
            t.labels()));
  }

  /**
   * Handles an agent's report; one from a lease that is no longer current is ignored and counted.
   */
  public void onResult(TaskResult result, long nowMs) {
    TaskRecord r = life.store.get(result.taskId());
    if (r == null
        || !result.leaseId().equals(r.leaseId)
        || (r.state != TaskState.ASSIGNED && r.state != TaskState.RUNNING)) {
      life.counters.staleResults++;
      life.outbox.event(
          new TaskEvent(
              result.taskId(),
              EventType.STALE_RESULT,
              null,
              null,
              pool(),
              result.agentId(),
              result.attempt(),
              "ignored "
                  + result.status()
                  + " from lease "
                  + result.leaseId()
                  + " (not the current lease)",
              at(nowMs)));
      return;
    }
    AgentState agent = life.agents.get(r.agentId);
    if (result.status() == TaskResult.Status.STARTED) {
      if (started(r, agent, result, nowMs)) {
        life.store.put(r);
      }
      return;
    }
    if (result.startedAt() != null && result.status() != TaskResult.Status.RELEASED) {
      // a short task reports its start with its result; the outcome below stores the record
      started(r, agent, result, nowMs);
    }
    if (agent != null) {
      agent.removeLease(r.id());
      if (result.status() != TaskResult.Status.RELEASED) {
        agent.recordDuration(result.durationMs());
      }
      if (result.status() == TaskResult.Status.SUCCEEDED && r.task.estimatedDuration() != null) {
        agent.recordPace(result.durationMs(), r.task.estimatedDuration().toMillis());
      }
      if (result.status() == TaskResult.Status.SUCCEEDED
          || (result.status() == TaskResult.Status.FAILED && !r.cancelRequested)) {
        boolean ok = result.status() == TaskResult.Status.SUCCEEDED;
        life.health(agent, agent.healthTracker().onResult(ok), nowMs);
      }
    }
    switch (result.status()) {
      case SUCCEEDED -> succeeded(r, nowMs);
      case FAILED -> {
        if (r.cancelRequested) {
          life.cancelled(r, nowMs);
        } else {
          life.fail(
              r,
              result.error() == null ? TaskError.of("unknown", "no error given") : result.error(),
              nowMs);
        }
      }
      case CANCELLED -> life.cancelled(r, nowMs);
      case RELEASED -> {
        life.record(r, "released", null, nowMs);
        if (r.cancelRequested) {
          life.cancelled(r, nowMs);
        } else {
          life.makeReady(r, "released by " + result.agentId() + " before it started", nowMs);
        }
      }
      default -> throw new IllegalStateException("unexpected " + result.status());
    }
    leaveIfDrained(agent, nowMs);
    dispatch(nowMs);
  }

  /** Moves an ASSIGNED task to RUNNING (not stored here); false when it was not ASSIGNED. */
  private boolean started(TaskRecord r, AgentState agent, TaskResult result, long nowMs) {
    if (r.state != TaskState.ASSIGNED) {
      return false;
    }
    // The agent says how long the task had run when it reported (a STARTED report may come after
    // a delay): the round trip leaves that out. A running task's lease still counts from now, so a
    // timeout is never earlier than the dispatcher can see; a finished one started that long ago.
    long startedMs = Math.max(ms(r.assignedAt), nowMs - result.durationMs());
    r.startedAt = at(result.status() == TaskResult.Status.STARTED ? nowMs : startedMs);
    if (agent != null) {
      agent.recordRoundTrip(Math.max(0, startedMs - ms(r.assignedAt) - result.queuedMs()));
    }
    life.transition(r, TaskState.RUNNING, "started on " + r.agentId, nowMs);
    return true;
  }

  private void succeeded(TaskRecord r, long nowMs) {
    PoolCounters c = life.counters;
    r.finishedAt = at(nowMs);
    Instant deadline = r.task.priority().deadline();
    r.late = deadline != null && nowMs > deadline.toEpochMilli();
    c.succeeded++;
    if (r.late) {
      c.lateFinished++;
    }
    life.record(r, "succeeded", null, nowMs);
    life.transition(
        r, TaskState.SUCCEEDED, r.late ? "succeeded after its deadline" : "succeeded", nowMs);
    life.store.delete(r.id());
  }

  private void leaveIfDrained(AgentState agent, long nowMs) {
    if (agent != null && agent.isLeaving() && agent.inFlight() == 0) {
      life.agents.remove(agent.agentId());
      life.health(agent, agent.healthTracker().offline("agent left"), nowMs);
    }
  }

  void setPausedFlag(boolean pause) {
    paused = pause;
  }

  /** What became of an operator command. */
  public record ControlResult(boolean accepted, String reason) {
    static ControlResult accepted(String reason) {
      return new ControlResult(true, reason);
    }

    static ControlResult rejected(String reason) {
      return new ControlResult(false, reason);
    }
  }
}
