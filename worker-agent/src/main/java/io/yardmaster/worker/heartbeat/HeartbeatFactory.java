package io.yardmaster.worker.heartbeat;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.HostLoad;
import io.yardmaster.worker.config.WorkerOptions;
import io.yardmaster.worker.execution.ExecutorSnapshot;
import io.yardmaster.worker.lifecycle.Lifecycle;
import io.yardmaster.worker.lifecycle.LifecycleState;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds the agent's heartbeat from its live state: slots and free slots, the tasks it holds
 * (running and locally queued, with lease ids), its counters and host load, and its status (ACTIVE
 * while running, LEAVING from the start of a drain).
 */
public final class HeartbeatFactory {
  private final WorkerOptions options;
  private final String version;
  private final Supplier<ExecutorSnapshot> executor;
  private final Supplier<AgentCounters> counters;
  private final Supplier<HostLoad> load;
  private final Lifecycle lifecycle;
  private final Clock clock;

  public HeartbeatFactory(
      WorkerOptions options,
      String version,
      Supplier<ExecutorSnapshot> executor,
      Supplier<AgentCounters> counters,
      Supplier<HostLoad> load,
      Lifecycle lifecycle,
      Clock clock) {
    this.options = Objects.requireNonNull(options, "options can't be null");
    this.version = Objects.requireNonNull(version, "version can't be null");
    this.executor = Objects.requireNonNull(executor, "executor can't be null");
    this.counters = Objects.requireNonNull(counters, "counters can't be null");
    this.load = Objects.requireNonNull(load, "load can't be null");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle can't be null");
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
  }

  public AgentHeartbeat build() {
    ExecutorSnapshot snapshot = executor.get();
    boolean active = lifecycle.state() == LifecycleState.RUNNING;
    return new AgentHeartbeat(
        options.agentId(),
        options.pool(),
        options.capabilities(),
        snapshot.slots(),
        active ? snapshot.freeSlots() : 0,
        snapshot.held(),
        options.region(),
        options.zone(),
        version,
        options.weight(),
        counters.get(),
        load.get(),
        options.heartbeatInterval().toMillis(),
        active ? AgentHeartbeat.Status.ACTIVE : AgentHeartbeat.Status.LEAVING,
        clock.instant(),
        options.maxQueued());
  }
}
