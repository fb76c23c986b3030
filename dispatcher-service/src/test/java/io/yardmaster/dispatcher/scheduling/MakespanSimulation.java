package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A burst of tasks of mixed lengths on agents of different speeds, on a simulated clock: the
 * scheduler core is driven only through enqueue, heartbeats, results and ticks, and agents run what
 * they are sent at their own speed. Measures the makespan (time to finish everything).
 */
final class MakespanSimulation {
  static final long START = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();
  static final long HEARTBEAT_MS = 1000;

  /** Relative speeds of the eight agents: a task of work w takes w / speed. */
  static final double[] SPEEDS = {0.5, 0.75, 1, 1, 1.5, 2, 3, 4};

  static final int SLOTS = 2;

  /** The tasks: work (ms at speed 1) and the submitter's estimate of it (±20%). */
  record Workload(long[] work, long[] estimate) {
    static Workload generate(int tasks, long seed) {
      SplittableRandom rnd = new SplittableRandom(seed);
      long[] work = new long[tasks];
      long[] estimate = new long[tasks];
      for (int i = 0; i < tasks; i++) {
        double p = rnd.nextDouble();
        work[i] =
            p < 0.70
                ? 100 + rnd.nextInt(900)
                : p < 0.95 ? 1_000 + rnd.nextInt(4_000) : 10_000 + rnd.nextInt(50_000);
        estimate[i] = Math.round(work[i] * (0.8 + 0.4 * rnd.nextDouble()));
      }
      return new Workload(work, estimate);
    }

    long total() {
      return Arrays.stream(work).sum();
    }
  }

  private record Event(long atMs, long seq, int agent, Assignment run) {}

  private final Workload load;
  private final PoolScheduler scheduler;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparingLong(Event::atMs).thenComparingLong(Event::seq));
  private final Map<String, Integer> taskIndex = new HashMap<>();
  private final Map<String, Integer> agentIndex = new HashMap<>();
  private final int[] busy = new int[SPEEDS.length];
  private final int[] ran = new int[SPEEDS.length];
  private long now = START;
  private long seq;
  private int done;

  MakespanSimulation(Workload load, String strategy) {
    this.load = load;
    long[] leases = {0};
    this.scheduler =
        new PoolScheduler(
            "main",
            SchedulerOptions.DEFAULTS.withStrategy(strategy).withWorkAheadCap(0),
            TaskStore.inMemory(),
            new AssignmentOutbox(this::assignment),
            new SplittableRandom(1),
            () -> "L" + ++leases[0]);
    for (int i = 0; i < SPEEDS.length; i++) {
      agentIndex.put(agentId(i), i);
    }
  }

  static String agentId(int i) {
    return "agent-" + i + "-x" + SPEEDS[i];
  }

  /** Runs every task to the end and returns the makespan in ms. */
  long run() {
    heartbeats();
    for (int i = 0; i < load.work().length; i++) {
      String id = "t" + i;
      taskIndex.put(id, i);
      scheduler.enqueue(
          TaskSubmission.of(id, "work")
              .withEstimatedDuration(Duration.ofMillis(load.estimate()[i])),
          null,
          now);
    }
    long nextBeat = now + HEARTBEAT_MS;
    while (done < load.work().length) {
      Event e = events.peek();
      if (e == null || e.atMs() > nextBeat) {
        now = nextBeat;
        nextBeat += HEARTBEAT_MS;
        heartbeats();
        scheduler.tick(now);
        continue;
      }
      events.poll();
      now = e.atMs();
      busy[e.agent()]--;
      done++;
      Assignment a = e.run();
      long took = runtime(e.agent(), a.taskId());
      scheduler.onResult(
          new TaskResult(
              a.taskId(),
              "main",
              a.agentId(),
              a.attempt(),
              a.leaseId(),
              TaskResult.Status.SUCCEEDED,
              null,
              null,
              0,
              took,
              null,
              null),
          now);
    }
    return now - START;
  }

  /** Tasks each agent ran. */
  int[] ran() {
    return ran.clone();
  }

  private long runtime(int agent, String taskId) {
    return Math.max(1, Math.round(load.work()[taskIndex.get(taskId)] / SPEEDS[agent]));
  }

  private void heartbeats() {
    for (int i = 0; i < SPEEDS.length; i++) {
      scheduler.onHeartbeat(
          new AgentHeartbeat(
              agentId(i),
              "main",
              Set.of(),
              SLOTS,
              SLOTS - busy[i],
              List.of(),
              null,
              null,
              "sim",
              SPEEDS[i],
              AgentCounters.ZERO,
              new HostLoad((double) busy[i] / SLOTS, 0.3, 0),
              HEARTBEAT_MS,
              AgentHeartbeat.Status.ACTIVE,
              Instant.ofEpochMilli(now)),
          now);
    }
  }

  private void assignment(Assignment a) {
    int agent = agentIndex.get(a.agentId());
    if (++busy[agent] > SLOTS) {
      throw new IllegalStateException(a.agentId() + " was sent more than its slots");
    }
    ran[agent]++;
    events.add(new Event(now + runtime(agent, a.taskId()), seq++, agent, a));
  }

  /**
   * The makespan of the longest-processing-time-first schedule on these agents' slots: each task,
   * longest first, goes to the slot where it would finish earliest. The yardstick for the
   * strategies (an offline schedule that knows every task's true length in advance).
   */
  static long lptMakespan(Workload load) {
    long[] sorted = load.work().clone();
    Arrays.sort(sorted);
    double[] freeAt = new double[SPEEDS.length * SLOTS];
    for (int t = sorted.length - 1; t >= 0; t--) {
      int best = 0;
      double bestEnd = Double.MAX_VALUE;
      for (int m = 0; m < freeAt.length; m++) {
        double end = freeAt[m] + sorted[t] / SPEEDS[m / SLOTS];
        if (end < bestEnd) {
          bestEnd = end;
          best = m;
        }
      }
      freeAt[best] = bestEnd;
    }
    return Math.round(Arrays.stream(freeAt).max().orElse(0));
  }

  /** No schedule can beat all work spread perfectly over all slots. */
  static long lowerBound(Workload load) {
    return Math.round(load.total() / (Arrays.stream(SPEEDS).sum() * SLOTS));
  }
}
