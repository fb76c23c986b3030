package io.yardmaster.dispatcher.scheduling;

import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.ms;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's clock work: agents silent for their missed-heartbeat limit are removed and their
 * leases re-queued; leases held past the task's timeout (plus the agent timeout, the agent's own
 * timeout having failed to report) are re-queued; retries whose backoff is over become READY.
 */
final class LeaseKeeper {
  /** A gap between ticks longer than this means the dispatcher itself was stalled. */
  static final long STALL_MS = 1_000;

  /** Input this far behind the wall clock means the dispatcher is working through a backlog. */
  static final long LAG_TOLERANCE_MS = 500;

  /** When no agent of the pool is heard, each is given this many timeouts before it is gone. */
  static final int ALL_SILENT_FACTOR = 3;

  private final TaskLifecycle life;
  private long lastTickMs = -1;

  LeaseKeeper(TaskLifecycle life) {
    this.life = life;
  }

  void tick(long nowMs, long inputLagMs) {
    excuseStall(nowMs, inputLagMs);
    long lastHeard = Long.MIN_VALUE;
    for (AgentState agent : life.agents.all()) {
      if (agent.heartbeat() != null) {
        lastHeard = Math.max(lastHeard, agent.lastSeenMs());
      }
    }
    for (AgentState agent : List.copyOf(life.agents.all())) {
      if (isSilentPast(agent, agentTimeoutMs(agent), lastHeard, nowMs)) {
        life.agents.remove(agent.agentId());
        life.health(
            agent,
            agent
                .healthTracker()
                .offline("agent offline: no heartbeat for " + (nowMs - agent.lastSeenMs()) + " ms"),
            nowMs);
        for (String taskId : List.copyOf(agent.leases())) {
          life.expireLease(
              life.store.get(taskId),
              "lease-expired",
              "agent "
                  + agent.agentId()
                  + " missed "
                  + life.options.missedHeartbeats()
                  + " heartbeats",
              nowMs);
        }
      }
    }
    for (AgentState agent : life.agents.all()) {
      long unhealthyMs = (long) (intervalMs(agent) * life.options.health().unhealthyAfterMissed());
      if (agent.heartbeat() != null && isSilentPast(agent, unhealthyMs, lastHeard, nowMs)) {
        life.health(
            agent,
            agent.healthTracker().onSilence(nowMs - agent.lastSeenMs(), intervalMs(agent)),
            nowMs);
      }
      for (String taskId : List.copyOf(agent.leases())) {
        TaskRecord r = life.store.get(taskId);
        Instant since = r.startedAt != null ? r.startedAt : r.assignedAt;
        if (nowMs > ms(since) + r.task.timeout().toMillis() + agentTimeoutMs(agent)) {
          agent.removeLease(taskId);
          // The agent neither finished the task nor reported its own timeout: a failure of its.
          life.health(agent, agent.healthTracker().onResult(false), nowMs);
          life.expireLease(
              r,
              "timeout",
              "ran past its timeout of " + r.task.timeout() + " on " + agent.agentId(),
              nowMs);
        }
      }
    }
    while (!life.retries.isEmpty() && life.retries.first().dueMs() <= nowMs) {
      TaskRecord r = life.store.get(life.retries.pollFirst().taskId());
      if (r != null && r.state == TaskState.RETRY_WAIT) {
        r.retryAt = null;
        life.makeReady(r, "retrying after backoff", nowMs);
      }
    }
  }

  /**
   * Silence only counts while the dispatcher keeps up with its input. When it could not run for a
   * while (a rebalance, a restore, a long pause), or is working through a backlog (a burst of
   * submissions is read before the heartbeats that came after it), agents' heartbeats wait unread
   * in the topic: the time that passes then says nothing about the agents, so their last-seen times
   * move on with it.
   */
  private void excuseStall(long nowMs, long inputLagMs) {
    if (lastTickMs >= 0) {
      long gap = nowMs - lastTickMs;
      if (gap > STALL_MS || inputLagMs > LAG_TOLERANCE_MS) {
        life.agents.all().forEach(a -> a.excuse(gap, nowMs));
      }
    }
    lastTickMs = nowMs;
  }

  /**
   * An agent is silent past a limit (its timeout: gone; a shorter one: unhealthy) when the pool's
   * other agents were heard after it (so the dispatcher is reading heartbeats), or when the whole
   * pool has been silent for three times the limit. A dispatcher that falls behind on its input (a
   * burst of submissions read first) hears no one for a while; that alone must not expire every
   * lease.
   */
  private boolean isSilentPast(AgentState agent, long timeout, long lastHeard, long nowMs) {
    long silent = nowMs - agent.lastSeenMs();
    if (silent <= timeout) {
      return false;
    }
    // "Heard since" means at least a whole heartbeat interval later: agents heard in the same
    // batch are equally silent, whatever order the batch was read in.
    boolean othersHeardSince =
        lastHeard - agent.lastSeenMs() >= intervalMs(agent) && nowMs - lastHeard <= timeout;
    return othersHeardSince || silent > ALL_SILENT_FACTOR * timeout;
  }

  long agentTimeoutMs(AgentState agent) {
    return intervalMs(agent) * life.options.missedHeartbeats();
  }

  long intervalMs(AgentState agent) {
    AgentHeartbeat hb = agent.heartbeat();
    return hb != null && hb.intervalMs() > 0
        ? hb.intervalMs()
        : life.options.defaultHeartbeatInterval().toMillis();
  }
}
