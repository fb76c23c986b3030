package io.yardmaster.dispatcher.config;

import io.yardmaster.model.config.InvalidSettingException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads a pool from the command line: {@code name[:capability,capability][:strategy]}. */
public final class PoolSpecParser {
  private PoolSpecParser() {}

  public static PoolConfig parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length > 3 || parts[0].isBlank()) {
      throw new InvalidSettingException(
          "--pool",
          "'"
              + spec
              + "' must look like name[:capability,capability][:strategy], e.g. gpu:cuda,ml:least-loaded");
    }
    Set<String> caps = new LinkedHashSet<>();
    if (parts.length > 1 && !parts[1].isBlank()) {
      Arrays.stream(parts[1].split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .forEach(caps::add);
    }
    String strategy = parts.length > 2 && !parts[2].isBlank() ? parts[2].trim() : null;
    try {
      return new PoolConfig(parts[0].trim(), caps, strategy, null, null);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("--pool", e.getMessage());
    }
  }
}
