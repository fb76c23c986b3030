package io.yardmaster.model.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TopicProvisioner#ensure} found and did: the topics it created, those that already
 * existed (whether or not they match), and every way an existing topic differs from the settings.
 */
public record ProvisioningReport(
    List<String> created, List<String> existing, List<Difference> differences) {

  /** One setting of an existing topic that is not what the contract wants. */
  public record Difference(String topic, String setting, String wanted, String actual) {
    public static final String PARTITIONS = "partitions";
    public static final String REPLICATION_FACTOR = "replication factor";
    public static final String CLEANUP_POLICY = "cleanup.policy";

    public Difference {
      Objects.requireNonNull(topic, "topic can't be null");
      Objects.requireNonNull(setting, "setting can't be null");
    }

    @Override
    public String toString() {
      return topic + ": " + setting + " is " + actual + ", wanted " + wanted;
    }
  }

  public ProvisioningReport {
    created = List.copyOf(Objects.requireNonNull(created, "created can't be null"));
    existing = List.copyOf(Objects.requireNonNull(existing, "existing can't be null"));
    differences = List.copyOf(Objects.requireNonNull(differences, "differences can't be null"));
  }

  /** Whether every topic now exists as wanted. */
  public boolean isConsistent() {
    return differences.isEmpty();
  }

  /** The names of the existing topics that differ from the settings. */
  public List<String> differing() {
    return differences.stream().map(Difference::topic).distinct().toList();
  }

  /** Human-readable lines, one per created topic, existing topic and difference. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    created.forEach(t -> lines.add("created  " + t));
    existing.forEach(t -> lines.add("exists   " + t));
    differences.forEach(d -> lines.add("DIFFERS  " + d));
    return lines;
  }
}
