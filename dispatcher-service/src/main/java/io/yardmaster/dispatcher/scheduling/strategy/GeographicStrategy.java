package io.yardmaster.dispatcher.scheduling.strategy;

import io.yardmaster.dispatcher.scheduling.AgentState;
import io.yardmaster.dispatcher.scheduling.Placement;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import java.util.Comparator;
import java.util.List;

/**
 * The nearest agent to the task's preferred region and zone: the same zone first, then the same
 * region in another zone, then a region of the same area ({@code eu-west} for {@code eu-central}),
 * then any; ties go to the least loaded. A task that requires its region never reaches agents
 * elsewhere: the scheduler offers only agents that meet the requirement.
 */
public final class GeographicStrategy implements LoadBalancingStrategy {
  public static final String NAME = "geographic";

  @Override
  public AgentState choose(ReadyQueue.Entry task, List<AgentState> candidates) {
    Placement wanted = task.placement();
    Comparator<AgentState> order =
        Comparator.comparingInt((AgentState a) -> distance(wanted, a))
            .thenComparing(LeastLoadedStrategy.ORDER);
    return candidates.stream().min(order).orElseThrow();
  }

  /** 0 same zone (or no preference), 1 same region, 2 same area, 3 elsewhere. */
  static int distance(Placement wanted, AgentState a) {
    if (wanted.region() == null) {
      return 0;
    }
    String region = a.heartbeat() == null ? null : a.heartbeat().region();
    if (wanted.region().equals(region)) {
      return wanted.zone() == null || wanted.zone().equals(a.heartbeat().zone()) ? 0 : 1;
    }
    return region != null && area(region).equals(area(wanted.region())) ? 2 : 3;
  }

  private static String area(String region) {
    int dash = region.indexOf('-');
    return dash < 0 ? region : region.substring(0, dash);
  }

  @Override
  public String name() {
    return NAME;
  }
}
