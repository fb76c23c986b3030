package io.yardmaster.benchmarks.system;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * A discrete-event simulation of a pool of identical servers with no overhead, to tell how an ideal
 * earliest-deadline-first scheduler and a first-in-first-out one would have done on the very
 * arrivals of a benchmark run. Non-preemptive: a server, once free, takes the next task by the
 * policy; a task misses when it finishes after its deadline.
 */
public final class DeadlineSim {
  /** How the next task is chosen when a server frees up. */
  public enum Policy {
    EDF,
    FIFO
  }

  /**
   * One arrival.
   *
   * @param arrivalMs when it is submitted, from the start of the run
   * @param deadlineMs its absolute deadline, on the same scale
   * @param valuable whether it is one of the high business value tasks
   */
  public record Arrival(double arrivalMs, double deadlineMs, boolean valuable) {}

  /** Miss rates, as fractions of all tasks and of the valuable ones. */
  public record Misses(int tasks, int missed, int valuable, int valuableMissed) {
    public double rate() {
      return tasks == 0 ? 0 : (double) missed / tasks;
    }

    public double valuableRate() {
      return valuable == 0 ? 0 : (double) valuableMissed / valuable;
    }
  }

  private DeadlineSim() {}

  /**
   * Runs the arrivals (in arrival order) through {@code servers} servers that each take {@code
   * serviceMs} per task.
   */
  public static Misses run(List<Arrival> arrivals, int servers, double serviceMs, Policy policy) {
    Objects.requireNonNull(arrivals, "arrivals can't be null");
    if (servers < 1 || !(serviceMs > 0)) {
      throw new IllegalArgumentException("servers must be >= 1 and serviceMs > 0");
    }
    Queue<Arrival> waiting =
        policy == Policy.EDF
            ? new PriorityQueue<>(
                Comparator.comparingDouble(Arrival::deadlineMs)
                    .thenComparingDouble(Arrival::arrivalMs))
            : new ArrayDeque<>();
    // when each server is next free
    PriorityQueue<Double> free = new PriorityQueue<>();
    for (int i = 0; i < servers; i++) {
      free.add(0.0);
    }
    int next = 0;
    int missed = 0;
    int valuable = 0;
    int valuableMissed = 0;
    int n = arrivals.size();
    while (next < n || !waiting.isEmpty()) {
      double serverFree = free.peek();
      // everything that arrived by the time the server frees up competes for it; an idle server
      // takes the next arrival as soon as it comes
      if (waiting.isEmpty() && next < n && arrivals.get(next).arrivalMs() > serverFree) {
        serverFree = arrivals.get(next).arrivalMs();
      }
      while (next < n && arrivals.get(next).arrivalMs() <= serverFree) {
        waiting.add(arrivals.get(next++));
      }
      Arrival task = waiting.poll();
      free.poll();
      double finish = serverFree + serviceMs;
      free.add(finish);
      boolean late = finish > task.deadlineMs();
      if (late) {
        missed++;
      }
      if (task.valuable()) {
        valuable++;
        if (late) {
          valuableMissed++;
        }
      }
    }
    return new Misses(n, missed, valuable, valuableMissed);
  }
}
