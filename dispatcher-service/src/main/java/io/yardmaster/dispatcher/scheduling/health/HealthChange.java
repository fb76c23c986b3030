package io.yardmaster.dispatcher.scheduling.health;

import java.util.Objects;

/** One move of an agent's health, with the reason an operator reads in the AGENT_HEALTH event. */
public record HealthChange(AgentHealth from, AgentHealth to, String reason) {
  public HealthChange {
    Objects.requireNonNull(from, "from can't be null");
    Objects.requireNonNull(to, "to can't be null");
    Objects.requireNonNull(reason, "reason can't be null");
  }

  /** The event text, e.g. {@code DEGRADED: error rate 0.40 over last 20 results > 0.25}. */
  public String describe() {
    return to + ": " + reason;
  }
}
