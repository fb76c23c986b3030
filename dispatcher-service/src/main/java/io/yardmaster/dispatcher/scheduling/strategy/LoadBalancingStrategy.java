package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.Collection;
import java.util.List;

/**
 * Chooses which agent gets a task. The scheduler calls it only with candidates that can take the
 * task now: capable, in its required region, accepting work, with room in their credit, and of the
 * best health among those (see {@code scheduling.health}).
 */
public interface LoadBalancingStrategy {
  /** The chosen agent; {@code candidates} is never empty. */
  AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates);

  /**
   * Whether the task should rather wait for a better agent of {@code pool} that is busy now than go
   * to {@code chosen}; {@code backlogMs} is the estimated run time of all queued tasks. The
   * scheduler then assigns nothing more until the next event. Default: never.
   */
  default boolean hold(
      ReadyQueue.Entry task,
      AgentState chosen,
      Collection<AgentState> pool,
      long backlogMs,
      long nowMs) {
    return false;
  }

  /** The name used in configuration. */
  String name();
}
