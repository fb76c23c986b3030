package io.yardmaster.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.testing.SimulatedAgents;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scrapes the dispatcher's {@code /metrics} while tasks run and watches the pool's series move. */
@ExtendWith(SharedKafkaBroker.class)
class DispatcherMetricsIT {

  @Test
  void shouldCountAssignedAndSucceededTasksPerPoolWhenAWorkloadRuns(KafkaClientSettings kafka)
      throws Exception {
    // GIVEN a dispatcher serving /metrics (and commands only with a token) and simulated agents
    Topics topics = new Topics("dash-metrics.");
    try (DispatcherService dispatcher =
            new DispatcherService(
                DashboardApiIT.config(kafka, topics),
                1,
                true,
                WebOptions.loopback(0).withToken("t0k"));
        SimulatedAgents agents = DashboardApiIT.startThenAgents(dispatcher, kafka, topics)) {
      ApiClient api = new ApiClient(dispatcher.dashboard().port().orElseThrow());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> scrape(api).contains("yard_dispatcher_pool_agents{pool=\"alpha\"} 2.0"));
      double before = value(scrape(api), "yard_dispatcher_tasks_assigned_total");
      // WHEN a first and then a second batch of tasks run
      DashboardApiIT.submit(kafka, topics, batch("m1-", 20));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> value(scrape(api), "yard_dispatcher_tasks_succeeded_total") >= 20);
      double middle = value(scrape(api), "yard_dispatcher_tasks_assigned_total");
      DashboardApiIT.submit(kafka, topics, batch("m2-", 20));
      // THEN the pool's counters and timers move with each batch
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> value(scrape(api), "yard_dispatcher_tasks_succeeded_total") >= 40);
      String last = scrape(api);
      assertThat(before).isZero();
      assertThat(middle).isGreaterThanOrEqualTo(20);
      assertThat(value(last, "yard_dispatcher_tasks_assigned_total")).isGreaterThanOrEqualTo(40);
      assertThat(value(last, "yard_dispatcher_task_wait_seconds_count")).isGreaterThanOrEqualTo(40);
      assertThat(value(last, "yard_dispatcher_task_run_seconds_count")).isGreaterThanOrEqualTo(40);
      assertThat(last)
          .contains("yard_dispatcher_pool_queued{pool=\"alpha\"}")
          .contains("yard_dispatcher_pool_agents_desired{pool=\"alpha\"}")
          .contains("yard_pool_desired_agents{pool=\"alpha\"}")
          .contains("jvm_memory_used_bytes")
          .contains("kafka_stream_");
      assertThat(agents.assignments()).hasSizeGreaterThanOrEqualTo(40);
      // AND commands need the token, and come from no other origin
      assertThat(api.post("/api/dlq/m1-1/replay").statusCode()).isEqualTo(401);
      assertThat(api.post("/api/dlq/m1-1/replay", WebOptions.TOKEN_HEADER, "wrong").statusCode())
          .isEqualTo(401);
      assertThat(
              api.post(
                      "/api/dlq/m1-1/replay",
                      WebOptions.TOKEN_HEADER,
                      "t0k",
                      "Origin",
                      "http://evil.example")
                  .statusCode())
          .isEqualTo(403);
      HttpResponse<String> passed =
          api.post("/api/dlq/m1-1/replay", WebOptions.TOKEN_HEADER, "t0k");
      assertThat(passed.statusCode()).as(passed.body()).isEqualTo(404);
      assertThat(api.json("/api/overview").path("tokenRequired").asBoolean()).isTrue();
    }
  }

  private static List<TaskSubmission> batch(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> TaskSubmission.of(prefix + i, "noop")).toList();
  }

  private static String scrape(ApiClient api) {
    HttpResponse<String> r = api.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** The value of the series for pool alpha, 0 when absent. */
  private static double value(String scrape, String series) {
    Matcher m =
        Pattern.compile(
                "^" + Pattern.quote(series) + "\\{pool=\"alpha\"[^}]*\\} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
