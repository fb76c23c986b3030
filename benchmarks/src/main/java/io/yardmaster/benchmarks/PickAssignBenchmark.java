package io.yardmaster.benchmarks;

import io.yardmaster.dispatcher.scheduling.Outbox;
import io.yardmaster.dispatcher.scheduling.PoolScheduler;
import io.yardmaster.dispatcher.scheduling.SchedulerOptions;
import io.yardmaster.dispatcher.scheduling.TaskStore;
import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
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
 * One dispatch cycle of a pool's scheduler with a large backlog: the only agent (one slot, no
 * work-ahead) reports its task done, the scheduler picks the best of the whole backlog and assigns
 * it, and a new task arrives so the backlog keeps its size. Everything the scheduler emits goes to
 * an outbox that keeps only the last assignment, so the figure is the core's own cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class PickAssignBenchmark {
  private static final String POOL = "bench";
  private static final String AGENT = "agent-1";
  private static final long START = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

  @Param({"1000", "100000", "1000000"})
  public int queued;

  private PoolScheduler scheduler;
  private TaskMix mix;
  private Assignment running;
  private long leases;
  private int submitted;
  private final long now = START;

  @Setup(Level.Trial)
  public void fillBacklog() {
    mix = new TaskMix(42, START);
    scheduler =
        new PoolScheduler(
            POOL,
            SchedulerOptions.DEFAULTS.withWorkAheadCap(0),
            TaskStore.inMemory(),
            new LastAssignment(),
            new SplittableRandom(7),
            () -> "lease-" + leases++);
    for (int i = 0; i <= queued; i++) {
      scheduler.enqueue(mix.task("t" + submitted++), null, now);
    }
    scheduler.onHeartbeat(
        new AgentHeartbeat(
            AGENT,
            POOL,
            TaskMix.ALL_CAPABILITIES,
            1,
            1,
            List.of(),
            null,
            null,
            "bench",
            1.0,
            AgentCounters.ZERO,
            HostLoad.UNKNOWN,
            1_000,
            AgentHeartbeat.Status.ACTIVE,
            Instant.ofEpochMilli(now)),
        now);
    if (running == null || scheduler.ready().size() != queued) {
      throw new IllegalStateException("the agent should hold one task with the rest queued");
    }
    // A real backlog is old: let it settle in the old generation now rather than be copied by the
    // first collection of a measured iteration.
    System.gc();
  }

  /** Done → pick and assign the best of the backlog → a new task arrives. */
  @Benchmark
  public Assignment pickAssignComplete() {
    Assignment done = running;
    scheduler.onResult(
        new TaskResult(
            done.taskId(),
            POOL,
            AGENT,
            done.attempt(),
            done.leaseId(),
            TaskResult.Status.SUCCEEDED,
            null,
            null,
            0,
            5,
            null,
            null),
        now);
    scheduler.enqueue(mix.task("t" + submitted++), null, now);
    return running;
  }

  /** Keeps the last assignment and drops the rest. */
  private final class LastAssignment implements Outbox {
    @Override
    public void assignment(Assignment assignment) {
      running = assignment;
    }

    @Override
    public void event(TaskEvent event) {}

    @Override
    public void view(TaskView view) {}

    @Override
    public void deadLetter(DeadLetter deadLetter) {}

    @Override
    public void poolStatus(PoolStatus status) {}
  }
}
