package io.yardmaster.dispatcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON documents of the dashboard's API. */
public final class ApiModels {
  private ApiModels() {}

  /** {@code /api/overview}: the cluster's totals. */
  public record Overview(
      int agents,
      long queued,
      long running,
      long completed,
      long failed,
      long deadLetters,
      long cancelled,
      double tasksPerSec,
      int pools,
      Map<TaskState, Long> states,
      boolean readOnly,
      boolean tokenRequired,
      Instant at) {}

  /** One card of {@code /api/pools}. */
  public record PoolCard(
      String pool,
      int agents,
      Map<AgentHealth, Integer> agentsByHealth,
      long queued,
      long running,
      long retryWaiting,
      int slots,
      int freeSlots,
      double throughputPerSec,
      double avgLoad,
      int desiredAgents,
      boolean paused,
      long succeeded,
      long failed,
      long deadLettered,
      long lateFinished,
      Instant updatedAt) {}

  /** One row of {@code /api/agents}. */
  public record AgentRow(
      String agentId,
      String pool,
      AgentHealth health,
      String status,
      int slots,
      int slotsUsed,
      double cpu,
      double memory,
      Double efficiency,
      long lastHeartbeatAgeMs,
      String region,
      String version,
      String note) {}

  /**
   * {@code /api/tasks/{id}}: the latest view from {@code tasks.state}, the scheduler's live record
   * (when the task is in its store), every event, and which instance answered for the record.
   */
  public record TaskDetail(
      String id,
      TaskState state,
      String pool,
      TaskView view,
      JsonNode live,
      List<TaskEvent> events,
      String owner) {}

  /** One entry of {@code /api/dlq}. */
  public record DeadLetterRow(
      String taskId, String pool, String type, String reason, int attempts, Instant at) {}

  /** {@code /api/history}. */
  public record History(
      long intervalMs, List<io.yardmaster.dispatcher.web.view.HistoryRing.Sample> samples) {}

  /** What a command request led to. */
  public record CommandAccepted(String taskId, String action, String topic) {}

  /** Every error answer. */
  public record ErrorMessage(int status, String error) {}
}
