package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An {@link Outbox} that rebuilds every task's life from what a scheduler emits and checks the
 * scheduler's invariants at each emission: one owner per task (a new lease only after the previous
 * one ended, and a lease ends only for a reason: its own result, a silent agent or an overrun), an
 * agent never holds more than its slots plus the work-ahead cap, capabilities cover the task,
 * pool-wide priority up to the urgency step, and every transition is in the lifecycle table.
 */
final class InvariantCheckingOutbox implements Outbox {
  /** What the simulation is asking the scheduler to do when something is emitted. */
  enum Op {
    ENQUEUE,
    HEARTBEAT,
    RESULT,
    TICK,
    COMMAND,
    RESTART
  }

  /** What the simulated agent told the scheduler in its last heartbeat. */
  record AgentFacts(Set<String> capabilities, int slots, long lastHeartbeatMs, boolean active) {}

  /** One task as its emitted events and views tell it. */
  static final class TaskModel {
    final TaskSubmission task;
    TaskState state = TaskState.SUBMITTED;
    Priority priority;
    long readyAtMs;
    Assignment lease;
    long leaseSinceMs;
    int lastAttempt;
    int failures;
    boolean lastFailureRetryable = true;
    int terminals;
    int replays;
    boolean cancelRequested;

    TaskModel(TaskSubmission task) {
      this.task = task;
      this.priority = task.priority();
    }
  }

  final Map<String, TaskModel> tasks = new HashMap<>();
  final Set<String> readyIds = new LinkedHashSet<>();
  final Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<TaskEvent> notes = new ArrayList<>();

  /** How often each interesting path was taken, so a test can tell it exercised them all. */
  final Map<String, Integer> tally = new TreeMap<>();

  private final Map<String, Integer> held = new HashMap<>();
  private final List<Assignment> toDeliver = new ArrayList<>();
  private final List<String> opTransitions = new ArrayList<>();
  private final PriorityScorer scorer;
  private final double urgencyStep;
  private final int workAheadCap;
  private final long agentTimeoutMs;
  private final Function<String, AgentFacts> agents;
  private String context = "";
  private Op op;
  private String opTask;
  private TaskResult opResult;
  private boolean opResultCurrent;
  private long now;
  boolean paused;

  InvariantCheckingOutbox(
      SchedulerOptions options, long agentTimeoutMs, Function<String, AgentFacts> agents) {
    this.scorer = new PriorityScorer(options.scoring());
    this.urgencyStep = options.scoring().urgencyStep();
    this.workAheadCap = options.workAheadCap();
    this.agentTimeoutMs = agentTimeoutMs;
    this.agents = agents;
  }

  void submitted(TaskSubmission task) {
    tasks.putIfAbsent(task.id(), new TaskModel(task));
  }

  void begin(Op kind, String taskId, TaskResult result, long nowMs, String describe) {
    op = kind;
    opTask = taskId;
    opResult = result;
    opResultCurrent = result != null && isCurrent(tasks.get(taskId));
    now = nowMs;
    context = describe + " at t=" + nowMs;
    opTransitions.clear();
  }

  /** Checks what the operation as a whole must have done, and hands over its assignments. */
  List<Assignment> end() {
    if (op == Op.RESULT) {
      TaskModel m = tasks.get(opTask);
      TaskEvent last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
      if (!opResultCurrent) {
        check(
            last != null && last.type() == EventType.STALE_RESULT && last.taskId().equals(opTask),
            "a result from an ended lease must be reported as stale");
        check(!opTransitions.contains(opTask), "a stale result must change nothing");
      } else if (opResult.status().isFinal()) {
        check(
            m.lease == null || !m.lease.leaseId().equals(opResult.leaseId()),
            "a final result of the current lease must end it");
      }
    }
    List<Assignment> out = List.copyOf(toDeliver);
    toDeliver.clear();
    return out;
  }

  private boolean isCurrent(TaskModel m) {
    return m.lease != null && m.lease.leaseId().equals(opResult.leaseId());
  }

  @Override
  public void event(TaskEvent e) {
    if (e.type() != EventType.TRANSITION) {
      notes.add(e);
      tally.merge(e.type().name(), 1, Integer::sum);
      return;
    }
    TaskModel m = tasks.get(e.taskId());
    check(m != null, "transition of an unknown task " + e.taskId());
    check(e.from().canMoveTo(e.to()), "illegal transition " + e.from() + " -> " + e.to());
    check(e.from() == m.state, e.taskId() + " moved from " + e.from() + " but was " + m.state);
    boolean ownOp = e.taskId().equals(opTask);
    TaskState from = e.from();
    TaskState to = e.to();
    if ((from == TaskState.ASSIGNED || from == TaskState.RUNNING) && to != TaskState.RUNNING) {
      endLease(m, to, ownOp);
    } else if (to == TaskState.RUNNING) {
      check(ownOp && op == Op.RESULT && isCurrent(m), "RUNNING without a STARTED of its lease");
      m.leaseSinceMs = now;
    } else if (from == TaskState.FAILED) {
      boolean retry = m.lastFailureRetryable && m.failures <= m.task.maxRetries();
      check(to == (retry ? TaskState.RETRY_WAIT : TaskState.DEAD_LETTERED), "after FAILED");
    } else if (from == TaskState.RETRY_WAIT && to == TaskState.READY) {
      check(op == Op.TICK, "a retry must be released by the clock");
    } else if (from == TaskState.DEAD_LETTERED) {
      check(ownOp && op == Op.COMMAND, "only a replay revives a dead-lettered task");
      m.replays++;
      m.failures = 0;
      m.lastFailureRetryable = true;
    } else if (to == TaskState.CANCELLED) {
      check(ownOp && op == Op.COMMAND, "a queued task is cancelled only by a command");
    } else if (from == TaskState.SUBMITTED) {
      check(ownOp && op == Op.ENQUEUE, "a task becomes READY when enqueued");
    }
    if (to.isTerminal()) {
      m.terminals++;
      check(m.terminals == 1 + m.replays, e.taskId() + " reached a terminal state twice");
    }
    counts.merge(m.state, -1, Integer::sum);
    counts.merge(to, 1, Integer::sum);
    m.state = to;
    if (to == TaskState.READY) {
      readyIds.add(m.task.id());
    } else {
      readyIds.remove(m.task.id());
    }
    opTransitions.add(e.taskId());
    tally.merge(from + "->" + to + (op == Op.TICK ? " by the clock" : ""), 1, Integer::sum);
  }

