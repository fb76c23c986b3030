package io.yardmaster.deploy.local;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.model.topic.Topics;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One pool of the local run: its name, how many agent processes to start, the slots of each, the
 * capabilities they offer and the dispatcher's load-balancing strategy for it (null: default).
 */
public record PoolPlan(
    String name, int agents, int slots, Set<String> capabilities, String strategy) {
  public static final int MAX_AGENTS = 50;
  public static final int MAX_SLOTS = 256;
  static final String FORMAT = "name:agents:slots[:capability,capability[:strategy]]";

  public PoolPlan {
    Objects.requireNonNull(name, "name can't be null");
    try {
      Topics.checkPoolName(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    if (agents < 1 || agents > MAX_AGENTS) {
      throw new BadInputException(
          "pool " + name + ": agents must be 1-" + MAX_AGENTS + ", was " + agents);
    }
    if (slots < 1 || slots > MAX_SLOTS) {
      throw new BadInputException(
          "pool " + name + ": slots must be 1-" + MAX_SLOTS + ", was " + slots);
    }
    capabilities =
        capabilities == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(capabilities));
    strategy = strategy == null || strategy.isBlank() ? null : strategy.trim();
  }

  /** Reads {@code name:agents:slots[:capability,capability[:strategy]]}. */
  public static PoolPlan parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length < 3 || parts.length > 5) {
      throw new BadInputException(
          "--pool '" + spec + "' must look like " + FORMAT + ", e.g. gpu:2:4:cuda,ml:least-loaded");
    }
    Set<String> caps = new LinkedHashSet<>();
    if (parts.length > 3) {
      Arrays.stream(parts[3].split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .forEach(caps::add);
    }
    return new PoolPlan(
        parts[0].trim(),
        number(spec, "agents", parts[1]),
        number(spec, "slots", parts[2]),
        caps,
        parts.length > 4 ? parts[4] : null);
  }

  private static int number(String spec, String what, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadInputException(
          "--pool '"
              + spec
              + "': "
              + what
              + " must be a whole number, was '"
              + text
              + "' ("
              + FORMAT
              + ")");
    }
  }

  /** The pool as the dispatcher's {@code --pool} option takes it. */
  public String dispatcherSpec() {
    String caps = String.join(",", capabilities);
    if (strategy != null) {
      return name + ":" + caps + ":" + strategy;
    }
    return caps.isEmpty() ? name : name + ":" + caps;
  }

  /** Total slots of the pool. */
  public int totalSlots() {
    return agents * slots;
  }
}
