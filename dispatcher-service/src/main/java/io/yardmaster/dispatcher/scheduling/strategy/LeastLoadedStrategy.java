package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.Comparator;
import java.util.List;

/** The agent with the smallest share of its slots in use; ties go to the fewest tasks assigned. */
public final class LeastLoadedStrategy implements LoadBalancingStrategy {
  public static final String NAME = "least-loaded";

  static final Comparator<AgentState> ORDER =
      Comparator.comparingDouble(AgentState::load)
          .thenComparingLong(AgentState::assignedTotal)
          .thenComparing(AgentState::agentId);

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    return candidates.stream().min(ORDER).orElseThrow();
  }

  @Override
  public String name() {
    return NAME;
  }
}