  private void endLease(TaskModel m, TaskState to, boolean ownOp) {
    boolean failure;
    if (op == Op.RESULT && ownOp && isCurrent(m)) {
      TaskState expected =
          switch (opResult.status()) {
            case SUCCEEDED -> TaskState.SUCCEEDED;
            case CANCELLED -> TaskState.CANCELLED;
            case FAILED -> m.cancelRequested ? TaskState.CANCELLED : TaskState.FAILED;
            case RELEASED -> m.cancelRequested ? TaskState.CANCELLED : TaskState.READY;
            case STARTED -> throw violation("STARTED ended a lease");
          };
      check(to == expected, "a " + opResult.status() + " result moved the task to " + to);
      failure = to == TaskState.FAILED;
      if (failure) {
        m.lastFailureRetryable = opResult.error() == null || opResult.error().retryable();
      }
    } else if (op == Op.TICK) {
      AgentFacts agent = agents.apply(m.lease.agentId());
      boolean silent = now - agent.lastHeartbeatMs() > agentTimeoutMs;
      boolean overran = now > m.leaseSinceMs + m.task.timeout().toMillis() + agentTimeoutMs;
      check(silent || overran, "lease of " + m.task.id() + " on a live agent expired early");
      failure = !m.cancelRequested;
      if (failure) {
        boolean retry = m.failures + 1 <= m.task.maxRetries();
        check(to == (retry ? TaskState.READY : TaskState.FAILED), "expiry moved it to " + to);
        m.lastFailureRetryable = true;
      } else {
        check(to == TaskState.CANCELLED, "expiry of a cancelled task must cancel it");
      }
    } else {
      throw violation("lease of " + m.task.id() + " ended with no reason (" + op + ")");
    }
    if (failure) {
      m.failures++;
    }
    held.merge(m.lease.agentId(), -1, Integer::sum);
    m.lease = null;
    m.cancelRequested = false;
  }

  @Override
  public void assignment(Assignment a) {
    TaskModel m = tasks.get(a.taskId());
    if (a.action() == Assignment.Action.CANCEL) {
      check(op == Op.COMMAND && a.taskId().equals(opTask), "CANCEL sent with no command");
      check(m.lease != null && m.lease.leaseId().equals(a.leaseId()), "CANCEL of a stale lease");
      check(m.lease.agentId().equals(a.agentId()), "CANCEL sent to the wrong agent");
      m.cancelRequested = true;
      toDeliver.add(a);
      return;
    }
    // (a) one owner: the previous lease must have ended
    check(m.lease == null, a.taskId() + " leased to " + a.agentId() + " while still leased");
    check(m.state == TaskState.ASSIGNED, "RUN without an ASSIGNED transition");
    check(a.attempt() > m.lastAttempt, "attempt numbers must grow");
    check(!paused, "assigned while the pool is paused");
    AgentFacts agent = agents.apply(a.agentId());
    check(agent != null && agent.active(), "assigned to an agent that takes no work");
    // (c) capabilities
    check(
        agent.capabilities().containsAll(m.task.requiredCapabilities()),
        a.agentId() + " " + agent.capabilities() + " can't serve " + m.task.requiredCapabilities());
    // (b) credit
    int holds = held.merge(a.agentId(), 1, Integer::sum);
    check(holds <= agent.slots() + workAheadCap, a.agentId() + " holds " + holds + " tasks");
    // (d) pool-wide priority, up to the urgency step
    double mine = scorer.score(m.priority, m.readyAtMs, now);
    for (String id : readyIds) {
      TaskModel other = tasks.get(id);
      if (agent.capabilities().containsAll(other.task.requiredCapabilities())) {
        double better = scorer.score(other.priority, other.readyAtMs, now);
        check(
            better <= mine + urgencyStep * better * (1 + 1e-9) + 1e-9,
            a.taskId() + " (score " + mine + ") went before " + id + " (score " + better + ")");
      }
    }
    m.lease = a;
    m.leaseSinceMs = now;
    m.lastAttempt = a.attempt();
    toDeliver.add(a);
  }

  @Override
  public void view(TaskView v) {
    TaskModel m = tasks.get(v.id());
    check(m != null && v.state() == m.state, "view of " + v.id() + " disagrees with its events");
    m.priority = v.priority();
    m.readyAtMs = v.readyAt() == null ? now : v.readyAt().toEpochMilli();
  }

  @Override
  public void deadLetter(DeadLetter d) {
    check(tasks.get(d.taskId()).state == TaskState.DEAD_LETTERED, "DLQ record before the state");
    deadLetters.add(d);
  }

  @Override
  public void poolStatus(PoolStatus status) {}

  void check(boolean ok, String what) {
    if (!ok) {
      throw violation(what);
    }
  }

  AssertionError violation(String what) {
    return new AssertionError(what + " [during " + context + "]");
  }
}
