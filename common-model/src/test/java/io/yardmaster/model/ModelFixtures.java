package io.yardmaster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records of the model with every field set, for round-trip tests. */
public final class ModelFixtures {
  public static final Instant T0 = Instant.parse("2026-12-04T17:00:00.123456789Z");

  private ModelFixtures() {}

  public static JsonNode payload() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("ms", 300);
    node.putArray("files").add("a.csv").add("b.csv");
    node.putObject("nested").put("flag", true).put("ratio", 0.25);
    return node;
  }

  public static Priority priority() {
    return new Priority(7, 2.5, Instant.parse("2026-12-04T18:00:00Z"), 1.5);
  }

  public static TaskSubmission submission() {
    return new TaskSubmission(
        "task-1",
        "sleep",
        payload(),
        "data-processing",
        priority(),
        Set.of("gpu", "data_processing"),
        List.of("task-0", "task-00"),
        5,
        Duration.ofMillis(1500),
        Duration.ofSeconds(30),
        Duration.ofMillis(300),
        "eu-west",
        true,
        true,
        Map.of("tenant", "acme", "team", "data"));
  }

  public static TaskError error() {
    return new TaskError("java.io.IOException", "disk full", false);
  }

  public static Assignment assignment() {
    return new Assignment(
        Assignment.Action.RUN,
        "task-1",
        "data-processing",
        "agent-7",
        2,
        "lease-42",
        "sleep",
        payload(),
        Duration.ofSeconds(30),
        Instant.parse("2026-12-04T18:00:00Z"),
        T0,
        Map.of("tenant", "acme"));
  }

  public static RunningTask runningTask() {
    return new RunningTask("task-1", 2, "lease-42");
  }

  public static AgentCounters counters() {
    return new AgentCounters(120, 3, 812.5);
  }

  public static HostLoad hostLoad() {
    return new HostLoad(0.42, 0.61, 0.17);
  }

  public static AgentHeartbeat heartbeat() {
    return new AgentHeartbeat(
        "agent-7",
        "data-processing",
        Set.of("data_processing", "gpu"),
        8,
        5,
        List.of(runningTask(), new RunningTask("task-2", 1, "lease-43")),
        "eu-west",
        "eu-west-1a",
        "0.1.0",
        2.0,
        counters(),
        hostLoad(),
        1000,
        AgentHeartbeat.Status.LEAVING,
        T0);
  }

  public static TaskResult result() {
    return new TaskResult(
        "task-1",
        "data-processing",
        "agent-7",
        2,
        "lease-42",
        TaskResult.Status.FAILED,
        T0,
        T0.plusMillis(310),
        12,
        310,
        error(),
        JsonNodeFactory.instance.objectNode().put("rows", 1000));
  }

  public static TaskEvent event() {
    return new TaskEvent(
        "task-1",
        EventType.TRANSITION,
        TaskState.ASSIGNED,
        TaskState.RUNNING,
        "data-processing",
        "agent-7",
        2,
        "started",
        T0);
  }

  public static TaskView view() {
    return new TaskView(
        "task-1",
        TaskState.RUNNING,
        "data-processing",
        "sleep",
        "agent-7",
        2,
        "started",
        priority(),
        List.of("task-0"),
        T0,
        T0.plusMillis(1),
        T0.plusMillis(2),
        T0.plusMillis(3),
        T0.plusMillis(4),
        error(),
        true);
  }

  public static ControlCommand command() {
    return new ControlCommand(
        ControlCommand.Action.REPRIORITISE,
        "task-1",
        "data-processing",
        priority(),
        "ops",
        T0,
        "req-1");
  }

  public static TaskExplanation explanation() {
    return new TaskExplanation(
        "task-1",
        "req-1",
        TaskState.READY,
        "data-processing",
        TaskExplanation.Reason.AGENTS_BUSY,
        "every capable agent is busy; 3 tasks ahead",
        List.of(new TaskExplanation.DependencyWait("task-0", "PENDING")),
        4,
        3,
        2,
        T0.plusSeconds(2),
        null,
        null,
        new TaskExplanation.ScoreBreakdown(5, 1.0, 2.5, 1.0, 0.5, 13.0, T0.plusSeconds(60)),
        T0);
  }

  public static PoolStatus poolStatus() {
    return new PoolStatus(
        "data-processing",
        4,
        3,
        32,
        7,
        120,
        25,
        4,
        1000,
        12,
        2,
        5,
        33.5,
        81.25,
        0.66,
        6,
        true,
        T0,
        List.of(List.of("data_processing"), List.of("data_processing", "gpu")));
  }

  public static ScalingRecommendation scaling() {
    return new ScalingRecommendation("data-processing", 4, 6, "reactive", "queue 120 > 50", T0);
  }

  public static RejectedRecord rejected() {
    return new RejectedRecord(
        "yard.tasks.submit",
        3,
        4711,
        "bad-1",
        "{\"id\": 1}",
        List.of("id: must be text", "type: is required"),
        T0);
  }

  public static AttemptRecord attempt() {
    return new AttemptRecord(1, "agent-7", "lease-41", T0, T0.plusSeconds(1), "FAILED", error());
  }

  public static DeadLetter deadLetter() {
    return new DeadLetter(
        "task-1",
        "data-processing",
        submission(),
        List.of(attempt(), new AttemptRecord(2, "agent-8", "lease-42", T0, T0, "TIMEOUT", null)),
        "used up 5 retries",
        T0);
  }
}
