package io.yardmaster.benchmarks;

import io.yardmaster.dispatcher.scheduling.PriorityScorer;
import io.yardmaster.dispatcher.scheduling.ReadyQueue;
import io.yardmaster.dispatcher.scheduling.ScoringOptions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ready queue alone at a constant size: a task arrives, the best task any agent can serve is
 * looked up, and it leaves the queue.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class ReadyQueueBenchmark {
  private static final long START = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

  @Param({"1000", "100000", "1000000"})
  public int queued;

  private ReadyQueue queue;
  private TaskMix mix;
  private long seq;
  private final long now = START;

  @Setup(Level.Trial)
  public void fill() {
    mix = new TaskMix(42, START);
    queue = new ReadyQueue(new PriorityScorer(ScoringOptions.DEFAULTS));
    for (int i = 0; i < queued; i++) {
      add();
    }
    // A real backlog is old: let it settle in the old generation now rather than be copied by the
    // first collection of a measured iteration.
    System.gc();
  }

  private void add() {
    long s = seq++;
    int v = mix.variant();
    queue.add("t" + s, mix.requirement(v), mix.priority(v), now, s, now);
  }

  /** Add one, find the best, remove it. */
  @Benchmark
  public ReadyQueue.Entry addBestRemove() {
    add();
    ReadyQueue.Entry best = queue.best(requirement -> true).orElseThrow();
    queue.remove(best.taskId());
    return best;
  }
}
