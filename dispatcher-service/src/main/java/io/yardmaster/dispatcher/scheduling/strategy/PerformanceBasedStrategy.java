package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The agent with the highest efficiency score ({@link AgentState#efficiency()}: success rate,
 * health, measured speed, free slots, host CPU), ties to the least loaded. A task with an estimated
 * run time waits for a faster agent that is busy now when that agent is expected to finish it
 * sooner than the chosen one would, so long tasks do not end up last on slow agents.
 */
public final class PerformanceBasedStrategy implements LoadBalancingStrategy {
  public static final String NAME = "performance-based";

  static final Comparator<AgentState> BEST_FIRST =
      Comparator.comparingDouble((AgentState a) -> -a.efficiency())
          .thenComparing(LeastLoadedStrategy.ORDER);

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    return candidates.stream().min(BEST_FIRST).orElseThrow();
  }

  @Override
  public boolean hold(
      ReadyQueue.Entry task, AgentState chosen, Collection<AgentState> pool, long nowMs) {
    return fasterAgentFinishesSooner(task, chosen, pool, nowMs);
  }

  /** Whether some busy, faster agent would finish the task before {@code chosen} could. */
  static boolean fasterAgentFinishesSooner(
      ReadyQueue.Entry task, AgentState chosen, Collection<AgentState> pool, long nowMs) {
    long estimate = task.placement().estimatedMs();
    if (estimate <= 0) {
      return false;
    }
    double here = nowMs + estimate * chosen.pace();
    for (AgentState other : pool) {
      if (other == chosen
          || !other.acceptsWork()
          || other.pace() >= chosen.pace()
          || other.health().rank() > chosen.health().rank()
          || other.health().maxInFlight() < Integer.MAX_VALUE
          || !other.covers(task.requirement())) {
        continue;
      }
      long free = other.expectedFreeMs(nowMs);
      if (free > nowMs && free != Long.MAX_VALUE && free + estimate * other.pace() < here) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    return NAME;
  }
}
