package io.yardmaster.worker.heartbeat;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.topic.Topic;
import io.yardmaster.worker.lifecycle.Shutdownable;
import io.yardmaster.worker.lifecycle.Startable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a heartbeat to {@code agents.heartbeats} every interval, keyed by the pool (so the pool's
 * scheduler reads it with no repartition), on one thread of its own. A failed send is logged and
 * the next interval tries again; {@code onAcknowledged} runs for every heartbeat the broker took.
 */
public final class HeartbeatSender implements Startable, Shutdownable {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSender.class);

  private final Producer<String, byte[]> producer;
  private final Topic<String, AgentHeartbeat> topic;
  private final Supplier<AgentHeartbeat> heartbeats;
  private final Duration interval;
  private final Runnable onAcknowledged;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "yard-heartbeat");
            t.setDaemon(true);
            return t;
          });
  private boolean warned;

  public HeartbeatSender(
      Producer<String, byte[]> producer,
      Topic<String, AgentHeartbeat> topic,
      Supplier<AgentHeartbeat> heartbeats,
      Duration interval,
      Runnable onAcknowledged) {
    this.producer = Objects.requireNonNull(producer, "producer can't be null");
    this.topic = Objects.requireNonNull(topic, "topic can't be null");
    this.heartbeats = Objects.requireNonNull(heartbeats, "heartbeats can't be null");
    this.interval = Objects.requireNonNull(interval, "interval can't be null");
    this.onAcknowledged = Objects.requireNonNull(onAcknowledged, "onAcknowledged can't be null");
  }

  /** Sends the first heartbeat now, then one every interval. */
  @Override
  public void start() {
    scheduler.scheduleAtFixedRate(this::sendQuietly, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Sends one heartbeat now; the future completes when the broker has acknowledged it. */
  public CompletableFuture<Void> sendNow() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    AgentHeartbeat heartbeat = heartbeats.get();
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), heartbeat);
    producer.send(
        new ProducerRecord<>(topic.name(), heartbeat.pool(), value),
        (metadata, error) -> {
          if (error == null) {
            onAcknowledged.run();
            done.complete(null);
          } else {
            done.completeExceptionally(error);
          }
        });
    return done;
  }

  /** Stops the periodic heartbeats (a last one is the caller's to send). */
  @Override
  public boolean shutdown(Duration timeout) throws InterruptedException {
    scheduler.shutdown();
    return scheduler.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdownNow() {
    scheduler.shutdownNow();
  }

  private void sendQuietly() {
    try {
      sendNow()
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  warnOnce(error);
                } else {
                  recovered();
                }
              });
    } catch (RuntimeException e) {
      warnOnce(e);
    }
  }

  private synchronized void recovered() {
    if (warned) {
      warned = false;
      LOG.warn("Heartbeats are getting through again");
    }
  }

  private synchronized void warnOnce(Throwable error) {
    if (!warned) {
      warned = true;
      LOG.warn("Sending a heartbeat failed (will keep trying): {}", error.toString());
    } else {
      LOG.debug("Sending a heartbeat failed: {}", error.toString());
    }
  }
}
