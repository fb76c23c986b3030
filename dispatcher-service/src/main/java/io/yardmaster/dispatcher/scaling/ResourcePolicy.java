package io.yardmaster.dispatcher.scaling;

/** Keeps the agents' mean CPU load near a target fraction (0 to 1). */
public record ResourcePolicy(double targetCpu) implements ScalingPolicy {
  public static final double DEFAULT_TARGET_CPU = 0.7;

  public ResourcePolicy {
    if (!(targetCpu > 0 && targetCpu <= 1)) {
      throw new IllegalArgumentException("targetCpu must be in (0, 1], was " + targetCpu);
    }
  }

  @Override
  public Proposal propose(PoolLoad load) {
    if (load.agents() == 0) {
      return new Proposal(load.demand() > 0 ? 1 : 0, "no agents to measure");
    }
    double agents = load.agents() * load.meanCpu() / targetCpu;
    return new Proposal(
        agents, String.format("mean CPU %.2f vs target %.2f", load.meanCpu(), targetCpu));
  }

  @Override
  public String name() {
    return "cpu";
  }
}
