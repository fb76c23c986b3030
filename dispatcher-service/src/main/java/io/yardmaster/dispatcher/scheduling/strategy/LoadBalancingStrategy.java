package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.List;

/**
 * Chooses which agent gets a task. The scheduler calls it only with candidates that can take the
 * task now: capable, accepting work, with room in their credit.
 */
public interface LoadBalancingStrategy {
  /** The chosen agent; {@code candidates} is never empty. */
  AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates);

  /** The name used in configuration. */
  String name();
}
