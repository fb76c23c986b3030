package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.TaskSubmission;
import java.util.Objects;
import java.util.Set;

/**
 * What an agent must offer to run a task: its capabilities, and a region when the task requires
 * one. Tasks with the same requirement share one ordered queue, so a task no free agent can serve
 * never blocks the ones behind it.
 */
public record Requirement(Set<String> capabilities, String requiredRegion) {
  public static final Requirement NONE = new Requirement(Set.of(), null);

  public Requirement {
    capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities can't be null"));
  }

  public static Requirement of(TaskSubmission task) {
    Set<String> caps = task.requiredCapabilities();
    String region = task.regionRequired() ? task.region() : null;
    if (caps.isEmpty() && region == null) {
      return NONE;
    }
    return new Requirement(caps, region);
  }

  /** Whether an agent with these capabilities in this region can serve the requirement. */
  public boolean isMetBy(Set<String> agentCapabilities, String agentRegion) {
    return agentCapabilities.containsAll(capabilities)
        && (requiredRegion == null || requiredRegion.equals(agentRegion));
  }
}
