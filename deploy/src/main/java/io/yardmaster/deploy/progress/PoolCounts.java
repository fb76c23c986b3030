package io.yardmaster.deploy.progress;

import java.util.Objects;

/** One pool's tasks by progress bucket. */
public record PoolCounts(String pool, int queued, int running, int done, int failed) {
  public PoolCounts {
    Objects.requireNonNull(pool, "pool can't be null");
  }

  public int total() {
    return queued + running + done + failed;
  }

  /** Tasks that have ended, one way or the other. */
  public int finished() {
    return done + failed;
  }
}
