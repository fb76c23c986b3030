package io.yardmaster.worker.assignment;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link AssignmentPoller} loop polls, commits and backs off.
 *
 * @param pollTimeout the longest one poll waits for records
 * @param commitInterval the least time between two commits of the position (a drain commits at
 *     once); after a crash, finished work of at most this long may come back
 * @param minBackoff the first wait after a failure
 * @param maxBackoff the longest wait after repeated failures
 */
public record PollerSettings(
    Duration pollTimeout, Duration commitInterval, Duration minBackoff, Duration maxBackoff) {
  public static final PollerSettings DEFAULT =
      new PollerSettings(
          Duration.ofMillis(200),
          Duration.ofMillis(500),
          Duration.ofMillis(100),
          Duration.ofSeconds(10));

  public PollerSettings {
    Objects.requireNonNull(pollTimeout, "pollTimeout can't be null");
    Objects.requireNonNull(commitInterval, "commitInterval can't be null");
    Objects.requireNonNull(minBackoff, "minBackoff can't be null");
    Objects.requireNonNull(maxBackoff, "maxBackoff can't be null");
  }
}
