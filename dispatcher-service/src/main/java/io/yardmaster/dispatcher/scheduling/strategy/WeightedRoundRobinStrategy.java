package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round robin (as in nginx): each pick adds every candidate's weight (from its
 * heartbeat) to its credit, chooses the candidate with the most credit and takes the total weight
 * off it. Over many picks each agent's share matches its weight, spread out rather than in bursts.
 */
public final class WeightedRoundRobinStrategy implements LoadBalancingStrategy {
  public static final String NAME = "weighted-round-robin";
  private static final int MAX_REMEMBERED = 4096;

  private final Map<String, Double> credit = new HashMap<>();

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    if (credit.size() > MAX_REMEMBERED) {
      credit.clear(); // agents come and go; forget the ones long gone
    }
    double total = 0;
    AgentState best = null;
    double bestCredit = Double.NEGATIVE_INFINITY;
    for (AgentState a : candidates) {
      double w = weight(a);
      total += w;
      double c = credit.merge(a.agentId(), w, Double::sum);
      if (c > bestCredit || (c == bestCredit && a.agentId().compareTo(best.agentId()) < 0)) {
        best = a;
        bestCredit = c;
      }
    }
    credit.put(best.agentId(), bestCredit - total);
    return best;
  }

  private static double weight(AgentState a) {
    return a.heartbeat() == null ? 1.0 : a.heartbeat().weight();
  }

  @Override
  public String name() {
    return NAME;
  }
}
