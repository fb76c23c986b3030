package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.scheduling.health.HealthChange;
import io.yardmaster.model.AttemptRecord;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The moves of a pool's tasks through their lifecycle, shared by the scheduler's parts: every move
 * is checked against the lifecycle table, recorded in the store, and told as an event and a view.
 */
final class TaskLifecycle {
  /** A task with something due at a time (a retry, an expiry), ordered by that time. */
  record Due(long dueMs, String taskId) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = Long.compare(dueMs, o.dueMs);
      return c != 0 ? c : taskId.compareTo(o.taskId);
    }
  }

  final String pool;
  final SchedulerOptions options;
  final TaskStore store;
  final Outbox outbox;
  final ReadyQueue ready;
  final AgentTable agents;
  final TreeSet<Due> retries = new TreeSet<>();

  /** Queued tasks to drop as EXPIRED at their deadline (submitted with dropIfExpired). */
  final TreeSet<Due> expiries = new TreeSet<>();

  final PoolCounters counters = new PoolCounters();
  private final RandomGenerator random;
  private long nextSeq;

  TaskLifecycle(
      String pool,
      SchedulerOptions options,
      TaskStore store,
      Outbox outbox,
      ReadyQueue ready,
      RandomGenerator random) {
    this.pool = pool;
    this.options = options;
    this.store = store;
    this.outbox = outbox;
    this.ready = ready;
    this.random = random;
    this.agents = new AgentTable(options.health());
  }

  void transition(TaskRecord r, TaskState to, String reason, long nowMs) {
    TaskState from = r.state;
    r.moveTo(to, reason);
    outbox.event(
        TaskEvent.transition(r.id(), from, to, pool, r.agentId, r.attempt, reason, at(nowMs)));
    outbox.view(r.view(at(nowMs)));
    if (to.isTerminal()) {
      outbox.finished(r.id(), to);
    } else if (from.isTerminal()) {
      outbox.reopened(r.id());
    }
  }

  /** Tells of an agent's health change, if there was one, as an AGENT_HEALTH event. */
  void health(AgentState agent, Optional<HealthChange> change, long nowMs) {
    change.ifPresent(
        c ->
            outbox.event(
                TaskEvent.note(
                    agent.agentId(), EventType.AGENT_HEALTH, pool, c.describe(), at(nowMs))));
  }

  /** Puts a READY record into the in-memory order. */
  void queue(TaskRecord r, long nowMs) {
    nextSeq = Math.max(nextSeq, r.seq + 1);
    ready.add(
        r.id(),
        Requirement.of(r.task),
        Placement.of(r.task),
        r.task.priority(),
        ms(r.readyAt),
        r.seq,
        nowMs);
    Instant deadline = r.task.priority().deadline();
    if (r.task.dropIfExpired() && deadline != null) {
      expiries.add(new Due(ms(deadline), r.id()));
    }
  }

  /** Drops the queued tasks whose deadline has passed and that asked to be dropped then. */
  void expireOverdue(long nowMs) {
    while (!expiries.isEmpty() && expiries.first().dueMs() <= nowMs) {
      String id = expiries.pollFirst().taskId();
      TaskRecord r = ready.contains(id) ? store.get(id) : null;
      Instant deadline = r == null ? null : r.task.priority().deadline();
      if (deadline == null || ms(deadline) > nowMs) {
        continue; // assigned, gone or reprioritised since
      }
      ready.remove(id);
      counters.expired++;
      r.finishedAt = at(nowMs);
      transition(
          r,
          TaskState.EXPIRED,
          "its deadline " + r.task.priority().deadline() + " passed before it started",
          nowMs);
      store.delete(id);
    }
  }

  /** Makes a task READY; it keeps its first ready time (and so its aging) across re-queues. */
  void makeReady(TaskRecord r, String reason, long nowMs) {
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

  /**
   * Takes over a READY task another pool moved here: it keeps its id, priority, attempts, history
   * and first ready time (so its aging), and queues behind this pool's earlier arrivals.
   */
  void adopt(TaskRecord r, String from, long nowMs) {
    r.pool = pool;
    r.task = r.task.withPool(pool);
    r.seq = nextSeq++;
    store.put(r);
    queue(r, nowMs);
    outbox.event(
        new TaskEvent(
            r.id(),
            EventType.MOVED,
            r.state,
            r.state,
            pool,
            null,
            r.attempt,
            "moved from " + from,
            at(nowMs)));
    outbox.view(r.view(at(nowMs)));
    outbox.moved(r.id(), pool);
  }

  void cancelled(TaskRecord r, long nowMs) {
    counters.cancelled++;
    r.finishedAt = at(nowMs);
    transition(r, TaskState.CANCELLED, "cancelled by an operator", nowMs);
    store.delete(r.id());
  }

  /** One execution failed: retry after backoff, or dead-letter when attempts are used up. */
  void fail(TaskRecord r, TaskError error, long nowMs) {
    countFailure(r, error.type(), error, nowMs);
    transition(r, TaskState.FAILED, error.type() + ": " + error.message(), nowMs);
    if (error.retryable() && r.failures <= r.task.maxRetries()) {
      long due = nowMs + options.retry().delayMs(r.task.retryBackoff(), r.failures, random);
      r.retryAt = at(due);
      transition(
          r,
          TaskState.RETRY_WAIT,
          "attempt " + (r.failures + 1) + " of " + (r.task.maxRetries() + 1) + " at " + r.retryAt,
          nowMs);
      store.put(r);
      retries.add(new Due(due, r.id()));
    } else {
      deadLetter(
          r,
          error.retryable()
              ? "failed " + r.failures + " times"
              : "failed with a non-retryable error",
          nowMs);
    }
  }

  /**
   * A lease ended without a result (agent gone, task overdue): the task goes straight back to the
   * queue with a new attempt, or is dead-lettered when its attempts are used up.
   */
  void expireLease(TaskRecord r, String type, String why, long nowMs) {
    if (r == null || (r.state != TaskState.ASSIGNED && r.state != TaskState.RUNNING)) {
      return;
    }
    if (r.cancelRequested) {
      cancelled(r, nowMs);
      return;
    }
    countFailure(r, type, new TaskError(type, why, true), nowMs);
    if (r.failures <= r.task.maxRetries()) {
      makeReady(r, why + "; re-queued", nowMs);
    } else {
      transition(r, TaskState.FAILED, why, nowMs);
      deadLetter(r, "failed " + r.failures + " times; last: " + why, nowMs);
    }
  }

  private void countFailure(TaskRecord r, String outcome, TaskError error, long nowMs) {
    counters.failedAttempts++;
    r.failures++;
    r.lastError = error;
    record(r, outcome, error, nowMs);
  }

  void deadLetter(TaskRecord r, String why, long nowMs) {
    counters.deadLettered++;
    r.finishedAt = at(nowMs);
    transition(r, TaskState.DEAD_LETTERED, why, nowMs);
    store.put(r);
    outbox.deadLetter(new DeadLetter(r.id(), pool, r.task, r.history, why, at(nowMs)));
  }

  void record(TaskRecord r, String outcome, TaskError error, long nowMs) {
    r.history.add(
        new AttemptRecord(
            r.attempt, r.agentId, r.leaseId, r.assignedAt, at(nowMs), outcome, error));
  }

  static long ms(Instant i) {
    return i.toEpochMilli();
  }

  static Instant at(long ms) {
    return Instant.ofEpochMilli(ms);
  }
}
