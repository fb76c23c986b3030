package io.yardmaster.dispatcher.scaling;

import java.util.List;

/** The largest proposal of several policies, with its reason. */
public record HybridPolicy(List<ScalingPolicy> policies) implements ScalingPolicy {
  public HybridPolicy {
    policies = List.copyOf(policies);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("a hybrid policy needs at least one policy");
    }
  }

  @Override
  public Proposal propose(PoolLoad load) {
    Proposal best = null;
    String bestName = null;
    for (ScalingPolicy p : policies) {
      Proposal proposal = p.propose(load);
      if (best == null || proposal.agents() > best.agents()) {
        best = proposal;
        bestName = p.name();
      }
    }
    return new Proposal(best.agents(), bestName + ": " + best.reason());
  }

  @Override
  public String name() {
    return "hybrid";
  }
}
