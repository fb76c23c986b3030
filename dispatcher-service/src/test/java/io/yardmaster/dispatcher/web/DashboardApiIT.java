package io.yardmaster.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.SimulatedAgents;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's JSON API against a real dispatcher on the shared broker, with simulated agents:
 * every read endpoint, a task's history, 404s with a message, cancel and replay commands.
 */
@ExtendWith(SharedKafkaBroker.class)
class DashboardApiIT {
  static final String POOL = "alpha";
  private static final int TASKS = 30;

  @Test
  void shouldServeEveryEndpointFromTheDispatchersStateWhenTasksRunAndOneDeadLetters(
      KafkaClientSettings kafka) throws Exception {
    // GIVEN a dispatcher serving its API on a free port, and two simulated agents
    Topics topics = new Topics("dash-api.");
    WebOptions web = WebOptions.loopback(0).withHistoryInterval(Duration.ofMillis(200));
    try (DispatcherService dispatcher = new DispatcherService(config(kafka, topics), 1, true, web);
        SimulatedAgents agents = startThenAgents(dispatcher, kafka, topics)) {
      ApiClient api = new ApiClient(dispatcher.dashboard().port().orElseThrow());
      // WHEN 30 tasks run, one fails with no retries, and one waits on a task never submitted
      List<TaskSubmission> tasks = new ArrayList<>();
      IntStream.range(0, TASKS).forEach(i -> tasks.add(TaskSubmission.of("ok-" + i, "noop")));
      tasks.add(
          TaskSubmission.of("bad-1", SimulatedAgents.FAILING_TYPE)
              .withRetries(0, Duration.ofMillis(10)));
      tasks.add(TaskSubmission.of("waiter", "noop").withDependencies(List.of("never-submitted")));
      submit(kafka, topics, tasks);

      // THEN the overview counts them
      await()
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(
              () -> {
                JsonNode o = api.json("/api/overview");
                assertThat(o.path("completed").asLong()).isEqualTo(TASKS);
                assertThat(o.path("deadLetters").asLong()).isEqualTo(1);
                assertThat(o.path("agents").asInt()).isEqualTo(2);
                assertThat(o.path("states").path("WAITING").asLong()).isEqualTo(1);
              });
      // AND the pool card and the agents table show the pool's agents
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonNode pools = api.json("/api/pools");
                assertThat(pools).hasSize(1);
                assertThat(pools.get(0).path("pool").asText()).isEqualTo(POOL);
                assertThat(pools.get(0).path("agents").asInt()).isEqualTo(2);
                assertThat(pools.get(0).path("agentsByHealth").path("HEALTHY").asInt())
                    .isEqualTo(2);
                assertThat(pools.get(0).path("paused").asBoolean()).isFalse();
              });
      JsonNode agentRows = api.json("/api/agents");
      assertThat(agentRows).hasSize(2);
      assertThat(agentRows.get(0).path("health").asText()).isEqualTo("HEALTHY");
      assertThat(agentRows.get(0).path("slots").asInt()).isEqualTo(4);
      // AND a task's whole history is there
      JsonNode ok = api.json("/api/tasks/ok-7");
      assertThat(ok.path("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(targets(ok)).contains("READY", "ASSIGNED", "RUNNING", "SUCCEEDED");
      // AND the dead-lettered task comes with the scheduler's record, from this instance's store
      JsonNode bad = api.json("/api/tasks/bad-1");
      assertThat(bad.path("state").asText()).isEqualTo("DEAD_LETTERED");
      assertThat(bad.path("owner").asText()).isEqualTo("local");
      assertThat(bad.path("live").path("state").asText()).isEqualTo("DEAD_LETTERED");
      JsonNode dlq = api.json("/api/dlq");
      assertThat(dlq).hasSize(1);
      assertThat(dlq.get(0).path("taskId").asText()).isEqualTo("bad-1");
      // AND the history has samples
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> api.json("/api/history").path("samples").size() >= 2);
      // AND unknown tasks and endpoints are 404s with a message
      HttpResponse<String> missing = api.get("/api/tasks/no-such-task");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(ApiClient.parse(missing.body()).path("error").asText()).contains("no-such-task");
      assertThat(api.get("/api/nothing").statusCode()).isEqualTo(404);
      assertThat(api.post("/api/dlq/ok-7/replay").statusCode()).isEqualTo(404);
      assertThat(api.post("/api/tasks/no-such-task/cancel").statusCode()).isEqualTo(404);
      // AND explain says why a task is not running, from the dispatcher's own state
      JsonNode why = api.json("/api/tasks/waiter/explain");
      assertThat(why.path("reason").asText()).isEqualTo("UNKNOWN_DEPENDENCY");
      assertThat(why.path("dependencies").get(0).path("id").asText()).isEqualTo("never-submitted");
      assertThat(api.json("/api/tasks/ok-7/explain").path("reason").asText()).isEqualTo("FINISHED");
      HttpResponse<String> unexplained = api.get("/api/tasks/no-such-task/explain");
      assertThat(unexplained.statusCode()).isEqualTo(404);
      assertThat(ApiClient.parse(unexplained.body()).path("error").asText())
          .contains("no-such-task");
      // AND a finished task cannot be cancelled
      assertThat(api.post("/api/tasks/ok-7/cancel").statusCode()).isEqualTo(409);

      // WHEN the waiting task is cancelled and the dead letter replayed
      HttpResponse<String> cancel = api.post("/api/tasks/waiter/cancel");
      HttpResponse<String> replay = api.post("/api/dlq/bad-1/replay");
      // THEN both are accepted, the waiting task ends CANCELLED and the dead letter runs again
      assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
      assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(api.json("/api/tasks/waiter").path("state").asText())
                    .isEqualTo("CANCELLED");
                assertThat(targets(api.json("/api/tasks/bad-1")))
                    .filteredOn("ASSIGNED"::equals)
                    .hasSize(2);
              });
      assertThat(agents.assignments()).isNotEmpty();
    }
  }

  private static List<String> targets(JsonNode task) {
    return StreamSupport.stream(task.path("events").spliterator(), false)
        .map(e -> e.path("to").asText(""))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static SimulatedAgents startThenAgents(
      DispatcherService dispatcher, KafkaClientSettings kafka, Topics topics) {
    dispatcher.start();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> dispatcher.streams().state() == KafkaStreams.State.RUNNING);
    return new SimulatedAgents(kafka, topics, POOL, 2, 4);
  }

  static DispatcherConfig config(KafkaClientSettings kafka, Topics topics) throws Exception {
    return DispatcherConfig.defaults(kafka, List.of(PoolConfig.of(POOL)))
        .withStateDir(Files.createTempDirectory(Path.of("target"), "dashboard-it"))
        .withTopicPrefix(topics.prefix());
  }

  static void submit(KafkaClientSettings kafka, Topics topics, List<TaskSubmission> tasks) {
    Properties p = kafka.baseProperties();
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    try (KafkaProducer<String, TaskSubmission> producer =
        new KafkaProducer<>(p, new StringSerializer(), topics.submit().valueSerde().serializer())) {
      tasks.forEach(t -> producer.send(new ProducerRecord<>(topics.submit().name(), t.id(), t)));
    }
  }
}
