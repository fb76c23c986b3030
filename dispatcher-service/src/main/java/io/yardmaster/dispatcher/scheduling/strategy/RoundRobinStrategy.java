package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.List;

/**
 * Each agent in turn, by agent id: the next candidate after the one chosen last, wrapping around.
 */
public final class RoundRobinStrategy implements LoadBalancingStrategy {
  public static final String NAME = "round-robin";
  private String last = "";

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    AgentState first = null;
    AgentState next = null;
    for (AgentState a : candidates) {
      if (first == null || a.agentId().compareTo(first.agentId()) < 0) {
        first = a;
      }
      if (a.agentId().compareTo(last) > 0
          && (next == null || a.agentId().compareTo(next.agentId()) < 0)) {
        next = a;
      }
    }
    AgentState chosen = next != null ? next : first;
    last = chosen.agentId();
    return chosen;
  }

  @Override
  public String name() {
    return NAME;
  }
}
