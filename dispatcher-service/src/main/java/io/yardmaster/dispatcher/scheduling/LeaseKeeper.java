package io.yardmaster.dispatcher.scheduling;

import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.at;
import static io.yardmaster.dispatcher.scheduling.TaskLifecycle.ms;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's clock work: agents silent for their missed-heartbeat limit are removed and their
 * leases re-queued; leases held past the task's timeout (plus the agent timeout, the agent's own
 * timeout having failed to report) are re-queued; retries whose backoff is over become READY.
 */
final class LeaseKeeper {
  private final TaskLifecycle life;

  LeaseKeeper(TaskLifecycle life) {
    this.life = life;
  }

  void tick(long nowMs) {
    for (AgentState agent : List.copyOf(life.agents.all())) {
      if (nowMs - agent.lastSeenMs() > agentTimeoutMs(agent)) {
        life.agents.remove(agent.agentId());
        life.outbox.event(
            TaskEvent.note(
                agent.agentId(),
                EventType.AGENT_HEALTH,
                life.pool,
                "agent offline: no heartbeat for " + (nowMs - agent.lastSeenMs()) + " ms",
                at(nowMs)));
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
      for (String taskId : List.copyOf(agent.leases())) {
        TaskRecord r = life.store.get(taskId);
        Instant since = r.startedAt != null ? r.startedAt : r.assignedAt;
        if (nowMs > ms(since) + r.task.timeout().toMillis() + agentTimeoutMs(agent)) {
          agent.removeLease(taskId);
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

  long agentTimeoutMs(AgentState agent) {
    AgentHeartbeat hb = agent.heartbeat();
    long interval =
        hb != null && hb.intervalMs() > 0
            ? hb.intervalMs()
            : life.options.defaultHeartbeatInterval().toMillis();
    return interval * life.options.missedHeartbeats();
  }
}
