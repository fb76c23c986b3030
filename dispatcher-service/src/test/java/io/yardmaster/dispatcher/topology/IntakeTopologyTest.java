package io.yardmaster.dispatcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.config.RoutingRules;
import io.yardmaster.dispatcher.testing.DispatcherHarness;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.EventType;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntakeTopologyTest {

  @Test
  void shouldRejectBadRecordsWithEveryReasonAndKeepProcessing() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("main"))) {
      // GIVEN an agent with room
      h.heartbeat("main", "a1", 2, Set.of());
      // WHEN bad records arrive between good ones
      h.submitRaw("bad-json", "{not json");
      h.submitRaw("t-bad", "{\"id\":\"t-bad\",\"type\":\"\",\"priority\":{\"level\":11}}");
      h.submitRaw("no-value", null);
      h.submit(TaskSubmission.of("good", "noop"));
      // THEN each bad record is rejected with its reasons and source offset, and the good task runs
      List<RejectedRecord> rejected = h.rejected();
      assertThat(rejected).hasSize(3);
      assertThat(rejected.get(0).reasons()).anyMatch(r -> r.contains("not valid JSON"));
      assertThat(rejected.get(0).sourceTopic()).isEqualTo("yard.tasks.submit");
      assertThat(rejected.get(0).sourceOffset()).isZero();
      assertThat(rejected.get(1).reasons())
          .anyMatch(r -> r.contains("type"))
          .anyMatch(r -> r.contains("priority.level"));
      assertThat(rejected.get(1).rawValue()).contains("t-bad");
      assertThat(rejected.get(2).reasons()).anyMatch(r -> r.contains("no value"));
      assertThat(h.newAssignments("main")).extracting(a -> a.taskId()).containsExactly("good");
    }
  }

  @Test
  void shouldIgnoreADuplicateSubmissionAndSaySo() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("main"))) {
      // GIVEN a submitted task
      h.submit(TaskSubmission.of("t1", "noop"));
      // WHEN the same id is submitted again, with other contents
      h.submit(TaskSubmission.of("t1", "other"));
      h.heartbeat("main", "a1", 4, Set.of());
      // THEN one task exists, and an event names the duplicate
      assertThat(h.newAssignments("main"))
          .hasSize(1)
          .first()
          .extracting(a -> a.type())
          .isEqualTo("noop");
      assertThat(h.events())
          .anyMatch(e -> e.type() == EventType.DUPLICATE_SUBMISSION && e.taskId().equals("t1"));
    }
  }

  @Test
  void shouldRouteByExplicitPoolThenTypeThenCapabilityThenDefault() {
    List<PoolConfig> pools =
        List.of(PoolConfig.of("a"), PoolConfig.of("b", "gpu"), PoolConfig.of("c"));
    try (DispatcherHarness h =
        new DispatcherHarness(
            pools,
            c -> c.withRouting(new RoutingRules(Map.of("render", "c"), Map.of("gpu", "b"), "a")))) {
      // WHEN tasks arrive with different routing hints
      h.submit(TaskSubmission.of("explicit", "render").withPool("b"));
      h.submit(TaskSubmission.of("by-type", "render"));
      h.submit(TaskSubmission.of("by-cap", "train").withCapabilities(Set.of("gpu")));
      h.submit(TaskSubmission.of("default", "noop"));
      // THEN each lands in the pool its rule names
      assertThat(h.views())
          .extractingByKeys("explicit", "by-type", "by-cap", "default")
          .extracting(v -> v.pool())
          .containsExactly("b", "c", "b", "a");
    }
  }

  @Test
  void shouldMakeTaskUnschedulableWhenNoPoolCanServeIt() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("cpu", "data"))) {
      // WHEN a task needs a capability the pool does not offer, and another names an unknown pool
      h.submit(
          TaskSubmission.of("needs-gpu", "train").withPool("cpu").withCapabilities(Set.of("gpu")));
      h.submit(TaskSubmission.of("lost", "noop").withPool("nowhere"));
      // THEN both end UNSCHEDULABLE with the reason
      assertThat(h.views().get("needs-gpu").state()).isEqualTo(TaskState.UNSCHEDULABLE);
      assertThat(h.views().get("needs-gpu").reason()).contains("gpu");
      assertThat(h.views().get("lost").reason()).contains("unknown pool 'nowhere'");
    }
  }

  @Test
  void shouldRejectCommandForUnknownTaskWithAnEvent() {
    try (DispatcherHarness h = new DispatcherHarness(PoolConfig.of("main"))) {
      // WHEN a cancel names a task nobody submitted, and a malformed command arrives
      h.control(ControlCommand.cancel("ghost"));
      // THEN a rejection event says why
      assertThat(h.events())
          .anyMatch(
              e ->
                  e.type() == EventType.COMMAND_REJECTED
                      && e.reason().contains("unknown task 'ghost'"));
    }
  }
}
