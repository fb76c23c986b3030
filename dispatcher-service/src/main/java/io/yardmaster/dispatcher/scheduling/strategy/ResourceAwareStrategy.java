package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import io.yardmaster.model.HostLoad;
import java.util.Comparator;
import java.util.List;

/**
 * The agent whose host is the least busy by its last heartbeat: the lowest mean of CPU and memory
 * use (OSHI figures, 0 to 1); ties go to the least loaded by slots.
 */
public final class ResourceAwareStrategy implements LoadBalancingStrategy {
  public static final String NAME = "resource-aware";

  private static final Comparator<AgentState> ORDER =
      Comparator.comparingDouble(ResourceAwareStrategy::hostUse)
          .thenComparing(LeastLoadedStrategy.ORDER);

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    return candidates.stream().min(ORDER).orElseThrow();
  }

  static double hostUse(AgentState a) {
    HostLoad load = a.hostLoad();
    return (load.cpu() + load.memory()) / 2;
  }

  @Override
  public String name() {
    return NAME;
  }
}
