package io.yardmaster.deploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.web.WebOptions;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.WorkerAgent;
import io.yardmaster.worker.config.WorkerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard end to end: a real dispatcher and two real worker agents on the shared broker run a
 * workload in which one task dead-letters; headless Chromium opens the page, which must show what
 * the JSON API says; a click on Replay runs the dead letter again, to success. The screenshot is
 * left in {@code target/dashboard/}.
 */
@ExtendWith(SharedKafkaBroker.class)
class DashboardBrowserIT {
  private static final String POOL = "web";
  private static final int TASKS = 16;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path OUT = Path.of("target", "dashboard");

  @Test
  void shouldShowWhatTheApiSaysAndReplayTheDeadLetterWhenItsButtonIsClicked(
      KafkaClientSettings kafka) throws Exception {
    Assumptions.assumeTrue(
        Browser.installed(),
        "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)");
    // GIVEN a dispatcher serving its dashboard and two agents with two slots each
    Topics topics = new Topics("dash-browser.");
    Files.createDirectories(OUT);
    DispatcherConfig config =
        DispatcherConfig.defaults(kafka, List.of(PoolConfig.of(POOL)))
            .withStateDir(Files.createTempDirectory(OUT, "state"))
            .withTopicPrefix(topics.prefix());
    WebOptions web = WebOptions.loopback(0).withHistoryInterval(Duration.ofSeconds(1));
    try (DispatcherService dispatcher = new DispatcherService(config, 1, true, web)) {
      dispatcher.start();
      await().atMost(WAIT).until(() -> dispatcher.streams().state() == KafkaStreams.State.RUNNING);
      List<WorkerAgent> agents = startAgents(kafka, topics, 2);
      try (Browser browser = new Browser(Files.createTempDirectory(OUT, "chromium-profile"))) {
        String url = "http://127.0.0.1:" + dispatcher.dashboard().port().orElseThrow() + "/";
        run(url, kafka, topics, browser.driver, browser);
      } finally {
        agents.forEach(WorkerAgent::stopNow);
      }
    }
  }

