package io.yardmaster.worker.handler;

import java.util.Objects;
import java.util.Set;

/**
 * The agent's settings that handlers may need.
 *
 * @param commandAllowlist the programs the {@code command} handler may run (names looked up on the
 *     PATH, or absolute paths), matched exactly
 * @param httpAllowlist the hosts the {@code http} handler may call, matched exactly (ignoring case)
 * @param maxOutputBytes the most output a task may report; handlers capture no more than this
 */
public record HandlerSettings(
    Set<String> commandAllowlist, Set<String> httpAllowlist, int maxOutputBytes) {
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024;

  public HandlerSettings {
    Objects.requireNonNull(commandAllowlist, "commandAllowlist can't be null");
    Objects.requireNonNull(httpAllowlist, "httpAllowlist can't be null");
    commandAllowlist = Set.copyOf(commandAllowlist);
    httpAllowlist = Set.copyOf(httpAllowlist);
    if (maxOutputBytes < 0) {
      throw new IllegalArgumentException("maxOutputBytes must be >= 0");
    }
  }

  /** Nothing allowed, default output limit. */
  public static HandlerSettings defaults() {
    return new HandlerSettings(Set.of(), Set.of(), DEFAULT_MAX_OUTPUT_BYTES);
  }
}
