package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The agent with the highest efficiency score ({@link AgentState#efficiency()}: success rate,
 * health, measured speed, free slots, host CPU), ties to the least loaded.
 *
 * <p>Near the end of the work, a task with an estimated run time that would finish on the chosen
 * agent about when, or after, the pool is expected to have drained waits for a faster agent that is
 * busy now, if that one is expected to finish it sooner: long tasks do not end up last on slow
 * agents. While there is plenty of work, every agent with room gets some.
 */
public final class PerformanceBasedStrategy implements LoadBalancingStrategy {
  public static final String NAME = "performance-based";

  /** The share of its own run time by which a task may end before the drain and still straggle. */
  static final double STRAGGLER_MARGIN = 0.5;

  static final Comparator<AgentState> BEST_FIRST =
      Comparator.comparingDouble((AgentState a) -> -a.efficiency())
          .thenComparing(LeastLoadedStrategy.ORDER);

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    return candidates.stream().min(BEST_FIRST).orElseThrow();
  }

  @Override
  public boolean hold(
      ReadyQueue.Entry task,
      AgentState chosen,
      Collection<AgentState> pool,
      long backlogMs,
      long nowMs) {
    long estimate = task.placement().estimatedMs();
    if (estimate <= 0) {
      return false;
    }
    double here = nowMs + estimate * chosen.pace();
    // The drain time assumes work spread perfectly, which the last tasks never are: count a task
    // as a straggler when it would end less than half its run time before that.
    return here + STRAGGLER_MARGIN * (here - nowMs) > drainsAtMs(pool, backlogMs, nowMs)
        && fasterAgentFinishesSooner(task, chosen, pool, here, nowMs);
  }

  /**
   * When the pool would have done all its known work if it were spread perfectly: the estimated
   * work queued and left on running tasks, over the pool's speed (slots / pace).
   */
  static double drainsAtMs(Collection<AgentState> pool, long backlogMs, long nowMs) {
    double work = backlogMs;
    double speed = 0;
    for (AgentState a : pool) {
      if (a.acceptsWork()) {
        work += a.expectedRemainingMs(nowMs) / a.pace();
        speed += a.slots() / a.pace();
      }
    }
    return speed == 0 ? Double.MAX_VALUE : nowMs + work / speed;
  }

  /** Whether some busy, faster agent would finish the task before {@code here}. */
  static boolean fasterAgentFinishesSooner(
      ReadyQueue.Entry task,
      AgentState chosen,
      Collection<AgentState> pool,
      double here,
      long nowMs) {
    long estimate = task.placement().estimatedMs();
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
