package io.yardmaster.dispatcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherMetricsTest {
  private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");

  private static TaskView view(TaskState state, Instant ready, Instant started, Instant done) {
    return new TaskView(
        "t",
        state,
        "p",
        "noop",
        "a",
        1,
        null,
        null,
        List.of(),
        T,
        ready,
        started,
        done,
        done == null ? T.plusMillis(300) : done,
        null,
        false);
  }

  @Test
  void shouldCountTransitionsAndTimeWaitsAndRunsPerPoolWhenTheSchedulerEmitsThem() {
    try (DispatcherMetrics metrics = new DispatcherMetrics()) {
      // GIVEN a task assigned 300 ms after it was ready, which then ran 2 s and succeeded
      metrics.seen(
          TaskEvent.transition("t", TaskState.READY, TaskState.ASSIGNED, "p", "a", 1, "", T));
      metrics.seen(view(TaskState.ASSIGNED, T, null, null));
      metrics.seen(
          TaskEvent.transition("t", TaskState.RUNNING, TaskState.SUCCEEDED, "p", "a", 1, "", T));
      metrics.seen(view(TaskState.SUCCEEDED, T, T.plusSeconds(1), T.plusSeconds(3)));
      // AND the pool's status and a scaling recommendation
      metrics.seen(new PoolStatus("p", 2, 2, 8, 6, 5, 2, 1, 1, 0, 0, 0, 1.0, 0, 0.5, 2, false, T));
      metrics.seen(new ScalingRecommendation("p", 2, 4, "reactive", "queue", T));
      // WHEN scraped
      String text = metrics.scrape();
      // THEN
      assertThat(text)
          .contains("yard_dispatcher_tasks_assigned_total{pool=\"p\"} 1.0")
          .contains("yard_dispatcher_tasks_succeeded_total{pool=\"p\"} 1.0")
          .contains("yard_dispatcher_task_wait_seconds_sum{pool=\"p\"} 0.3")
          .contains("yard_dispatcher_task_run_seconds_sum{pool=\"p\"} 2.0")
          .contains("yard_dispatcher_pool_queued{pool=\"p\"} 5.0")
          .contains("yard_dispatcher_pool_running{pool=\"p\"} 2.0")
          .contains("yard_dispatcher_pool_agents_desired{pool=\"p\"} 4.0")
          .contains("jvm_memory_used_bytes");
    }
  }
}
