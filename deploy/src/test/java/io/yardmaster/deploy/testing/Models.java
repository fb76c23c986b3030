package io.yardmaster.deploy.testing;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Records as the dispatcher and agents write them, for tests. */
public final class Models {
  private Models() {}

  public static TaskView view(String id, TaskState state, String pool) {
    Instant now = Instant.now();
    return new TaskView(
        id,
        state,
        pool,
        "sleep",
        "agent-1",
        1,
        state.name().toLowerCase(),
        Priority.DEFAULT,
        List.of(),
        now,
        now,
        null,
        null,
        now,
        null,
        false);
  }

  public static AgentHeartbeat heartbeat(String agentId, String pool, Instant sentAt) {
    return new AgentHeartbeat(
        agentId,
        pool,
        Set.of("cuda"),
        4,
        3,
        List.of(),
        null,
        null,
        "0.1.0",
        1.0,
        new AgentCounters(12, 1, 40.0),
        new HostLoad(0.25, 0.5, 0.1),
        1_000,
        AgentHeartbeat.Status.ACTIVE,
        sentAt);
  }
}
