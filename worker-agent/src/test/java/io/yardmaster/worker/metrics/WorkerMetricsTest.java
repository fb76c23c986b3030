package io.yardmaster.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.TaskResult.Status;
import io.yardmaster.worker.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {
  private final MutableClock clock = MutableClock.atEpoch();

  @Test
  void shouldFeedHeartbeatCountersWhenTasksFinish() {
    try (WorkerMetrics metrics = new WorkerMetrics("p", "a", clock)) {
      // GIVEN two successes and a failure of different types
      metrics.taskStarted("sleep");
      metrics.taskFinished("sleep", Status.SUCCEEDED, Duration.ofMillis(100));
      metrics.taskFinished("echo", Status.SUCCEEDED, Duration.ofMillis(200));
      metrics.taskFinished("echo", Status.FAILED, Duration.ofMillis(300));
      metrics.taskFinished("echo", Status.RELEASED, Duration.ZERO);
      // WHEN the heartbeat asks THEN it sees the same totals, released ones not counted
      AgentCounters counters = metrics.counters();
      assertThat(counters.succeeded()).isEqualTo(2);
      assertThat(counters.failed()).isEqualTo(1);
      assertThat(counters.meanDurationMs()).isEqualTo(200.0);
    }
  }

  @Test
  void shouldExposePrometheusNamesWhenScraped() {
    try (WorkerMetrics metrics = new WorkerMetrics("p", "a", clock)) {
      // GIVEN some activity and slot gauges
      metrics.bindSlots(4, () -> 3, () -> 1);
      metrics.taskStarted("sleep");
      metrics.taskFinished("sleep", Status.SUCCEEDED, Duration.ofMillis(5));
      metrics.heartbeatAcknowledged();
      clock.tick(Duration.ofMillis(1500));
      // WHEN scraped
      String text = metrics.scrape();
      // THEN the documented names are there with their tags
      assertThat(text)
          .contains("yard_worker_tasks_started_total{agent=\"a\",pool=\"p\",type=\"sleep\"} 1.0")
          .contains("yard_worker_tasks_succeeded_total{agent=\"a\",pool=\"p\",type=\"sleep\"} 1.0")
          .contains("yard_worker_task_duration_seconds_count")
          .contains("yard_worker_slots_busy{agent=\"a\",pool=\"p\"} 3.0")
          .contains("yard_worker_slots{agent=\"a\",pool=\"p\"} 4.0")
          .contains("yard_worker_tasks_queued{agent=\"a\",pool=\"p\"} 1.0")
          .contains("yard_worker_heartbeat_lag_seconds{agent=\"a\",pool=\"p\"} 1.5");
    }
  }

  @Test
  void shouldTimeSlotWaitsAndExposeJvmMetricsWhenScraped() {
    try (WorkerMetrics metrics = new WorkerMetrics("p", "a", clock)) {
      // GIVEN an assignment that waited 250 ms for a slot
      metrics.taskWaited("sleep", Duration.ofMillis(250));
      // WHEN scraped
      String text = metrics.scrape();
      // THEN the wait is timed by type, next to the JVM's own meters
      assertThat(text)
          .contains("yard_worker_task_wait_seconds_count{agent=\"a\",pool=\"p\",type=\"sleep\"} 1")
          .contains("yard_worker_task_wait_seconds_sum{agent=\"a\",pool=\"p\",type=\"sleep\"} 0.25")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_threads_live_threads");
    }
  }

  @Test
  void shouldServeScrapeWhenMetricsEndpointIsCalled() throws IOException, InterruptedException {
    // GIVEN a metrics server on a free port
    try (MetricsServer server = MetricsServer.start(0, () -> "yard_worker_slots 4.0\n")) {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + MetricsServer.PATH);
      // WHEN it is fetched THEN the scrape comes back as Prometheus text
      HttpResponse<String> response =
          client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("yard_worker_slots 4.0\n");
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue(MetricsServer.CONTENT_TYPE);
      // AND anything but GET is refused
      HttpResponse<String> post =
          client.send(
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }
}
