package io.yardmaster.dispatcher.scheduling;

import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.at;
import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.ms;

import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskExplanation.Reason;
import io.yardmaster.model.TaskExplanation.ScoreBreakdown;
import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says why a task of a pool is not running, from the scheduler's own state: its place in the queue,
 * the agents that could serve it, a paused pool or a backoff, and its score part by part.
 */
public final class TaskExplainer {
  private TaskExplainer() {}

  /**
   * Explains {@code taskId} as the pool's scheduler sees it at {@code nowMs}. {@code
   * tasksPerSecond} is the pool's recent throughput (0 when unknown), used for the estimated start.
   */
  public static TaskExplanation explain(
      PoolScheduler s, String taskId, String requestId, double tasksPerSecond, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    TaskRecord r = life.store.get(taskId);
    Instant now = at(nowMs);
    if (r == null) {
      return TaskExplanation.of(
          taskId,
          requestId,
          null,
          s.pool(),
          Reason.FINISHED,
          "not queued, assigned or running in pool "
              + s.pool()
              + ": it has finished (see its state) or never reached this pool",
          now);
    }
    return switch (r.state) {
      case READY -> queued(s, r, requestId, tasksPerSecond, nowMs);
      case RETRY_WAIT ->
          brief(
              r,
              requestId,
              Reason.RETRY_BACKOFF,
              "waiting out its retry backoff until "
                  + r.retryAt
                  + " after "
                  + r.failures
                  + " failed attempt(s)"
                  + (r.lastError == null ? "" : "; last error: " + r.lastError.message()),
              now);
      case ASSIGNED ->
          brief(
              r,
              requestId,
              Reason.ASSIGNED,
              "assigned to " + r.agentId + " at " + r.assignedAt + "; not started yet",
              now);
      case RUNNING ->
          brief(
              r,
              requestId,
              Reason.RUNNING,
              "running on " + r.agentId + " since " + r.startedAt + " (attempt " + r.attempt + ")",
              now);
      default -> brief(r, requestId, Reason.FINISHED, "it is " + r.state + ": " + r.reason, now);
    };
  }

  private static TaskExplanation brief(
      TaskRecord r, String requestId, Reason reason, String summary, Instant now) {
    return new TaskExplanation(
        r.id(),
        requestId,
        r.state,
        r.pool,
        reason,
        summary,
        List.of(),
        null,
        null,
        null,
        null,
        r.state == TaskState.RETRY_WAIT ? r.retryAt : null,
        r.agentId,
        null,
        now);
  }

  private static TaskExplanation queued(
      PoolScheduler s, TaskRecord r, String requestId, double tasksPerSecond, long nowMs) {
    TaskLifecycle life = s.lifecycle();
    life.ready.refresh(nowMs);
    Optional<ReadyQueue.Entry> mine = life.ready.get(r.id());
    Requirement req = Requirement.of(r.task);
    List<AgentState> capable = new ArrayList<>();
    int withRoom = 0;
    for (AgentState a : life.agents.all()) {
      if (a.acceptsWork() && a.covers(req)) {
        capable.add(a);
        if (s.workAhead().room(a) > 0) {
          withRoom++;
        }
      }
    }
    int ahead = mine.map(e -> tasksAhead(life.ready, e, capable)).orElse(0);
    Instant start = estimateStart(capable, ahead, tasksPerSecond, nowMs);
    Reason reason;
    String summary;
    if (s.paused()) {
      reason = Reason.POOL_PAUSED;
      summary = "pool " + s.pool() + " is paused; " + ahead + " task(s) ahead of it";
    } else if (capable.isEmpty()) {
      reason = Reason.NO_CAPABLE_AGENT;
      summary =
          "no agent of pool "
              + s.pool()
              + " offers "
              + (req.capabilities().isEmpty() ? "any slot" : "capabilities " + req.capabilities())
              + (req.requiredRegion() == null ? "" : " in region " + req.requiredRegion());
    } else if (withRoom == 0) {
      reason = Reason.AGENTS_BUSY;
      summary =
          "all "
              + capable.size()
              + " capable agent(s) are busy; "
              + ahead
              + " task(s) ahead of it"
              + (start == null ? "" : "; expected to start about " + start);
    } else {
      reason = Reason.BEING_ASSIGNED;
      summary = "a capable agent has room: it is being assigned now";
    }
    return new TaskExplanation(
        r.id(),
        requestId,
        r.state,
        r.pool,
        reason,
        summary,
        List.of(),
        ahead + 1,
        ahead,
        capable.size(),
        start,
        null,
        null,
        breakdown(s.scorer(), r.task.priority(), ms(r.readyAt), nowMs),
        at(nowMs));
  }

  /** Tasks that go before {@code mine} and compete with it for at least one of its agents. */
  private static int tasksAhead(ReadyQueue ready, ReadyQueue.Entry mine, List<AgentState> capable) {
    int ahead = 0;
    for (Map.Entry<Requirement, Integer> group : ready.countAhead(mine).entrySet()) {
      Requirement other = group.getKey();
      if (other.equals(mine.requirement()) || capable.stream().anyMatch(a -> a.covers(other))) {
        ahead += group.getValue();
      }
    }
    return ahead;
  }

  private static Instant estimateStart(
      List<AgentState> capable, int ahead, double tasksPerSecond, long nowMs) {
    double rate = tasksPerSecond;
    if (!(rate > 0)) {
      rate = 0;
      for (AgentState a : capable) {
        if (a.durationMs() > 0) {
          rate += a.slots() * 1000.0 / a.durationMs();
        }
      }
    }
    if (!(rate > 0)) {
      return null;
    }
    return at(nowMs + (long) Math.ceil(ahead * 1000.0 / rate));
  }

  static ScoreBreakdown breakdown(PriorityScorer scorer, Priority p, long readyMs, long nowMs) {
    double urgency = scorer.urgency(PriorityScorer.deadlineMs(p), nowMs);
    double aging = scorer.aging(readyMs, nowMs);
    return new ScoreBreakdown(
        p.level(),
        p.businessValue(),
        urgency,
        p.urgencyMultiplier(),
        aging,
        PriorityScorer.base(p) * urgency + aging,
        p.deadline());
  }
}
