package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.scheduling.strategy.LoadBalancingStrategy;
import io.yardmaster.dispatcher.scheduling.strategy.Strategies;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.AttemptRecord;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One pool's scheduler, in plain Java: its whole backlog, its agents and their leases. Whenever
 * work or room appears it assigns the ready task with the highest current score to an agent chosen
 * by the pool's strategy among those that can serve it and have room in their credit. Time is
 * always passed in, so tests and benchmarks control it.
 */
public final class PoolScheduler {
  private record Retry(long dueMs, String taskId) implements Comparable<Retry> {
    @Override
    public int compareTo(Retry o) {
      int c = Long.compare(dueMs, o.dueMs);
      return c != 0 ? c : taskId.compareTo(o.taskId);
    }
  }

  private final String pool;
  private final SchedulerOptions options;
  private final TaskStore store;
  private final Outbox outbox;
  private final PriorityScorer scorer;
  private final ReadyQueue ready;
  private final AgentTable agents = new AgentTable();
  private final WorkAhead workAhead;
  private final LoadBalancingStrategy strategy;
  private final TreeSet<Retry> retries = new TreeSet<>();
  private final RandomGenerator random;
  private final Supplier<String> leaseIds;
  private final PoolCounters counters = new PoolCounters();
  private boolean paused;
  private long nextSeq;

  public PoolScheduler(
      String pool,
      SchedulerOptions options,
      TaskStore store,
      Outbox outbox,
      RandomGenerator random,
      Supplier<String> leaseIds) {
    this.pool = Objects.requireNonNull(pool, "pool can't be null");
    this.options = Objects.requireNonNull(options, "options can't be null");
    this.store = Objects.requireNonNull(store, "store can't be null");
    this.outbox = Objects.requireNonNull(outbox, "outbox can't be null");
    this.random = Objects.requireNonNull(random, "random can't be null");
    this.leaseIds = Objects.requireNonNull(leaseIds, "leaseIds can't be null");
    this.scorer = new PriorityScorer(options.scoring());
    this.ready = new ReadyQueue(scorer);
    this.workAhead = new WorkAhead(options.workAheadCap());
    this.strategy = Strategies.create(options.strategy());
  }

  public String pool() {
    return pool;
  }

  public ReadyQueue ready() {
    return ready;
  }

  public AgentTable agents() {
    return agents;
  }

  public PoolCounters counters() {
    return counters;
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
    return retries.size();
  }

  /** Rebuilds the in-memory index from one stored record (after a restart or rebalance). */
  public void restore(TaskRecord r, long nowMs) {
    switch (r.state) {
      case READY -> queue(r, nowMs);
      case ASSIGNED, RUNNING -> agents.getOrPlaceholder(r.agentId, nowMs).addLease(r.id());
      case RETRY_WAIT -> retries.add(new Retry(ms(r.retryAt), r.id()));
      default -> {}
    }
  }

  /** Accepts a new task of this pool: it becomes READY and may be assigned at once. */
  public void enqueue(TaskSubmission task, Instant submittedAt, long nowMs) {
    if (store.get(task.id()) != null) {
      outbox.event(
          TaskEvent.note(
              task.id(),
              EventType.DUPLICATE_SUBMISSION,
              pool,
              "already queued in " + pool,
              at(nowMs)));
      return;
    }
    TaskRecord r = TaskRecord.submitted(task, pool, submittedAt == null ? at(nowMs) : submittedAt);
    makeReady(r, "queued in pool " + pool, nowMs);
    dispatch(nowMs);
  }

  private void queue(TaskRecord r, long nowMs) {
    nextSeq = Math.max(nextSeq, r.seq + 1);
    ready.add(r.id(), Requirement.of(r.task), r.task.priority(), ms(r.readyAt), r.seq, nowMs);
  }

  private void makeReady(TaskRecord r, String reason, long nowMs) {
    if (r.readyAt == null) {
      r.readyAt = at(nowMs);
      r.seq = nextSeq++;
    }
    r.leaseId = null;
    r.agentId = null;
    transition(r, TaskState.READY, reason, nowMs);
    store.put(r);
    queue(r, nowMs);
  }

