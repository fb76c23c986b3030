package io.yardmaster.dispatcher.scaling;

/** A fixed number of agents. */
public record StaticPolicy(int agents) implements ScalingPolicy {
  public StaticPolicy {
    if (agents < 0) {
      throw new IllegalArgumentException("agents must be >= 0");
    }
  }

  @Override
  public Proposal propose(PoolLoad load) {
    return new Proposal(agents, "static size " + agents);
  }

  @Override
  public String name() {
    return "static";
  }
}
