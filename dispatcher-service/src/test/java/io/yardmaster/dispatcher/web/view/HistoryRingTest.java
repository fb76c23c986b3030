package io.yardmaster.dispatcher.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.PoolStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRingTest {
  private static PoolStatus status(String pool, long queued, double throughput) {
    return new PoolStatus(
        pool, 1, 1, 4, 4, queued, 2, 0, 0, 0, 0, 0, throughput, 0, 0, 1, false, Instant.EPOCH);
  }

  @Test
  void shouldSumThePoolsAndDropTheOldestSampleWhenFull() {
    // GIVEN a ring of two samples
    HistoryRing ring = new HistoryRing(2);
    // WHEN three samples of two pools are taken
    for (int i = 0; i < 3; i++) {
      ring.sample(Instant.ofEpochSecond(i), List.of(status("a", i, 1.5), status("b", 10, 2.0)));
    }
    // THEN the last two remain, with totals and per-pool figures
    List<HistoryRing.Sample> samples = ring.samples();
    assertThat(samples)
        .extracting(HistoryRing.Sample::at)
        .containsExactly(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2));
    assertThat(samples.get(1).queued()).isEqualTo(12);
    assertThat(samples.get(1).running()).isEqualTo(4);
    assertThat(samples.get(1).throughputPerSec()).isEqualTo(3.5);
    assertThat(samples.get(1).pools().get("a").queued()).isEqualTo(2);
  }
}
