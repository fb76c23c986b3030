package io.yardmaster.dispatcher.scheduling;

import io.yardmaster.dispatcher.testing.Heartbeats;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskSubmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * An overloaded pool with deadlines, in simulated time: Poisson arrivals of fixed-length tasks,
 * each with a relative deadline and some of higher business value. It runs the arrivals through a
 * real {@link PoolScheduler} and, for comparison, through ideal earliest-deadline-first and FIFO
 * servers with the same slots and service time.
 */
final class DeadlineWorkload {
  /** One arrival: when, its deadline, and whether it is of the higher business value. */
  record Arrival(String id, long atMs, long deadlineMs, boolean valuable) {}

  /** Deadline-miss rates, overall and among the valuable tasks. */
  record Misses(double overall, double valuable) {
    @Override
    public String toString() {
      return String.format("%5.1f %% overall, %5.1f %% valuable", overall * 100, valuable * 100);
    }
  }

  final List<Arrival> arrivals = new ArrayList<>();
  final int slots;
  final long serviceMs;

  /**
   * @param load offered load as a fraction of capacity (1.1 = 110 %)
   */
  DeadlineWorkload(
      long seed,
      long startMs,
      int slots,
      long serviceMs,
      double load,
      long durationMs,
      long minDeadlineMs,
      long maxDeadlineMs,
      double valuableShare) {
    this.slots = slots;
    this.serviceMs = serviceMs;
    SplittableRandom rnd = new SplittableRandom(seed);
    double ratePerMs = load * slots / serviceMs;
    double t = startMs;
    for (int i = 0; ; i++) {
      t += -Math.log(1 - rnd.nextDouble()) / ratePerMs;
      if (t >= startMs + durationMs) {
        break;
      }
      long at = (long) t;
      long deadline = at + minDeadlineMs + rnd.nextLong(maxDeadlineMs - minDeadlineMs + 1);
      arrivals.add(new Arrival("w" + i, at, deadline, rnd.nextDouble() < valuableShare));
    }
  }

  /** Runs the arrivals through a pool scheduler with these options; returns the finish times. */
  Map<String, Long> runScheduler(SchedulerOptions options) {
    Map<String, Long> finished = new HashMap<>();
    PriorityQueue<long[]> completions = new PriorityQueue<>(Comparator.comparingLong(c -> c[0]));
    List<Assignment> running = new ArrayList<>();
    long[] clock = {arrivals.get(0).atMs()};
    Outbox outbox =
        new AssignmentOutbox(
            a -> {
              running.add(a);
              completions.add(new long[] {clock[0] + serviceMs, running.size() - 1});
            });
    int[] leases = {0};
    PoolScheduler scheduler =
        new PoolScheduler(
            "main",
            options,
            TaskStore.inMemory(),
            outbox,
            new SplittableRandom(1),
            () -> "lease-" + leases[0]++);
    for (int i = 0; i < slots; i++) {
      scheduler.onHeartbeat(heartbeat("agent-" + i, clock[0]), clock[0]);
    }
    int next = 0;
    while (next < arrivals.size() || !completions.isEmpty()) {
      boolean arrivalFirst =
          next < arrivals.size()
              && (completions.isEmpty() || arrivals.get(next).atMs() < completions.peek()[0]);
      if (arrivalFirst) {
        Arrival a = arrivals.get(next++);
        clock[0] = a.atMs();
        scheduler.enqueue(task(a), Instant.ofEpochMilli(a.atMs()), clock[0]);
      } else {
        long[] c = completions.poll();
        clock[0] = c[0];
        Assignment a = running.get((int) c[1]);
        finished.put(a.taskId(), clock[0]);
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
                serviceMs,
                null,
                null),
            clock[0]);
      }
    }
    return finished;
  }

  /** An ideal non-preemptive server of {@link #slots} slots taking tasks in this order. */
  Map<String, Long> runIdeal(Comparator<Arrival> order) {
    Map<String, Long> finished = new HashMap<>();
    PriorityQueue<Arrival> queue = new PriorityQueue<>(order);
    PriorityQueue<Long> free = new PriorityQueue<>();
    for (int i = 0; i < slots; i++) {
      free.add(arrivals.get(0).atMs());
    }
    int next = 0;
    while (next < arrivals.size() || !queue.isEmpty()) {
      long slotFree = free.peek();
      while (next < arrivals.size() && arrivals.get(next).atMs() <= slotFree) {
        queue.add(arrivals.get(next++));
      }
      if (queue.isEmpty()) {
        // idle until the next arrival
        free.poll();
        free.add(arrivals.get(next).atMs());
        continue;
      }
      long start = free.poll();
      Arrival a = queue.poll();
      finished.put(a.id(), start + serviceMs);
      free.add(start + serviceMs);
    }
    return finished;
  }

  static final Comparator<Arrival> EDF =
      Comparator.comparingLong(Arrival::deadlineMs).thenComparing(Arrival::id);
  static final Comparator<Arrival> FIFO =
      Comparator.comparingLong(Arrival::atMs).thenComparing(Arrival::id);

  Misses misses(Map<String, Long> finished) {
    return misses(finished::get);
  }

  Misses misses(Function<String, Long> finishOf) {
    int missed = 0;
    int valuable = 0;
    int valuableMissed = 0;
    for (Arrival a : arrivals) {
      boolean miss = finishOf.apply(a.id()) > a.deadlineMs();
      missed += miss ? 1 : 0;
      if (a.valuable()) {
        valuable++;
        valuableMissed += miss ? 1 : 0;
      }
    }
    return new Misses(
        (double) missed / arrivals.size(), valuable == 0 ? 0 : (double) valuableMissed / valuable);
  }

  private static TaskSubmission task(Arrival a) {
    Priority p = Priority.DEFAULT.withDeadline(Instant.ofEpochMilli(a.deadlineMs()));
    return TaskSubmission.of(a.id(), "noop")
        .withPool("main")
        .withPriority(a.valuable() ? p.withBusinessValue(2) : p);
  }

  private static AgentHeartbeat heartbeat(String id, long nowMs) {
    return Heartbeats.of(
        id, "main", java.util.Set.of(), 1, 3_600_000, AgentHeartbeat.Status.ACTIVE, nowMs);
  }
}
