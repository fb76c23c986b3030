package io.yardmaster.worker.assignment;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.worker.lifecycle.Shutdownable;
import io.yardmaster.worker.lifecycle.Startable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this agent's assignments and hands them to the slots, on one thread of its own.
 *
 * <p><b>Reading only its own assignments.</b> The dispatcher writes each assignment to {@code
 * <prefix>pool.<pool>.assignments} keyed by the agent id, with Kafka's default partitioning of the
 * key. The agent computes the same partition ({@link AgentPartition}, partition count from {@code
 * partitionsFor}) and {@code assign()}s only that one: no group subscription, so no rebalances, and
 * no agent ever stalls another. Agents whose ids hash to the same partition share it, so records
 * whose key is not this agent's id are skipped. Offsets are committed under the group {@code
 * <prefix>agent.<agentId>} with {@code commitSync} of explicit offsets; the dispatcher writes
 * transactionally, so the consumer reads with {@code isolation.level=read_committed}.
 *
 * <p><b>Where it starts.</b> From the committed offset when there is one; else from the end of the
 * partition ({@code auto.offset.reset=latest}), resolved and committed before {@link #ready()}
 * completes. The agent sends its first heartbeat only then, and the dispatcher assigns nothing to
 * an agent it has not heard from, so nothing meant for this agent is skipped.
 *
 * <p><b>After a restart.</b> The committed position moves only past assignments whose final result
 * has been acknowledged ({@link OffsetTracker}), and only now and then: after a crash, the
 * assignments between the committed offset and the end of the partition at start were sent to the
 * agent's earlier run, which may have run them in part or in full (and even reported them). They
 * are not run again: each is handed back ({@link AssignmentSink#handBack}) as a failed attempt,
 * which the dispatcher retries, or ignores as stale when that lease had already ended. So no
 * attempt ever runs twice.
 *
 * <p>The loop backs off after failures (doubling up to {@link PollerSettings#maxBackoff()}),
 * restores the interrupt flag when interrupted, and never dies of an exception; it ends only when
 * stopped.
 */
public final class AssignmentPoller implements Startable, Shutdownable {
  private static final Logger LOG = LoggerFactory.getLogger(AssignmentPoller.class);

  private final Consumer<String, byte[]> consumer;
  private final Topic<String, Assignment> topic;
  private final String agentId;
  private final String pool;
  private final AssignmentSink sink;
  private final Clock clock;
  private final PollerSettings settings;
  private final OffsetTracker tracker = new OffsetTracker();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean started;
  private TopicPartition partition;

  /** Assignments below this offset were sent to an earlier run of this agent. */
  private long handBackBelow;

  private long lastCommitted = -1;
  private long lastCommitAtMs;

  public AssignmentPoller(
      Consumer<String, byte[]> consumer,
      Topic<String, Assignment> topic,
      String agentId,
      String pool,
      AssignmentSink sink,
      Clock clock,
      PollerSettings settings) {
    this.consumer = Objects.requireNonNull(consumer, "consumer can't be null");
    this.topic = Objects.requireNonNull(topic, "topic can't be null");
    this.agentId = Objects.requireNonNull(agentId, "agentId can't be null");
    this.pool = Objects.requireNonNull(pool, "pool can't be null");
    this.sink = Objects.requireNonNull(sink, "sink can't be null");
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
    this.thread = new Thread(this::loop, "yard-assignment-poller");
  }

  @Override
  public synchronized void start() {
    if (started || stopping()) {
      throw new IllegalStateException("the poller can only be started once");
    }
    started = true;
    thread.start();
  }

  /** Completes once the agent's partition is assigned and its start position committed. */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** The offsets this poller tracks (for tests and diagnostics). */
  public OffsetTracker tracker() {
    return tracker;
  }

  /** Stops the loop: a last commit of what is finished, then the consumer is closed. */
  @Override
  public boolean shutdown(Duration timeout) throws InterruptedException {
    synchronized (this) {
      if (!started) {
        stopRequested.countDown();
        consumer.close(CloseOptions.timeout(Duration.ZERO));
        return true;
      }
    }
    stopRequested.countDown();
    consumer.wakeup();
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  @Override
  public void shutdownNow() {
    stopRequested.countDown();
    consumer.wakeup();
    thread.interrupt();
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  private void loop() {
    Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
    boolean interrupted = false;
    try {
      while (!stopping()) {
        try {
          pollOnce();
          backoff.reset();
        } catch (WakeupException e) {
          // woken by shutdown: the loop condition decides
        } catch (InterruptException e) {
          interrupted = true;
          break;
        } catch (RuntimeException e) {
          Duration wait = backoff.next();
          LOG.warn(
              "Reading assignments from {} failed ({}); trying again in {}",
              topic.name(),
              e.toString(),
              wait);
          if (stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            break;
          }
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      interrupted |= Thread.interrupted();
      closeConsumer();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pollOnce() {
    if (partition == null) {
      setUp();
    }
    for (ConsumerRecord<String, byte[]> record : consumer.poll(settings.pollTimeout())) {
      handle(record);
    }
    commit(false);
  }

  private void setUp() {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic.name());
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalStateException("topic " + topic.name() + " does not exist yet");
    }
    TopicPartition own =
        new TopicPartition(topic.name(), AgentPartition.of(agentId, partitions.size()));
    consumer.assign(List.of(own));
    long position = consumer.position(own);
    handBackBelow = consumer.endOffsets(List.of(own)).getOrDefault(own, position);
    partition = own;
    tracker.reset(position);
    commit(true);
    LOG.info(
        "Reading assignments for {} from {} at offset {}{}",
        agentId,
        own,
        position,
        handBackBelow > position
            ? " (handing back what the earlier run was sent, up to " + handBackBelow + ")"
            : "");
    ready.complete(null);
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    long offset = record.offset();
    if (!agentId.equals(record.key())) {
      tracker.skipped(offset);
      return;
    }
    Assignment assignment = decode(record);
    if (assignment == null) {
      tracker.skipped(offset);
      return;
    }
    if (assignment.action() == Assignment.Action.CANCEL) {
      tracker.skipped(offset);
      if (!sink.cancel(assignment)) {
        LOG.info(
            "Cancel of {} (lease {}): not held here", assignment.taskId(), assignment.leaseId());
      }
      return;
    }
    tracker.received(offset);
    if (offset < handBackBelow) {
      sink.handBack(assignment, () -> tracker.finished(offset));
      return;
    }
    sink.submit(assignment, () -> tracker.finished(offset));
  }

  private Assignment decode(ConsumerRecord<String, byte[]> record) {
    try {
      Assignment a = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (a == null || !agentId.equals(a.agentId()) || !pool.equals(a.pool())) {
        LOG.warn(
            "Skipping the assignment at {}-{}@{}: it is not for agent {} in pool {}",
            record.topic(),
            record.partition(),
            record.offset(),
            agentId,
            pool);
        return null;
      }
      return a;
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping the unreadable assignment at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return null;
    }
  }

  private void commit(boolean now) {
    OptionalLong committable = tracker.committable();
    if (partition == null || committable.isEmpty() || committable.getAsLong() <= lastCommitted) {
      return;
    }
    long nowMs = clock.millis();
    if (!now && nowMs - lastCommitAtMs < settings.commitInterval().toMillis()) {
      return;
    }
    long offset = committable.getAsLong();
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
    lastCommitted = offset;
    lastCommitAtMs = nowMs;
  }

  private void closeConsumer() {
    for (int tries = 0; tries < 2; tries++) {
      try {
        commit(true);
        break;
      } catch (WakeupException e) {
        // a wakeup left over from shutdown: try once more
      } catch (RuntimeException e) {
        LOG.warn("Last commit of assignment offsets failed: {}", e.toString());
        break;
      }
    }
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      LOG.warn("Closing the assignment consumer failed: {}", e.toString());
    }
  }
}
