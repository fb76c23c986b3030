package io.yardmaster.worker.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.RunningTask;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.config.WorkerOptions;
import io.yardmaster.worker.execution.ExecutorSnapshot;
import io.yardmaster.worker.lifecycle.Lifecycle;
import io.yardmaster.worker.lifecycle.LifecycleState;
import io.yardmaster.worker.testing.Assignments;
import io.yardmaster.worker.testing.MutableClock;
import io.yardmaster.worker.testing.ResultLog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
  private static final JsonSerde<AgentHeartbeat> SERDE = JsonSerde.of(AgentHeartbeat.class);
  private final WorkerOptions options =
      WorkerOptions.builder(Assignments.POOL)
          .agentId(Assignments.AGENT)
          .slots(4)
          .capabilities(List.of("gpu", "ssd"))
          .region("eu-west")
          .zone("eu-west-1a")
          .weight(2.0)
          .heartbeatInterval(Duration.ofMillis(200))
          .build();
  private final Lifecycle lifecycle = new Lifecycle();
  private final MutableClock clock = MutableClock.atEpoch();
  private final List<RunningTask> held =
      List.of(new RunningTask("a", 1, "lease-a"), new RunningTask("b", 2, "lease-b"));
  private final HeartbeatFactory factory =
      new HeartbeatFactory(
          options,
          "1.2.3",
          () -> new ExecutorSnapshot(4, 1, 1, held),
          () -> new AgentCounters(5, 1, 12.5),
          () -> new HostLoad(0.25, 0.5, 0.75),
          lifecycle,
          clock);

  @Test
  void shouldDescribeAgentWhenRunning() {
    // GIVEN a running agent with one task running and one queued
    lifecycle.moveTo(LifecycleState.RUNNING);
    // WHEN a heartbeat is built
    AgentHeartbeat hb = factory.build();
    // THEN it carries the agent's state, and queued work counts against free slots
    assertThat(hb.status()).isEqualTo(AgentHeartbeat.Status.ACTIVE);
    assertThat(hb.agentId()).isEqualTo(Assignments.AGENT);
    assertThat(hb.pool()).isEqualTo(Assignments.POOL);
    assertThat(hb.slots()).isEqualTo(4);
    assertThat(hb.freeSlots()).isEqualTo(2);
    assertThat(hb.running()).isEqualTo(held);
    assertThat(hb.capabilities()).isEqualTo(Set.of("gpu", "ssd"));
    assertThat(hb.region()).isEqualTo("eu-west");
    assertThat(hb.zone()).isEqualTo("eu-west-1a");
    assertThat(hb.version()).isEqualTo("1.2.3");
    assertThat(hb.weight()).isEqualTo(2.0);
    assertThat(hb.counters()).isEqualTo(new AgentCounters(5, 1, 12.5));
    assertThat(hb.load()).isEqualTo(new HostLoad(0.25, 0.5, 0.75));
    assertThat(hb.intervalMs()).isEqualTo(200);
    assertThat(hb.sentAt()).isEqualTo(clock.instant());
  }

  @Test
  void shouldSayLeavingWithNoFreeSlotsWhenDraining() {
    // GIVEN a draining agent WHEN a heartbeat is built THEN it says LEAVING and takes nothing
    lifecycle.moveTo(LifecycleState.DRAINING);
    AgentHeartbeat hb = factory.build();
    assertThat(hb.status()).isEqualTo(AgentHeartbeat.Status.LEAVING);
    assertThat(hb.freeSlots()).isZero();
  }

  @Test
  void shouldSendHeartbeatsKeyedByPoolWhenStarted() throws Exception {
    // GIVEN a sender on a mock producer
    lifecycle.moveTo(LifecycleState.RUNNING);
    MockProducer<String, byte[]> producer = ResultLog.producer();
    String topic = Topics.withDefaultPrefix().heartbeats().name();
    AtomicInteger acks = new AtomicInteger();
    HeartbeatSender sender =
        new HeartbeatSender(
            producer,
            Topics.withDefaultPrefix().heartbeats(),
            factory::build,
            Duration.ofMillis(50),
            acks::incrementAndGet);
    // WHEN started
    sender.start();
    // THEN heartbeats go out every interval, keyed by the pool, and each ack is counted
    await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() >= 3);
    sender.shutdown(Duration.ofSeconds(5));
    assertThat(ResultLog.keys(producer, topic)).isNotEmpty().containsOnly(Assignments.POOL);
    AgentHeartbeat first = SERDE.deserialize(topic, producer.history().get(0).value());
    assertThat(first.agentId()).isEqualTo(Assignments.AGENT);
  }
}
