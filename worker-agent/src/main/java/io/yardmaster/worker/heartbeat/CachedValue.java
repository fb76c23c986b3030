package io.yardmaster.worker.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/** A value that is expensive to compute, recomputed at most once per {@code ttl}. Thread-safe. */
public final class CachedValue<T> implements Supplier<T> {
  private final Supplier<T> source;
  private final Duration ttl;
  private final Clock clock;
  private T value;
  private Instant computedAt;

  public CachedValue(Supplier<T> source, Duration ttl, Clock clock) {
    this.source = Objects.requireNonNull(source, "source can't be null");
    this.ttl = Objects.requireNonNull(ttl, "ttl can't be null");
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
  }

  @Override
  public synchronized T get() {
    Instant now = clock.instant();
    if (computedAt == null || !now.isBefore(computedAt.plus(ttl))) {
      value = source.get();
      computedAt = now;
    }
    return value;
  }
}
