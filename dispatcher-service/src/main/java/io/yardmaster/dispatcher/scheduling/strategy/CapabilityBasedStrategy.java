package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.Comparator;
import java.util.List;

/**
 * The agent whose capabilities exceed the task's needs the least, so specialised agents (a GPU
 * agent, say) stay free for the work only they can do; ties go to the least loaded.
 */
public final class CapabilityBasedStrategy implements LoadBalancingStrategy {
  public static final String NAME = "capability-based";

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    int needed = task.requirement().capabilities().size();
    Comparator<AgentState> order =
        Comparator.comparingInt((AgentState a) -> surplus(a, needed))
            .thenComparing(LeastLoadedStrategy.ORDER);
    return candidates.stream().min(order).orElseThrow();
  }

  private static int surplus(AgentState a, int needed) {
    return a.heartbeat() == null ? Integer.MAX_VALUE : a.heartbeat().capabilities().size() - needed;
  }

  @Override
  public String name() {
    return NAME;
  }
}
