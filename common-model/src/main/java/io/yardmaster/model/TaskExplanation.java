package io.yardmaster.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why a task is where it is, from the dispatcher's own state: the answer to an EXPLAIN command on
 * {@code tasks.explanations} (key: the task id; {@code requestId} matches the command's).
 *
 * @param reason the one thing that holds the task back (or what it is doing)
 * @param summary the same in one sentence
 * @param dependencies for a task waiting on dependencies: each one it still waits for
 * @param rank for a queued task: its place in the pool's order among tasks that compete for the
 *     same agents (1 = next)
 * @param tasksAhead the tasks ahead of it
 * @param capableAgents agents of the pool that can serve it (capabilities and region)
 * @param estimatedStart when it should start at the pool's recent throughput, if known
 * @param retryAt for a task in backoff: when it is queued again
 * @param score its current score, part by part (null when it is not queued)
 */
public record TaskExplanation(
    String taskId,
    String requestId,
    TaskState state,
    String pool,
    Reason reason,
    String summary,
    List<DependencyWait> dependencies,
    Integer rank,
    Integer tasksAhead,
    Integer capableAgents,
    Instant estimatedStart,
    Instant retryAt,
    String agentId,
    ScoreBreakdown score,
    Instant explainedAt) {

  /** What holds a task back. */
  public enum Reason {
    UNKNOWN_TASK,
    WAITING_FOR_DEPENDENCIES,
    UNKNOWN_DEPENDENCY,
    UPSTREAM_FAILED,
    UNSCHEDULABLE,
    NO_CAPABLE_AGENT,
    AGENTS_BUSY,
    POOL_PAUSED,
    RETRY_BACKOFF,
    BEING_ASSIGNED,
    ASSIGNED,
    RUNNING,
    FINISHED
  }

  /** A dependency a task still waits for: {@code status} is PENDING, UNKNOWN or FAILED. */
  public record DependencyWait(String id, String status) {
    public DependencyWait {
      Objects.requireNonNull(id, "id can't be null");
      Objects.requireNonNull(status, "status can't be null");
    }
  }

  /**
   * A score, part by part: {@code total = level × businessValue × urgency × multiplier + aging}.
   */
  public record ScoreBreakdown(
      int level,
      double businessValue,
      double urgency,
      double multiplier,
      double aging,
      double total,
      Instant deadline) {}

  public TaskExplanation {
    Objects.requireNonNull(taskId, "taskId can't be null");
    Objects.requireNonNull(reason, "reason can't be null");
    Objects.requireNonNull(summary, "summary can't be null");
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  /** An explanation with only a state, a reason and a summary. */
  public static TaskExplanation of(
      String taskId,
      String requestId,
      TaskState state,
      String pool,
      Reason reason,
      String summary,
      Instant at) {
    return new TaskExplanation(
        taskId, requestId, state, pool, reason, summary, List.of(), null, null, null, null, null,
        null, null, at);
  }
}
