package io.yardmaster.dispatcher.scheduling;

/**
 * Sizes how many tasks an agent may hold beyond its slots, by Little's law: the tasks it finishes
 * during one dispatch round trip ({@code slots / mean run time × round trip}), so its slots never
 * idle while the next assignment travels, capped by configuration (0 = strictly its slots) and by
 * how many assignments the agent says it queues. Until both figures are measured the window is one
 * task.
 */
public final class WorkAhead {
  /**
   * The shortest run time counted: a no-op reports 0 ms, yet the agent still spends time on each
   * task (decoding it, reporting it), which bounds its rate.
   */
  static final double MIN_RUN_MS = 0.1;

  private final int cap;

  public WorkAhead(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("work-ahead cap must be >= 0");
    }
    this.cap = cap;
  }

  public int window(AgentState agent) {
    if (cap == 0) {
      return 0;
    }
    double rtt = agent.roundTripMs();
    double duration = agent.durationMs();
    if (Double.isNaN(rtt) || Double.isNaN(duration)) {
      return 1;
    }
    double perSecond = agent.slots() / Math.max(duration, MIN_RUN_MS);
    int limit = cap;
    if (agent.heartbeat() != null && agent.heartbeat().maxQueued() != null) {
      limit = Math.min(limit, agent.heartbeat().maxQueued()); // more would be handed back
    }
    return (int) Math.min(limit, Math.ceil(perSecond * rtt));
  }

  /** How many more tasks the agent may be sent now. */
  public int room(AgentState agent) {
    if (!agent.acceptsWork()) {
      return 0;
    }
    return Math.max(0, agent.slots() + window(agent) - agent.inFlight());
  }
}
