package io.yardmaster.deploy.local;

import io.yardmaster.deploy.RunFailedException;
import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.TopicCursor;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.topic.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits until every agent the local run started has sent a heartbeat, failing early when one of the
 * run's processes dies.
 */
public final class AgentWatcher {
  private static final Duration POLL = Duration.ofMillis(250);

  private AgentWatcher() {}

  /**
   * Returns once a heartbeat of each of {@code expected} agent ids has been read from {@code start}
   * on.
   */
  public static void awaitHeartbeats(
      YardClients clients,
      Set<String> expected,
      StartAt start,
      ProcessGroup group,
      Duration timeout) {
    Topic<String, AgentHeartbeat> heartbeats = clients.topics().heartbeats();
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (TopicCursor cursor = TopicCursor.open(clients, List.of(heartbeats.name()), start)) {
      while (!seen.containsAll(expected)) {
        cursor
            .poll(POLL)
            .forEach(
                r ->
                    Snapshots.decode(heartbeats, r)
                        .filter(h -> h.status() == AgentHeartbeat.Status.ACTIVE)
                        .ifPresent(h -> seen.add(h.agentId())));
        Optional<ManagedProcess> dead = group.firstUnexpectedExit();
        if (dead.isPresent()) {
          throw LocalRun.died(dead.get());
        }
        if (group.isStopped()) {
          throw new RunFailedException("stopped while waiting for the agents");
        }
        if (System.nanoTime() > deadline) {
          Set<String> missing = new TreeSet<>(expected);
          missing.removeAll(seen);
          throw new RunFailedException(
              "no heartbeat within "
                  + timeout.toSeconds()
                  + " s from "
                  + missing
                  + "; see their logs in the run's logs folder");
        }
      }
    }
  }
}
