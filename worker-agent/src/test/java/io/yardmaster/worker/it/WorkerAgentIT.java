package io.yardmaster.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskResult.Status;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.worker.WorkerAgent;
import io.yardmaster.worker.config.WorkerOptions;
import io.yardmaster.worker.config.WorkerOptionsBuilder;
import io.yardmaster.worker.lifecycle.LifecycleState;
import io.yardmaster.worker.testing.Assignments;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One agent on a real broker, fed assignments as the dispatcher writes them. */
@ExtendWith(SharedKafkaBroker.class)
class WorkerAgentIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String POOL = Assignments.POOL;
  private static final JsonSerde<TaskResult> RESULTS = JsonSerde.of(TaskResult.class);
  private static final JsonSerde<AgentHeartbeat> HEARTBEATS = JsonSerde.of(AgentHeartbeat.class);

  private KafkaTestTopics kafka;
  private KafkaTestTopics.Reader<TaskResult> results;
  private KafkaTestTopics.Reader<AgentHeartbeat> heartbeats;
  private WorkerAgent agent;

  @BeforeEach
  void createTopics(KafkaClientSettings settings) throws Exception {
    kafka = new KafkaTestTopics(settings, POOL);
    results = kafka.reader(kafka.topics.results().name(), RESULTS);
    heartbeats = kafka.reader(kafka.topics.heartbeats().name(), HEARTBEATS);
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.stopNow();
    }
    results.close();
    heartbeats.close();
    kafka.close();
  }

  private WorkerOptionsBuilder options(String agentId, int slots) {
    return WorkerOptions.builder(POOL)
        .agentId(agentId)
        .slots(slots)
        .kafka(kafka.kafka)
        .topicPrefix(kafka.topics.prefix())
        .heartbeatInterval(Duration.ofMillis(200))
        .drainTimeout(Duration.ofSeconds(30));
  }

  private WorkerAgent startAgent(WorkerOptions options) {
    WorkerAgent started = WorkerAgent.create(options);
    started.start();
    await().atMost(WAIT).until(() -> started.ready().isDone());
    return started;
  }

  private static Assignment run(String agentId, String taskId, String type, String payload) {
    return Assignments.run(agentId, taskId, 1, type, payload, Duration.ofSeconds(30));
  }

  private List<Status> statuses(String taskId) {
    return results.values().stream()
        .filter(r -> r.taskId().equals(taskId))
        .map(TaskResult::status)
        .toList();
  }

  @Test
  void shouldReportResultsAndHeartbeatKeyedByPoolWhenAssigned() throws Exception {
    // GIVEN a started agent with metrics on
    int port = freePort();
    agent = startAgent(options("it-agent-1", 2).metricsPort(port).build());
    String before = scrape(port);
    // WHEN the dispatcher assigns it three tasks
    for (String id : List.of("echo-1", "echo-2", "sleep-1")) {
      String type = id.startsWith("echo") ? "echo" : "sleep";
      kafka.assign(run("it-agent-1", id, type, "{\"ms\": 50}"));
    }
    // THEN each is reported, keyed by the pool: the 50 ms sleep STARTED then SUCCEEDED, the echoes
    // (over within the 20 ms started-report delay) SUCCEEDED alone, with their start time
    await()
        .atMost(WAIT)
        .until(
            () ->
                results.values().stream().filter(r -> r.status() == Status.SUCCEEDED).count() == 3);
    assertThat(statuses("sleep-1")).containsExactly(Status.STARTED, Status.SUCCEEDED);
    for (String id : List.of("echo-1", "echo-2")) {
      assertThat(statuses(id)).containsExactly(Status.SUCCEEDED);
    }
    assertThat(results.values()).allMatch(r -> r.startedAt() != null);
    assertThat(results.read()).extracting(ConsumerRecord::key).containsOnly(POOL);
    TaskResult echo =
        results.values().stream()
            .filter(r -> r.taskId().equals("echo-1") && r.status() == Status.SUCCEEDED)
            .findFirst()
            .orElseThrow();
    assertThat(echo.output().path("ms").asInt()).isEqualTo(50);
    assertThat(echo.leaseId()).isEqualTo(Assignments.lease("echo-1", 1));
    // AND heartbeats keyed by the pool say the agent is active, with its counters
    await()
        .atMost(WAIT)
        .until(
            () ->
                heartbeats.values().stream()
                    .anyMatch(h -> h.counters().succeeded() == 3 && h.freeSlots() == 2));
    assertThat(heartbeats.read()).extracting(ConsumerRecord::key).containsOnly(POOL);
    AgentHeartbeat hb = last(heartbeats.values());
    assertThat(hb.agentId()).isEqualTo("it-agent-1");
    assertThat(hb.status()).isEqualTo(AgentHeartbeat.Status.ACTIVE);
    assertThat(hb.slots()).isEqualTo(2);
    assertThat(hb.intervalMs()).isEqualTo(200);
    // AND the Prometheus endpoint shows the counters moving
    assertThat(before).doesNotContain("yard_worker_tasks_succeeded_total{");
    String after = scrape(port);
    assertThat(after)
        .contains(
            "yard_worker_tasks_succeeded_total{agent=\"it-agent-1\",pool=\"test-pool\",type=\"echo\"} 2.0")
        .contains(
            "yard_worker_tasks_started_total{agent=\"it-agent-1\",pool=\"test-pool\",type=\"sleep\"} 1.0")
        .contains("yard_worker_slots{agent=\"it-agent-1\",pool=\"test-pool\"} 2.0")
        .contains("yard_worker_task_wait_seconds_count{")
        .contains("kafka_producer_record_send_total{")
        .contains("jvm_memory_used_bytes{");
  }

  @Test
  void shouldReleaseQueuedSayLeavingAndCommitWhenDrained() throws Exception {
    // GIVEN an agent with one slot, one long task running and two queued
    agent = startAgent(options("it-agent-2", 1).build());
    kafka.assign(run("it-agent-2", "long", "sleep", "{\"ms\": 1500}"));
    kafka.assign(run("it-agent-2", "queued-1", "echo", null));
    kafka.assign(run("it-agent-2", "queued-2", "echo", null));
    await().atMost(WAIT).until(() -> agent.snapshot().queued() == 2);
    // WHEN it drains (as on SIGTERM)
    CompletableFuture<Void> drained = CompletableFuture.runAsync(agent::drain);
    // THEN the queued tasks are handed back, the running one finishes
    await().atMost(WAIT).until(() -> statuses("long").contains(Status.SUCCEEDED));
    drained.get(60, TimeUnit.SECONDS);
    assertThat(statuses("queued-1")).containsExactly(Status.RELEASED);
    assertThat(statuses("queued-2")).containsExactly(Status.RELEASED);
    assertThat(agent.state()).isEqualTo(LifecycleState.STOPPED);
    // AND its last heartbeat says LEAVING, holding nothing
    await().atMost(WAIT).until(() -> isLeaving(heartbeats.values()));
    AgentHeartbeat last = last(heartbeats.values());
    assertThat(last.running()).isEmpty();
    assertThat(last.freeSlots()).isZero();
    // AND its position is committed past all three under its own group
    assertThat(committed("it-agent-2")).isEqualTo(3);
  }

  @Test
  void shouldRunOnlyItsOwnAssignmentsWhenTwoAgentsShareAPartition() throws Exception {
    // GIVEN two agents whose ids hash to the same partition
    String first = "it-agent-a";
    String second = sharingPartitionWith(first);
    agent = startAgent(options(first, 2).build());
    WorkerAgent other = startAgent(options(second, 2).build());
    try {
      // WHEN each is assigned a task
      kafka.assign(run(first, "for-a", "echo", null));
      kafka.assign(run(second, "for-b", "echo", null));
      // THEN each task ran once, on the agent it was meant for
      await()
          .atMost(WAIT)
          .until(
              () ->
                  statuses("for-a").contains(Status.SUCCEEDED)
                      && statuses("for-b").contains(Status.SUCCEEDED));
      List<TaskResult> done =
          results.values().stream().filter(r -> r.status() == Status.SUCCEEDED).toList();
      assertThat(done).hasSize(2);
      assertThat(done)
          .filteredOn(r -> r.taskId().equals("for-a"))
          .extracting(TaskResult::agentId)
          .containsExactly(first);
      assertThat(done)
          .filteredOn(r -> r.taskId().equals("for-b"))
          .extracting(TaskResult::agentId)
          .containsExactly(second);
    } finally {
      other.drain();
    }
  }

  private static boolean isLeaving(List<AgentHeartbeat> sent) {
    return !sent.isEmpty() && last(sent).status() == AgentHeartbeat.Status.LEAVING;
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  private long committed(String agentId) throws Exception {
    String group = kafka.topics.prefix() + "agent." + agentId;
    try (Admin admin = Admin.create(kafka.kafka.baseProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).max().orElse(-1);
    }
  }

  private static String sharingPartitionWith(String agentId) {
    int partition =
        io.yardmaster.worker.assignment.AgentPartition.of(agentId, KafkaTestTopics.PARTITIONS);
    for (int i = 0; ; i++) {
      String candidate = "it-agent-" + i;
      if (!candidate.equals(agentId)
          && io.yardmaster.worker.assignment.AgentPartition.of(
                  candidate, KafkaTestTopics.PARTITIONS)
              == partition) {
        return candidate;
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