  public void onHeartbeat(AgentHeartbeat hb, long nowMs) {
    if (agents.onHeartbeat(hb, nowMs)) {
      outbox.event(
          TaskEvent.note(
              hb.agentId(),
              EventType.AGENT_HEALTH,
              pool,
              "agent joined with " + hb.slots() + " slots",
              at(nowMs)));
    }
    AgentState agent = agents.get(hb.agentId());
    if (agent.isLeaving() && agent.inFlight() == 0) {
      agents.remove(hb.agentId());
      outbox.event(
          TaskEvent.note(hb.agentId(), EventType.AGENT_HEALTH, pool, "agent left", at(nowMs)));
    }
    dispatch(nowMs);
  }

  /** Assigns ready tasks while some agent that can serve the best of them has room. */
  public void dispatch(long nowMs) {
    if (paused || ready.isEmpty()) {
      return;
    }
    ready.refresh(nowMs);
    while (!ready.isEmpty()) {
      List<AgentState> open = new ArrayList<>();
      for (AgentState a : agents.all()) {
        if (workAhead.room(a) > 0) {
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
      for (AgentState a : open) {
        if (a.covers(best.get().requirement())) {
          candidates.add(a);
        }
      }
      assign(best.get(), strategy.choose(best.get(), candidates), nowMs);
    }
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
    ready.remove(entry.taskId());
    TaskRecord r = store.get(entry.taskId());
    r.attempt++;
    r.leaseId = leaseIds.get();
    r.agentId = agent.agentId();
    r.assignedAt = at(nowMs);
    r.startedAt = null;
    agent.addLease(r.id());
    counters.assigned++;
    counters.waitMsTotal += Math.max(0, nowMs - ms(r.readyAt));
    counters.waits++;
    transition(r, TaskState.ASSIGNED, "assigned to " + agent.agentId(), nowMs);
    store.put(r);
    TaskSubmission t = r.task;
    outbox.assignment(
        new Assignment(
            Assignment.Action.RUN,
            r.id(),
            pool,
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
  public void onResult(io.yardmaster.model.TaskResult result, long nowMs) {
    TaskRecord r = store.get(result.taskId());
    if (r == null
        || !result.leaseId().equals(r.leaseId)
        || (r.state != TaskState.ASSIGNED && r.state != TaskState.RUNNING)) {
      counters.staleResults++;
      outbox.event(
          new TaskEvent(
              result.taskId(),
              EventType.STALE_RESULT,
              null,
              null,
              pool,
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
    AgentState agent = agents.get(r.agentId);
    switch (result.status()) {
      case STARTED -> {
        if (r.state == TaskState.ASSIGNED) {
          r.startedAt = at(nowMs);
          if (agent != null) {
            agent.recordRoundTrip(Math.max(0, nowMs - ms(r.assignedAt) - result.queuedMs()));
          }
          transition(r, TaskState.RUNNING, "started on " + r.agentId, nowMs);
          store.put(r);
        }
        return;
      }
      case SUCCEEDED -> {
        release(r, agent);
        if (agent != null) {
          agent.recordDuration(result.durationMs());
        }
        r.finishedAt = at(nowMs);
        r.late =
            r.task.priority().deadline() != null
                && nowMs > r.task.priority().deadline().toEpochMilli();
        counters.succeeded++;
        if (r.late) {
          counters.lateFinished++;
        }
        record(r, "succeeded", null, nowMs);
        transition(
            r, TaskState.SUCCEEDED, r.late ? "succeeded after its deadline" : "succeeded", nowMs);
        store.delete(r.id());
      }
      case FAILED -> {
        release(r, agent);
        if (agent != null) {
          agent.recordDuration(result.durationMs());
        }
        TaskError error =
            result.error() == null ? TaskError.of("unknown", "no error given") : result.error();
        if (r.cancelRequested) {
          cancelled(r, nowMs);
        } else {
          fail(r, error, nowMs);
        }
      }
      case CANCELLED -> {
        release(r, agent);
        cancelled(r, nowMs);
      }
      case RELEASED -> {
        release(r, agent);
        record(r, "released", null, nowMs);
        if (r.cancelRequested) {
          cancelled(r, nowMs);
        } else {
          makeReady(r, "released by " + result.agentId() + " before it started", nowMs);
        }
      }
    }
    leaveIfDrained(agent, nowMs);
    dispatch(nowMs);
  }

  private void release(TaskRecord r, AgentState agent) {
    if (agent != null) {
      agent.removeLease(r.id());
    }
  }

  private void leaveIfDrained(AgentState agent, long nowMs) {
    if (agent != null && agent.isLeaving() && agent.inFlight() == 0) {
      agents.remove(agent.agentId());
      outbox.event(
          TaskEvent.note(agent.agentId(), EventType.AGENT_HEALTH, pool, "agent left", at(nowMs)));
    }
  }

  private void cancelled(TaskRecord r, long nowMs) {
    counters.cancelled++;
    r.finishedAt = at(nowMs);
    transition(r, TaskState.CANCELLED, "cancelled by an operator", nowMs);
    store.delete(r.id());
  }

  /** One execution failed: retry after backoff, or dead-letter when attempts are used up. */
  private void fail(TaskRecord r, TaskError error, long nowMs) {
    counters.failedAttempts++;
    r.failures++;
    r.lastError = error;
    record(r, "failed", error, nowMs);
    transition(r, TaskState.FAILED, error.type() + ": " + error.message(), nowMs);
    if (error.retryable() && r.failures <= r.task.maxRetries()) {
      long due = nowMs + options.retry().delayMs(r.task.retryBackoff(), r.failures, random);
      r.retryAt = at(due);
      transition(
          r,
          TaskState.RETRY_WAIT,
          "retry " + (r.failures + 1) + " of " + (r.task.maxRetries() + 1) + " at " + r.retryAt,
          nowMs);
      store.put(r);
      retries.add(new Retry(due, r.id()));
    } else {
      deadLetter(
          r,
          error.retryable()
              ? "failed " + r.failures + " times"
              : "failed with a non-retryable error",
          nowMs);
    }
  }

  private void deadLetter(TaskRecord r, String why, long nowMs) {
    counters.deadLettered++;
    r.finishedAt = at(nowMs);
    transition(r, TaskState.DEAD_LETTERED, why, nowMs);
    store.put(r);
    outbox.deadLetter(new DeadLetter(r.id(), pool, r.task, r.history, why, at(nowMs)));
  }

  private void record(TaskRecord r, String outcome, TaskError error, long nowMs) {
    r.history.add(
        new AttemptRecord(
            r.attempt, r.agentId, r.leaseId, r.assignedAt, at(nowMs), outcome, error));
  }

  /** Expires silent agents and overdue leases, releases due retries, and dispatches. */
  public void tick(long nowMs) {
    for (AgentState agent : agents.expired(nowMs, 0)) {
      long timeout = agentTimeoutMs(agent);
      if (nowMs - agent.lastSeenMs() > timeout) {
        agents.remove(agent.agentId());
        outbox.event(
            TaskEvent.note(
                agent.agentId(),
                EventType.AGENT_HEALTH,
                pool,
                "agent offline: no heartbeat for " + (nowMs - agent.lastSeenMs()) + " ms",
                at(nowMs)));
        for (String taskId : List.copyOf(agent.leases())) {
          expireLease(
              store.get(taskId),
              "lease-expired",
              "agent " + agent.agentId() + " missed " + options.missedHeartbeats() + " heartbeats",
              nowMs);
        }
      }
    }
    for (AgentState agent : agents.all()) {
      for (String taskId : List.copyOf(agent.leases())) {
        TaskRecord r = store.get(taskId);
        Instant since = r.startedAt != null ? r.startedAt : r.assignedAt;
        if (nowMs > ms(since) + r.task.timeout().toMillis() + agentTimeoutMs(agent)) {
          agent.removeLease(taskId);
          expireLease(
              r,
              "timeout",
              "ran past its timeout of " + r.task.timeout() + " on " + agent.agentId(),
              nowMs);
        }
      }
    }
    while (!retries.isEmpty() && retries.first().dueMs() <= nowMs) {
      TaskRecord r = store.get(retries.pollFirst().taskId());
      if (r != null && r.state == TaskState.RETRY_WAIT) {
        r.retryAt = null;
        makeReady(r, "retrying after backoff", nowMs);
      }
    }
    dispatch(nowMs);
  }

  private void expireLease(TaskRecord r, String type, String why, long nowMs) {
    if (r == null || (r.state != TaskState.ASSIGNED && r.state != TaskState.RUNNING)) {
      return;
    }
    TaskError error = new TaskError(type, why, true);
    if (r.cancelRequested) {
      cancelled(r, nowMs);
      return;
    }
    counters.failedAttempts++;
    r.failures++;
    r.lastError = error;
    record(r, type, error, nowMs);
    if (r.failures <= r.task.maxRetries()) {
      makeReady(r, why + "; re-queued", nowMs);
    } else {
      transition(r, TaskState.FAILED, why, nowMs);
      deadLetter(r, "failed " + r.failures + " times; last: " + why, nowMs);
    }
  }

  private long agentTimeoutMs(AgentState agent) {
    AgentHeartbeat hb = agent.heartbeat();
    long interval =
        hb != null && hb.intervalMs() > 0
            ? hb.intervalMs()
            : options.defaultHeartbeatInterval().toMillis();
    return interval * options.missedHeartbeats();
  }

  void transition(TaskRecord r, TaskState to, String reason, long nowMs) {
    TaskState from = r.state;
    r.moveTo(to, reason);
    outbox.event(
        TaskEvent.transition(r.id(), from, to, pool, r.agentId, r.attempt, reason, at(nowMs)));
    outbox.view(r.view(at(nowMs)));
  }

  // --- operator commands -------------------------------------------------------------------

  ControlResult cancel(String taskId, long nowMs) {
    TaskRecord r = store.get(taskId);
    if (r == null) {
      return ControlResult.rejected(
          "task " + taskId + " is not queued or running in " + pool + " (it may have finished)");
    }
    switch (r.state) {
      case READY -> ready.remove(taskId);
      case RETRY_WAIT -> retries.remove(new Retry(ms(r.retryAt), taskId));
      case ASSIGNED, RUNNING -> {
        r.cancelRequested = true;
        store.put(r);
        outbox.assignment(
            Assignment.cancel(taskId, pool, r.agentId, r.attempt, r.leaseId, at(nowMs)));
        return ControlResult.accepted("cancel sent to " + r.agentId);
      }
      default -> {
        return ControlResult.rejected(
            "task " + taskId + " is " + r.state + " and cannot be cancelled");
      }
    }
    cancelled(r, nowMs);
    return ControlResult.accepted(
        "cancelled while " + (r.history.isEmpty() ? "queued" : "waiting to retry"));
  }

  ControlResult reprioritise(String taskId, io.yardmaster.model.Priority priority, long nowMs) {
    TaskRecord r = store.get(taskId);
    if (r == null || (r.state != TaskState.READY && r.state != TaskState.RETRY_WAIT)) {
      return ControlResult.rejected(
          "task "
              + taskId
              + " is not queued in "
              + pool
              + (r == null ? "" : " (it is " + r.state + ")"));
    }
    r.task = r.task.withPriority(priority);
    store.put(r);
    if (r.state == TaskState.READY) {
      queue(r, nowMs);
    }
    outbox.view(r.view(at(nowMs)));
    dispatch(nowMs);
    return ControlResult.accepted("priority now level " + priority.level());
  }

  ControlResult replay(String taskId, long nowMs) {
    TaskRecord r = store.get(taskId);
    if (r == null || r.state != TaskState.DEAD_LETTERED) {
      return ControlResult.rejected(
          "task "
              + taskId
              + " is not dead-lettered in "
              + pool
              + (r == null ? "" : " (it is " + r.state + ")"));
    }
    r.failures = 0;
    r.readyAt = null;
    r.finishedAt = null;
    makeReady(r, "replayed from the dead-letter queue", nowMs);
    dispatch(nowMs);
    return ControlResult.accepted("replayed");
  }

  ControlResult setPaused(boolean pause, long nowMs) {
    if (paused == pause) {
      return ControlResult.rejected(
          "pool " + pool + " is already " + (pause ? "paused" : "running"));
    }
    paused = pause;
    if (!pause) {
      dispatch(nowMs);
    }
    return ControlResult.accepted(pause ? "pool paused" : "pool resumed");
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

  static long ms(Instant i) {
    return i.toEpochMilli();
  }

  static Instant at(long ms) {
    return Instant.ofEpochMilli(ms);
  }
}
