package io.yardmaster.dispatcher.scheduling;

/**
 * Sizes how many tasks an agent may hold beyond its slots, by Little's law: the tasks it finishes
 * during one dispatch round trip ({@code slots / mean run time × round trip}), so its slots never
 * idle while the next assignment travels, capped by configuration (0 = strictly its slots). Until
 * both figures are measured the window is one task.
 */
public final class WorkAhead {
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
    double perSecond = agent.slots() / Math.max(duration, 1.0);
    return (int) Math.min(cap, Math.ceil(perSecond * rtt));
  }

  /** How many more tasks the agent may be sent now. */
  public int room(AgentState agent) {
    if (!agent.acceptsWork()) {
      return 0;
    }
    return Math.max(0, agent.slots() + window(agent) - agent.inFlight());
  }
}
