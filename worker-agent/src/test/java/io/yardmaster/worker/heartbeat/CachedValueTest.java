package io.yardmaster.worker.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.worker.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedValueTest {

  @Test
  void shouldSampleOnceWhenAskedTwiceWithinTtl() {
    // GIVEN a value cached for one second
    MutableClock clock = MutableClock.atEpoch();
    AtomicInteger samples = new AtomicInteger();
    CachedValue<Integer> cached =
        new CachedValue<>(samples::incrementAndGet, Duration.ofSeconds(1), clock);
    // WHEN asked twice within the second THEN it is sampled once
    assertThat(cached.get()).isEqualTo(1);
    clock.tick(Duration.ofMillis(999));
    assertThat(cached.get()).isEqualTo(1);
    // WHEN the second has passed THEN it is sampled again
    clock.tick(Duration.ofMillis(1));
    assertThat(cached.get()).isEqualTo(2);
  }
}
