package io.yardmaster.worker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.testing.Assignments;
import io.yardmaster.worker.testing.MutableClock;
import io.yardmaster.worker.testing.PacedMockConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssignmentPollerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int PARTITIONS = 6;
  private static final JsonSerde<Assignment> SERDE = JsonSerde.of(Assignment.class);
  private static final PollerSettings FAST =
      new PollerSettings(
          Duration.ofMillis(20), Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(50));

  private final Topic<String, Assignment> topic =
      Topics.withDefaultPrefix().assignments(Assignments.POOL);
  private final TopicPartition own =
      new TopicPartition(topic.name(), AgentPartition.of(Assignments.AGENT, PARTITIONS));
  private final PacedMockConsumer consumer = new PacedMockConsumer();
  private final RecordingSink sink = new RecordingSink();
  private final AtomicLong nextOffset = new AtomicLong();
  private final AssignmentPoller poller =
      new AssignmentPoller(
          consumer, topic, Assignments.AGENT, Assignments.POOL, sink, MutableClock.atEpoch(), FAST);

  @AfterEach
  void stop() throws InterruptedException {
    poller.shutdown(WAIT);
  }

  private void startReady() {
    consumer.createTopic(topic.name(), PARTITIONS);
    poller.start();
    await().atMost(WAIT).until(() -> poller.ready().isDone());
  }

  private void add(String key, byte[] value) {
    consumer.addRecord(
        new ConsumerRecord<>(
            topic.name(), own.partition(), nextOffset.getAndIncrement(), key, value));
  }

  private Assignment addRun(String taskId) {
    Assignment a = Assignments.run(taskId, "echo", null);
    add(Assignments.AGENT, SERDE.serialize(topic.name(), a));
    return a;
  }

  private long committed() {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(own));
    OffsetAndMetadata offset = committed.get(own);
    return offset == null ? -1 : offset.offset();
  }

  @Test
  void shouldAssignOnlyItsOwnPartitionWhenTopicHasSeveral() {
    // GIVEN a topic of 6 partitions WHEN the poller starts
    startReady();
    // THEN it reads only the partition its id hashes to, and has committed where it starts
    assertThat(consumer.assignment()).containsExactly(own);
    assertThat(consumer.subscription()).isEmpty();
    assertThat(committed()).isZero();
  }

  @Test
  void shouldHandOnlyItsOwnRecordsWhenPartitionIsShared() {
    // GIVEN a record for another agent, then one for this agent
    startReady();
    Assignment other = Assignments.run("other-agent", "theirs", 1, "echo", null, null);
    add("other-agent", SERDE.serialize(topic.name(), other));
    addRun("mine");
    // WHEN the poller reads them THEN only this agent's reaches the slots
    await().atMost(WAIT).until(() -> sink.submitted.size() == 1);
    assertThat(sink.submitted).extracting(Assignment::taskId).containsExactly("mine");
    // AND once it is finished the position moves past both
    sink.finish("mine");
    await().atMost(WAIT).until(() -> committed() == 2);
  }

  @Test
  void shouldCommitOnlyUpToLowestUnfinishedWhenAssignmentsFinishOutOfOrder() {
    // GIVEN three assignments at offsets 0, 1, 2
    startReady();
    addRun("t0");
    addRun("t1");
    addRun("t2");
    await().atMost(WAIT).until(() -> sink.submitted.size() == 3);
    // WHEN the later two finish first
    sink.finish("t2");
    sink.finish("t1");
    // THEN the position stays at the unfinished first one
    assertThat(poller.tracker().committable()).hasValue(0);
    assertThat(committed()).isZero();
    // WHEN the first finishes THEN the position moves past all three
    sink.finish("t0");
    await().atMost(WAIT).until(() -> committed() == 3);
  }

  @Test
  void shouldPassCancelToSlotsWhenCancelArrives() {
    // GIVEN a running task WHEN a cancel for it arrives
    startReady();
    Assignment run = addRun("t0");
    add(Assignments.AGENT, SERDE.serialize(topic.name(), Assignments.cancel(run)));
    // THEN the slots get the cancel
    await().atMost(WAIT).until(() -> sink.cancels.size() == 1);
    assertThat(sink.cancels.get(0).leaseId()).isEqualTo(run.leaseId());
    // AND the cancel itself never holds the position back
    sink.finish("t0");
    await().atMost(WAIT).until(() -> committed() == 2);
  }

  @Test
  void shouldSkipRecordWhenItCannotBeRead() {
    // GIVEN a record that is not an assignment, then a good one
    startReady();
    add(Assignments.AGENT, "not json".getBytes(StandardCharsets.UTF_8));
    addRun("good");
    // THEN the bad one is skipped and the good one handed on
    await().atMost(WAIT).until(() -> sink.submitted.size() == 1);
    sink.finish("good");
    await().atMost(WAIT).until(() -> committed() == 2);
  }

  @Test
  void shouldKeepPollingWhenPollFails() {
    // GIVEN a poll that fails
    startReady();
    consumer.setPollException(new KafkaException("broker went away"));
    // WHEN an assignment arrives afterwards THEN the loop is still alive and hands it on
    addRun("after-failure");
    await().atMost(WAIT).until(() -> sink.submitted.size() == 1);
  }

  @Test
  void shouldWaitForTopicWhenItDoesNotExistYet() {
    // GIVEN no assignment topic WHEN the poller starts
    poller.start();
    assertThat(poller.ready()).isNotDone();
    // THEN it becomes ready once the topic appears
    consumer.createTopic(topic.name(), PARTITIONS);
    await().atMost(WAIT).until(() -> poller.ready().isDone());
    assertThat(consumer.assignment()).containsExactly(own);
  }

  @Test
  void shouldCommitFinishedWorkAndCloseWhenShutDown() throws InterruptedException {
    // GIVEN a poller that commits only once an hour, and a finished assignment
    AssignmentPoller hourly =
        new AssignmentPoller(
            consumer,
            topic,
            Assignments.AGENT,
            Assignments.POOL,
            sink,
            MutableClock.atEpoch(),
            new PollerSettings(
                Duration.ofMillis(20),
                Duration.ofHours(1),
                Duration.ofMillis(10),
                Duration.ofMillis(50)));
    consumer.createTopic(topic.name(), PARTITIONS);
    hourly.start();
    await().atMost(WAIT).until(() -> hourly.ready().isDone());
    addRun("t0");
    await().atMost(WAIT).until(() -> sink.submitted.size() == 1);
    sink.finish("t0");
    // WHEN the poller shuts down
    assertThat(hourly.shutdown(WAIT)).isTrue();
    // THEN its last commit moved past the finished work, and the consumer is closed
    assertThat(consumer.closed()).isTrue();
    assertThat(consumer.commits.get(consumer.commits.size() - 1).get(own).offset()).isEqualTo(1);
  }

  /** Collects what the poller hands on; a test finishes assignments by task id. */
  static final class RecordingSink implements AssignmentSink {
    final List<Assignment> submitted = new CopyOnWriteArrayList<>();
    final List<Assignment> handedBack = new CopyOnWriteArrayList<>();

    @Override
    public void handBack(Assignment assignment, Runnable whenReported) {
      handedBack.add(assignment);
      whenReported.run();
    }

    final List<Assignment> cancels = new CopyOnWriteArrayList<>();
    final Map<String, Runnable> reports = new ConcurrentHashMap<>();

    @Override
    public void submit(Assignment assignment, Runnable whenReported) {
      submitted.add(assignment);
      reports.put(assignment.taskId(), whenReported);
    }

    @Override
    public boolean cancel(Assignment cancel) {
      cancels.add(cancel);
      return true;
    }

    void finish(String taskId) {
      reports.get(taskId).run();
    }
  }
}
