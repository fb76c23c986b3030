package io.yardmaster.dispatcher.web.view;

import io.yardmaster.model.PoolStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The last samples of each pool's throughput and queue, for the charts; a bounded ring. */
public final class HistoryRing {
  /** One pool's figures at one moment. */
  public record PoolSample(double throughputPerSec, long queued, long running) {}

  /** Every pool's figures at one moment, with their totals. */
  public record Sample(
      Instant at,
      double throughputPerSec,
      long queued,
      long running,
      Map<String, PoolSample> pools) {}

  private final int capacity;
  private final Deque<Sample> samples = new ArrayDeque<>();

  public HistoryRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  /** Takes a sample of these pool statuses. */
  public synchronized Sample sample(Instant at, List<PoolStatus> pools) {
    Map<String, PoolSample> byPool = new TreeMap<>();
    double throughput = 0;
    long queued = 0;
    long running = 0;
    for (PoolStatus p : pools) {
      byPool.put(p.pool(), new PoolSample(p.throughputPerSec(), p.queued(), p.running()));
      throughput += p.throughputPerSec();
      queued += p.queued();
      running += p.running();
    }
    Sample s = new Sample(at, throughput, queued, running, byPool);
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(s);
    return s;
  }

  /** The samples, oldest first. */
  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }
}
