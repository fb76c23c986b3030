package io.yardmaster.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.json.Json;
import java.time.Duration;
import java.time.Instant;

/** Builds assignments the way the dispatcher writes them. */
public final class Assignments {
  public static final String POOL = "test-pool";
  public static final String AGENT = "agent-1";

  private Assignments() {}

  public static Assignment run(String taskId, String type, String payloadJson) {
    return run(taskId, type, payloadJson, null);
  }

  public static Assignment run(String taskId, String type, String payloadJson, Duration timeout) {
    return run(AGENT, taskId, 1, type, payloadJson, timeout);
  }

  public static Assignment run(
      String agentId,
      String taskId,
      int attempt,
      String type,
      String payloadJson,
      Duration timeout) {
    return new Assignment(
        Assignment.Action.RUN,
        taskId,
        POOL,
        agentId,
        attempt,
        lease(taskId, attempt),
        type,
        json(payloadJson),
        timeout,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        null);
  }

  public static Assignment cancel(Assignment run) {
    return Assignment.cancel(
        run.taskId(), run.pool(), run.agentId(), run.attempt(), run.leaseId(), Instant.now());
  }

  public static String lease(String taskId, int attempt) {
    return "lease-" + taskId + "-" + attempt;
  }

  public static JsonNode json(String text) {
    try {
      return text == null ? null : Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
