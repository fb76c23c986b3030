package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.PriorityScorer;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.List;

/**
 * High-scoring tasks (level × business value × multiplier at least {@link #HIGH_SCORE}, or past
 * their first urgency step) go to the best-performing agent by efficiency score; the others go to
 * the least loaded of the rest, keeping the best agent free for the next important task while other
 * agents have room.
 */
public final class PriorityBasedStrategy implements LoadBalancingStrategy {
  public static final String NAME = "priority-based";
  public static final double HIGH_SCORE = 7.0;

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    AgentState best = candidates.stream().min(PerformanceBasedStrategy.BEST_FIRST).orElseThrow();
    if (isHigh(task) || candidates.size() == 1) {
      return best;
    }
    return candidates.stream().filter(a -> a != best).min(LeastLoadedStrategy.ORDER).orElseThrow();
  }

  static boolean isHigh(ReadyQueue.Entry task) {
    return PriorityScorer.base(task.priority()) >= HIGH_SCORE || task.step() > 0;
  }

  @Override
  public String name() {
    return NAME;
  }
}
