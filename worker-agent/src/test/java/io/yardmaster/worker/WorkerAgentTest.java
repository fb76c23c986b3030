package io.yardmaster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskResult.Status;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.assignment.AgentPartition;
import io.yardmaster.worker.config.WorkerOptions;
import io.yardmaster.worker.handler.HandlerRegistry;
import io.yardmaster.worker.handler.builtin.EchoHandler;
import io.yardmaster.worker.handler.builtin.SleepHandler;
import io.yardmaster.worker.lifecycle.LifecycleState;
import io.yardmaster.worker.testing.Assignments;
import io.yardmaster.worker.testing.GateHandler;
import io.yardmaster.worker.testing.PacedMockConsumer;
import io.yardmaster.worker.testing.ResultLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerAgentTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Topics TOPICS = Topics.withDefaultPrefix();
  private static final JsonSerde<Assignment> ASSIGNMENTS = JsonSerde.of(Assignment.class);
  private static final JsonSerde<AgentHeartbeat> HEARTBEATS = JsonSerde.of(AgentHeartbeat.class);

  private final PacedMockConsumer consumer = new PacedMockConsumer();
  private final MockProducer<String, byte[]> producer = ResultLog.producer();
  private final GateHandler gate = new GateHandler();
  private final String assignmentTopic = TOPICS.assignmentTopicName(Assignments.POOL);
  private final TopicPartition own =
      new TopicPartition(assignmentTopic, AgentPartition.of(Assignments.AGENT, 3));
  private final AtomicLong offsets = new AtomicLong();
  private final WorkerOptions options =
      WorkerOptions.builder(Assignments.POOL)
          .agentId(Assignments.AGENT)
          .slots(1)
          .heartbeatInterval(Duration.ofMillis(100))
          .drainTimeout(Duration.ofSeconds(10))
          .build();
  private final WorkerAgent agent =
      new WorkerAgent(
          options,
          new KafkaClients() {
            @Override
            public Consumer<String, byte[]> consumer(Properties properties) {
              return consumer;
            }

            @Override
            public Producer<String, byte[]> producer(Properties properties) {
              return producer;
            }
          },
          HandlerRegistry.of(
              options.handlerSettings(), List.of(gate, new EchoHandler(), new SleepHandler())),
          Clock.systemUTC());

  @AfterEach
  void stop() {
    gate.open();
    agent.stopNow();
  }

  private void startReady() {
    consumer.createTopic(assignmentTopic, 3);
    agent.start();
    await().atMost(WAIT).until(() -> agent.ready().isDone());
  }

  private void assign(String taskId, String type, String payload) {
    Assignment a = Assignments.run(taskId, type, payload);
    consumer.addRecord(
        new ConsumerRecord<>(
            assignmentTopic,
            own.partition(),
            offsets.getAndIncrement(),
            Assignments.AGENT,
            ASSIGNMENTS.serialize(assignmentTopic, a)));
  }

  private List<Status> statuses(String taskId) {
    return ResultLog.statuses(producer, TOPICS.results().name(), taskId);
  }

  private List<AgentHeartbeat> heartbeats() {
    String topic = TOPICS.heartbeats().name();
    return producer.history().stream()
        .filter(r -> r.topic().equals(topic))
        .map(r -> HEARTBEATS.deserialize(topic, r.value()))
        .toList();
  }

  @Test
  void shouldRunAssignmentsAndHeartbeatWhenStarted() {
    // GIVEN a started agent WHEN an echo task is assigned
    startReady();
    assign("t0", "echo", "{\"x\":1}");
    // THEN it reports SUCCEEDED with its start time (it ended within the started-report delay),
    // and heartbeats go out as ACTIVE, saying how many assignments the agent queues
    await().atMost(WAIT).until(() -> statuses("t0").contains(Status.SUCCEEDED));
    assertThat(statuses("t0")).containsExactly(Status.SUCCEEDED);
    assertThat(ResultLog.results(producer, TOPICS.results().name(), "t0").get(0).startedAt())
        .isNotNull();
    await().atMost(WAIT).until(() -> heartbeats().size() >= 2);
    assertThat(heartbeats().get(0).status()).isEqualTo(AgentHeartbeat.Status.ACTIVE);
    assertThat(heartbeats().get(0).maxQueued()).isEqualTo(WorkerOptions.DEFAULT_MAX_QUEUED);
    assertThat(ResultLog.keys(producer, TOPICS.heartbeats().name())).containsOnly(Assignments.POOL);
    await().atMost(WAIT).until(() -> agent.metrics().counters().succeeded() == 1);
  }

  @Test
  void shouldReleaseQueuedAndSayLeavingWhenDrained() {
    // GIVEN one running task and two queued behind it
    startReady();
    assign("t0", GateHandler.TYPE, null);
    assign("t1", GateHandler.TYPE, null);
    assign("t2", GateHandler.TYPE, null);
    await().atMost(WAIT).until(() -> agent.snapshot().queued() == 2);
    // WHEN the agent drains
    CompletableFuture<Void> drained = CompletableFuture.runAsync(agent::drain);
    // THEN the queued tasks are handed back at once and the agent says it is leaving
    await().atMost(WAIT).until(() -> statuses("t2").equals(List.of(Status.RELEASED)));
    assertThat(statuses("t1")).containsExactly(Status.RELEASED);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<AgentHeartbeat> sent = heartbeats();
              return !sent.isEmpty()
                  && sent.get(sent.size() - 1).status() == AgentHeartbeat.Status.LEAVING;
            });
    assertThat(agent.state()).isEqualTo(LifecycleState.DRAINING);
    // AND the running one may finish, after which everything is flushed and committed
    gate.open();
    drained.join();
    assertThat(statuses("t0")).containsExactly(Status.STARTED, Status.SUCCEEDED);
    AgentHeartbeat last = heartbeats().get(heartbeats().size() - 1);
    assertThat(last.status()).isEqualTo(AgentHeartbeat.Status.LEAVING);
    assertThat(last.running()).isEmpty();
    assertThat(producer.closed()).isTrue();
    assertThat(consumer.closed()).isTrue();
    assertThat(consumer.commits.get(consumer.commits.size() - 1).get(own).offset()).isEqualTo(3);
    assertThat(agent.state()).isEqualTo(LifecycleState.STOPPED);
  }

  @Test
  void shouldInterruptRunningTaskWhenStoppedDuringDrain() {
    // GIVEN a long task running and a drain under way
    startReady();
    assign("long", "sleep", "{\"ms\": 60000}");
    await().atMost(WAIT).until(() -> statuses("long").contains(Status.STARTED));
    CompletableFuture<Void> drained = CompletableFuture.runAsync(agent::drain);
    await().atMost(WAIT).until(() -> agent.state() == LifecycleState.DRAINING);
    // WHEN told to stop at once (a second SIGTERM)
    agent.stopNow();
    // THEN the task is stopped and reported as failed by the agent stopping, and the agent stops
    drained.join();
    List<TaskResult> results = ResultLog.results(producer, TOPICS.results().name(), "long");
    TaskResult last = results.get(results.size() - 1);
    assertThat(last.status()).isEqualTo(Status.FAILED);
    assertThat(last.error().type()).isEqualTo("agent-stopped");
    assertThat(agent.state()).isEqualTo(LifecycleState.STOPPED);
  }
}