  private void run(String url, KafkaClientSettings kafka, Topics topics, WebDriver page, Browser b)
      throws Exception {
    // WHEN 16 short tasks run and one fails its only attempt
    List<TaskSubmission> tasks = new ArrayList<>();
    JsonNode sleep = Json.mapper().readTree("{\"ms\": 100}");
    IntStream.range(0, TASKS)
        .forEach(i -> tasks.add(TaskSubmission.of("t-" + i, "sleep").withPayload(sleep)));
    tasks.add(
        TaskSubmission.of("flaky", "sleep")
            .withPayload(Json.mapper().readTree("{\"ms\": 50, \"failTimes\": 1}"))
            .withRetries(0, Duration.ofMillis(10)));
    submit(kafka, topics, tasks);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode o = json(url, "api/overview");
              return o.path("completed").asLong() == TASKS
                  && o.path("deadLetters").asLong() == 1
                  && o.path("queued").asLong() == 0
                  && o.path("running").asLong() == 0
                  && o.path("agents").asInt() == 2;
            });

    // THEN the page shows the API's totals, pool card, agents and dead letter
    page.get(url);
    awaitPage().untilAsserted(() -> assertThat(text(page, "total-completed")).isEqualTo("16"));
    JsonNode o = json(url, "api/overview");
    assertThat(text(page, "total-agents")).isEqualTo(o.path("agents").asText());
    assertThat(text(page, "total-queued")).isEqualTo(o.path("queued").asText());
    assertThat(text(page, "total-running")).isEqualTo(o.path("running").asText());
    assertThat(text(page, "total-failed")).isEqualTo(o.path("failed").asText());
    assertThat(text(page, "total-dlq")).isEqualTo("1").isEqualTo(o.path("deadLetters").asText());
    JsonNode pool = json(url, "api/pools").get(0);
    JsonNode agents = json(url, "api/agents");
    awaitPage()
        .untilAsserted(
            () -> {
              WebElement card =
                  page.findElement(By.cssSelector(".pool-card[data-pool='" + POOL + "']"));
              assertThat(field(card, "agents"))
                  .isEqualTo(pool.path("agents").asText())
                  .isEqualTo("2");
              assertThat(field(card, "queued")).isEqualTo(pool.path("queued").asText());
              assertThat(field(card, "paused")).isEqualTo("running");
              assertThat(page.findElements(By.cssSelector("#agents tbody tr")))
                  .hasSize(agents.size());
              for (JsonNode a : agents) {
                WebElement row =
                    page.findElement(
                        By.cssSelector("tr[data-agent='" + a.path("agentId").asText() + "']"));
                assertThat(field(row, "health")).isEqualTo(a.path("health").asText());
              }
              assertThat(page.findElements(By.cssSelector("#dlq tr[data-task='flaky']")))
                  .hasSize(1);
            });
    // AND every task ended as expected
    for (TaskSubmission t : tasks) {
      assertThat(json(url, "api/tasks/" + t.id()).path("state").asText())
          .isEqualTo(t.id().equals("flaky") ? "DEAD_LETTERED" : "SUCCEEDED");
    }
    // AND the task search shows a task's whole history
    search(page, "t-3");
    JsonNode t3 = json(url, "api/tasks/t-3");
    awaitPage().untilAsserted(() -> assertThat(text(page, "task-state")).isEqualTo("SUCCEEDED"));
    awaitPage()
        .untilAsserted(
            () ->
                assertThat(page.findElements(By.cssSelector("#task-events tbody tr")))
                    .hasSize(t3.path("events").size()));
    b.screenshot(OUT.resolve("dashboard-before-replay.png"));

    // WHEN Replay is clicked on the dead letter
    click(page, By.cssSelector("#dlq tr[data-task='flaky'] button.replay"));

    // THEN the task runs again, succeeds, and leaves the dead-letter list
    await()
        .atMost(WAIT)
        .until(() -> json(url, "api/tasks/flaky").path("state").asText().equals("SUCCEEDED"));
    awaitPage().untilAsserted(() -> assertThat(text(page, "total-dlq")).isEqualTo("0"));
    awaitPage()
        .untilAsserted(
            () -> assertThat(page.findElements(By.cssSelector("#dlq tbody tr"))).isEmpty());
    search(page, "flaky");
    awaitPage().untilAsserted(() -> assertThat(text(page, "task-state")).isEqualTo("SUCCEEDED"));
    List<String> flakyAssignments =
        StreamSupport.stream(json(url, "api/tasks/flaky").path("events").spliterator(), false)
            .filter(e -> e.path("to").asText("").equals("ASSIGNED"))
            .map(e -> e.path("attempt").asText())
            .toList();
    assertThat(flakyAssignments).containsExactly("1", "2");
    awaitPage()
        .untilAsserted(
            () -> assertThat(text(page, "total-completed")).isEqualTo(String.valueOf(TASKS + 1)));

    // WHEN a task waiting on a dependency that never comes is found and Cancel is clicked
    submit(
        kafka,
        topics,
        List.of(TaskSubmission.of("stuck", "noop").withDependencies(List.of("never-submitted"))));
    await()
        .atMost(WAIT)
        .until(() -> json(url, "api/overview").path("states").path("WAITING").asLong() == 1);
    search(page, "stuck");
    awaitPage().untilAsserted(() -> assertThat(text(page, "task-state")).isEqualTo("WAITING"));
    click(page, By.id("task-cancel"));
    // THEN it ends CANCELLED, on the page as in the API
    awaitPage().untilAsserted(() -> assertThat(text(page, "task-state")).isEqualTo("CANCELLED"));
    assertThat(json(url, "api/tasks/stuck").path("state").asText()).isEqualTo("CANCELLED");
    awaitPage().untilAsserted(() -> assertThat(page.findElements(By.id("task-cancel"))).isEmpty());
    b.screenshot(OUT.resolve("dashboard.png"));
    assertThat(OUT.resolve("dashboard.png")).exists();
  }

  private static void search(WebDriver page, String id) {
    WebElement input = page.findElement(By.id("task-id"));
    input.clear();
    input.sendKeys(id);
    page.findElement(By.id("task-search")).click();
    awaitPage().untilAsserted(() -> assertThat(text(page, "task-name")).isEqualTo(id));
  }

  /** The page redraws every two seconds: an element found just before may be replaced. */
  private static ConditionFactory awaitPage() {
    return await().atMost(WAIT).ignoreException(StaleElementReferenceException.class);
  }

  private static void click(WebDriver page, By button) {
    awaitPage()
        .until(
            () -> {
              page.findElement(button).click();
              return true;
            });
  }

  private static String text(WebDriver page, String id) {
    return page.findElement(By.id(id)).getText().trim();
  }

  private static String field(WebElement parent, String name) {
    return parent.findElement(By.cssSelector("[data-field='" + name + "']")).getText().trim();
  }

  private static List<WorkerAgent> startAgents(KafkaClientSettings kafka, Topics topics, int n) {
    List<WorkerAgent> agents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WorkerAgent agent =
          WorkerAgent.create(
              WorkerOptions.builder(POOL)
                  .agentId("browser-agent-" + i)
                  .slots(2)
                  .kafka(kafka)
                  .topicPrefix(topics.prefix())
                  .heartbeatInterval(Duration.ofMillis(500))
                  .drainTimeout(Duration.ofSeconds(5))
                  .build());
      agent.start();
      agents.add(agent);
    }
    agents.forEach(a -> await().atMost(WAIT).until(() -> a.ready().isDone()));
    return agents;
  }

  private static void submit(KafkaClientSettings kafka, Topics topics, List<TaskSubmission> tasks) {
    Properties p = kafka.baseProperties();
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    try (KafkaProducer<String, TaskSubmission> producer =
        new KafkaProducer<>(p, new StringSerializer(), topics.submit().valueSerde().serializer())) {
      tasks.forEach(t -> producer.send(new ProducerRecord<>(topics.submit().name(), t.id(), t)));
    }
  }

  private static JsonNode json(String url, String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }
}
