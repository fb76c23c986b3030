package io.yardmaster.dispatcher.rebalance;

import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.PoolScheduler;
import io.yardmaster.dispatcher.scheduling.PoolTransfer;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import io.yardmaster.dispatcher.scheduling.Requirement;
import io.yardmaster.model.PoolStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks queued tasks of a crowded pool to move to a quieter one. A pool gives work to another when
 * its queued tasks per agent exceed the other's by the configured factor; it gives only tasks the
 * other pool accepts by configuration and one of its live agents can serve, never pinned ones, and
 * per status the other publishes no more than its free slots then (so a stale status cannot flood
 * it).
 */
public final class Rebalancer {
  /** One task to move, and why. */
  public record Move(String taskId, String target, String reason) {}

  private record Budget(Instant statusAt, int sent) {}

  private final RebalanceOptions options;
  private final Function<String, Optional<PoolConfig>> pools;
  private final long staleAfterMs;
  private final Map<String, Budget> budgets = new HashMap<>();

  /**
   * @param staleAfter a status older than this is ignored: its pool's scheduler may be down, and
   *     work sent there would wait for it
   */
  public Rebalancer(
      RebalanceOptions options, Function<String, Optional<PoolConfig>> pools, Duration staleAfter) {
    this.options = Objects.requireNonNull(options, "options can't be null");
    this.pools = Objects.requireNonNull(pools, "pools can't be null");
    this.staleAfterMs = staleAfter.toMillis();
  }

  /** The moves out of {@code source}, given the latest status of every pool. */
  public List<Move> plan(PoolScheduler source, Iterable<PoolStatus> statuses, long nowMs) {
    List<Move> moves = new ArrayList<>();
    int agents = 0;
    for (AgentState a : source.agents().all()) {
      if (a.heartbeat() != null) {
        agents++;
      }
    }
    long queued = source.ready().size();
    if (source.paused() || queued == 0) {
      return moves;
    }
    List<PoolStatus> targets = new ArrayList<>();
    for (PoolStatus t : statuses) {
      if (!t.pool().equals(source.pool())
          && !t.paused()
          && t.agents() > 0
          && t.freeSlots() > 0
          && t.updatedAt() != null
          && nowMs - t.updatedAt().toEpochMilli() <= staleAfterMs
          && pools.apply(t.pool()).isPresent()) {
        targets.add(t);
      }
    }
    targets.sort(Comparator.comparingDouble(PoolStatus::queuedPerAgent));
    for (PoolStatus t : targets) {
      double mine = agents == 0 ? Double.POSITIVE_INFINITY : (double) queued / agents;
      double theirs = t.queuedPerAgent();
      int sentBefore = sentSince(t);
      int room = Math.min(options.maxMovesPerTick() - moves.size(), t.freeSlots() - sentBefore);
      if (mine < options.minQueuedPerAgent() || mine <= options.factor() * theirs || room <= 0) {
        continue;
      }
      PoolConfig target = pools.apply(t.pool()).orElseThrow();
      String why =
          String.format("%s queues %.1f per agent, %s %.1f", source.pool(), mine, t.pool(), theirs);
      int sent = 0;
      for (ReadyQueue.Entry e :
          source
              .ready()
              .bestMatching(
                  req -> serves(target, t, req),
                  id -> PoolTransfer.movable(source, id) && !planned(moves, id),
                  room)) {
        moves.add(new Move(e.taskId(), t.pool(), why));
        queued--;
        sent++;
      }
      budgets.put(t.pool(), new Budget(t.updatedAt(), sentBefore + sent));
    }
    return moves;
  }

  /** Tasks sent to {@code t} since it published this status. */
  private int sentSince(PoolStatus t) {
    Budget b = budgets.get(t.pool());
    return b == null || !Objects.equals(b.statusAt(), t.updatedAt()) ? 0 : b.sent();
  }

  private static boolean serves(PoolConfig target, PoolStatus t, Requirement req) {
    return req.requiredRegion() == null
        && target.canServe(req.capabilities())
        && t.offers(req.capabilities());
  }

  private static boolean planned(List<Move> moves, String id) {
    for (Move m : moves) {
      if (m.taskId().equals(id)) {
        return true;
      }
    }
    return false;
  }
}
