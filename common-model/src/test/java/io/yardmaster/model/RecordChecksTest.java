package io.yardmaster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks the records' compact constructors make, and the defaults they apply. */
class RecordChecksTest {
  private static final Instant T = ModelFixtures.T0;

  static Stream<Arguments> nullArguments() {
    return Stream.of(
        arguments("id can't be null", (ThrowingCallable) () -> TaskSubmission.of(null, "x")),
        arguments("type can't be null", (ThrowingCallable) () -> TaskSubmission.of("t", null)),
        arguments(
            "action can't be null",
            (ThrowingCallable)
                () -> new Assignment(null, "t", "p", "a", 1, "l", null, null, null, null, T, null)),
        arguments(
            "taskId can't be null",
            (ThrowingCallable) () -> Assignment.cancel(null, "p", "a", 1, "l", T)),
        arguments(
            "pool can't be null",
            (ThrowingCallable) () -> Assignment.cancel("t", null, "a", 1, "l", T)),
        arguments(
            "agentId can't be null",
            (ThrowingCallable) () -> Assignment.cancel("t", "p", null, 1, "l", T)),
        arguments(
            "leaseId can't be null",
            (ThrowingCallable) () -> Assignment.cancel("t", "p", "a", 1, null, T)),
        arguments("agentId can't be null", (ThrowingCallable) () -> heartbeat(null, "p")),
        arguments("pool can't be null", (ThrowingCallable) () -> heartbeat("a", null)),
        arguments("taskId can't be null", (ThrowingCallable) () -> new RunningTask(null, 1, "l")),
        arguments("leaseId can't be null", (ThrowingCallable) () -> new RunningTask("t", 1, null)),
        arguments(
            "taskId can't be null", (ThrowingCallable) () -> result(null, "p", "a", "l", ok())),
        arguments("pool can't be null", (ThrowingCallable) () -> result("t", null, "a", "l", ok())),
        arguments(
            "agentId can't be null", (ThrowingCallable) () -> result("t", "p", null, "l", ok())),
        arguments(
            "leaseId can't be null", (ThrowingCallable) () -> result("t", "p", "a", null, ok())),
        arguments(
            "status can't be null", (ThrowingCallable) () -> result("t", "p", "a", "l", null)),
        arguments(
            "taskId can't be null",
            (ThrowingCallable) () -> TaskEvent.note(null, EventType.MOVED, "p", "r", T)),
        arguments(
            "type can't be null", (ThrowingCallable) () -> TaskEvent.note("t", null, "p", "r", T)),
        arguments(
            "at can't be null",
            (ThrowingCallable) () -> TaskEvent.note("t", EventType.MOVED, "p", "r", null)),
        arguments("id can't be null", (ThrowingCallable) () -> view(null, TaskState.READY)),
        arguments("state can't be null", (ThrowingCallable) () -> view("t", null)),
        arguments(
            "action can't be null",
            (ThrowingCallable) () -> new ControlCommand(null, "t", null, null, null, T, null)),
        arguments(
            "taskId can't be null for CANCEL",
            (ThrowingCallable) () -> ControlCommand.cancel(null)),
        arguments(
            "pool can't be null for PAUSE_POOL",
            (ThrowingCallable) () -> ControlCommand.pause(null)),
        arguments(
            "priority can't be null for REPRIORITISE",
            (ThrowingCallable) () -> ControlCommand.reprioritise("t", null)),
        arguments("pool can't be null", (ThrowingCallable) () -> poolStatus(null)),
        arguments(
            "pool can't be null",
            (ThrowingCallable) () -> new ScalingRecommendation(null, 1, 1, "static", "r", T)),
        arguments(
            "taskId can't be null",
            (ThrowingCallable) () -> new DeadLetter(null, "p", null, null, "r", T)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArguments")
  void shouldNameTheArgumentWhenARequiredOneIsNull(String message, ThrowingCallable build) {
    // GIVEN a record built with a required argument left null
    // WHEN it is built / THEN a NullPointerException names the argument
    assertThatThrownBy(build).isInstanceOf(NullPointerException.class).hasMessage(message);
  }

  @Test
  void shouldRejectLevelsOutsideOneToTenWhenBuildingAPriority() {
    // GIVEN / WHEN levels 0 and 11 / THEN both are refused; 1 and 10 are fine
    assertThatThrownBy(() -> Priority.of(0)).hasMessageContaining("1-10, was 0");
    assertThatThrownBy(() -> Priority.of(11)).hasMessageContaining("1-10, was 11");
    assertThat(Priority.of(1).level()).isEqualTo(1);
    assertThat(Priority.of(10).level()).isEqualTo(10);
  }

  @Test
  void shouldRejectNonPositiveValuesWhenBuildingAPriority() {
    // GIVEN / WHEN zero, negative or NaN factors / THEN they are refused
    assertThatThrownBy(() -> new Priority(5, 0, null, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Priority(5, 1, null, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Priority(5, Double.NaN, null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDefaultMissingFieldsWhenBuildingAPriorityFromJsonValues() {
    // GIVEN / WHEN only a deadline is given / THEN the rest takes its default
    Priority p = Priority.from(null, null, T, null);
    assertThat(p).isEqualTo(Priority.DEFAULT.withDeadline(T));
    assertThat(p.hasDeadline()).isTrue();
  }

  @Test
  void shouldRejectNegativeSlotsWhenBuildingAHeartbeat() {
    // GIVEN / WHEN negative slots / THEN refused
    assertThatThrownBy(
            () ->
                new AgentHeartbeat(
                    "a", "p", null, -1, 0, null, null, null, null, 0, null, null, 0, null, T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectNegativeDesiredAgentsWhenBuildingARecommendation() {
    // GIVEN / WHEN a negative desired count / THEN refused
    assertThatThrownBy(() -> new ScalingRecommendation("p", 1, -1, "static", "r", T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTruncateTheRawValueWhenItIsLong() {
    // GIVEN a raw value longer than the limit
    String raw = "x".repeat(RejectedRecord.MAX_RAW_VALUE_CHARS + 10);

    // WHEN a rejected record keeps it
    RejectedRecord rejected = new RejectedRecord("t", 0, 1, "k", raw, null, T);

    // THEN it is cut and marked, and the reasons default to none
    assertThat(rejected.rawValue()).hasSize(RejectedRecord.MAX_RAW_VALUE_CHARS + 12);
    assertThat(rejected.rawValue()).endsWith("…(truncated)");
    assertThat(rejected.reasons()).isEmpty();
  }

  @Test
  void shouldCopyCollectionsWhenTheCallerChangesThemLater() {
    // GIVEN mutable collections passed to a submission
    List<String> deps = new ArrayList<>(List.of("a"));
    Map<String, String> labels = new java.util.HashMap<>(Map.of("k", "v"));
    TaskSubmission task = TaskSubmission.of("t", "x").withDependencies(deps).withLabels(labels);

    // WHEN the caller changes them
    deps.add("b");
    labels.put("k2", "v2");

    // THEN the record is unchanged and its collections are read-only
    assertThat(task.dependencies()).containsExactly("a");
    assertThat(task.labels()).containsOnlyKeys("k");
    assertThatThrownBy(() -> task.dependencies().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldKeyPoolCommandsByPoolWhenTheyTargetAPool() {
    // GIVEN / WHEN pool and task commands / THEN their keys follow the target
    assertThat(ControlCommand.pause("p1").key()).isEqualTo("p1");
    assertThat(ControlCommand.resume("p1").key()).isEqualTo("p1");
    assertThat(ControlCommand.replay("t1").key()).isEqualTo("t1");
  }

  @Test
  void shouldDeriveTheIdempotencyKeyFromTaskAndAttemptWhenAsked() {
    // GIVEN / WHEN an assignment / THEN its key is task:attempt
    assertThat(ModelFixtures.assignment().idempotencyKey()).isEqualTo("task-1:2");
    assertThat(TaskResult.Status.STARTED.isFinal()).isFalse();
    assertThat(TaskResult.Status.RELEASED.isFinal()).isTrue();
    assertThat(ModelFixtures.counters().done()).isEqualTo(123);
  }

  private static AgentHeartbeat heartbeat(String agent, String pool) {
    return new AgentHeartbeat(
        agent, pool, null, 1, 1, null, null, null, null, 0, null, null, 0, null, T);
  }

  private static TaskResult.Status ok() {
    return TaskResult.Status.SUCCEEDED;
  }

  private static TaskResult result(
      String task, String pool, String agent, String lease, TaskResult.Status status) {
    return new TaskResult(task, pool, agent, 1, lease, status, T, T, 0, 0, null, null);
  }

  private static TaskView view(String id, TaskState state) {
    return new TaskView(
        id, state, null, null, null, 0, null, null, null, null, null, null, null, T, null, false);
  }

  private static PoolStatus poolStatus(String pool) {
    return new PoolStatus(pool, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, T);
  }
}
