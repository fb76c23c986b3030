package io.yardmaster.worker.execution;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskResult;
import io.yardmaster.worker.assignment.AssignmentSink;
import io.yardmaster.worker.lifecycle.Shutdownable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's slots: runs at most {@code slots} tasks at once on a fixed pool of threads. RUN
 * assignments beyond the free slots (the dispatcher's bounded work-ahead) wait in a local FIFO, in
 * the order received, up to {@code maxQueued}; more than that are handed back (RELEASED) at once. A
 * slot that finishes a task takes the next queued one on the same thread.
 *
 * <p>Every held task ends with exactly one final result; {@code whenReported} runs once the broker
 * has acknowledged it, which is what lets the poller commit past the assignment.
 */
public final class TaskExecutor implements AssignmentSink, Shutdownable {
  static final Duration HARD_STOP_GRACE = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

  private final int slots;
  private final int maxQueued;
  private final TaskRunner runner;
  private final Clock clock;
  private final ExecutorService threads;
  private final Object lock = new Object();
  private final Deque<TaskRun> queue = new ArrayDeque<>();
  private final Map<String, TaskRun> held = new LinkedHashMap<>();
  private int busy;
  private boolean accepting = true;

  public TaskExecutor(int slots, int maxQueued, TaskRunner runner, Clock clock) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1");
    }
    this.slots = slots;
    this.maxQueued = Math.max(0, maxQueued);
    this.runner = Objects.requireNonNull(runner, "runner can't be null");
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(slots, r -> new Thread(r, "yard-slot-" + n.incrementAndGet()));
  }

  /**
   * Takes a RUN assignment: starts it in a free slot, queues it, or (when draining or the queue is
   * full) hands it back. A repeat of a lease already held is ignored.
   *
   * @param whenReported runs once the assignment's final result is acknowledged
   */
  @Override
  public void submit(Assignment assignment, Runnable whenReported) {
    TaskRun run = new TaskRun(assignment, clock.instant(), whenReported);
    boolean release = false;
    synchronized (lock) {
      if (held.containsKey(run.leaseId())) {
        LOG.info(
            "Ignoring a repeated assignment of {} (lease {})", assignment.taskId(), run.leaseId());
        whenReported.run();
        return;
      }
      if (!accepting || (busy >= slots && queue.size() >= maxQueued)) {
        release = true;
      } else {
        held.put(run.leaseId(), run);
        if (busy < slots) {
          busy++;
          threads.execute(() -> slotLoop(run));
        } else {
          queue.addLast(run);
        }
      }
    }
    if (release) {
      runner.reportUnstarted(run, TaskResult.Status.RELEASED);
    }
  }

  /** An attempt an earlier run of this agent was sent, reported as lost with that run. */
  public static final String AGENT_RESTARTED = "agent-restarted";

  @Override
  public void handBack(Assignment assignment, Runnable whenReported) {
    LOG.info(
        "Not running {} (attempt {}, lease {}): it was sent to this agent before it restarted",
        assignment.taskId(),
        assignment.attempt(),
        assignment.leaseId());
    runner.reportNotRun(
        new TaskRun(assignment, clock.instant(), whenReported),
        new TaskError(
            AGENT_RESTARTED,
            "the agent restarted after it was sent this attempt; it may have run in part",
            true));
  }

  /**
   * Stops the task a CANCEL assignment names (same task id and lease id): a queued one is dropped
   * and reported CANCELLED at once; a running one is signalled and reported when it stops.
   *
   * @return false when this agent holds no such task
   */
  @Override
  public boolean cancel(Assignment cancel) {
    TaskRun run;
    boolean wasQueued;
    synchronized (lock) {
      run = held.get(cancel.leaseId());
      if (run == null || !run.assignment().taskId().equals(cancel.taskId())) {
        return false;
      }
      wasQueued = queue.remove(run);
      if (wasQueued) {
        held.remove(run.leaseId());
      }
    }
    if (wasQueued) {
      runner.reportUnstarted(run, TaskResult.Status.CANCELLED);
    } else {
      run.stop(StopReason.CANCELLED);
    }
    return true;
  }

  public ExecutorSnapshot snapshot() {
    synchronized (lock) {
      return new ExecutorSnapshot(
          slots, busy, queue.size(), held.values().stream().map(TaskRun::asRunningTask).toList());
    }
  }

  public int slots() {
    return slots;
  }

  public int busy() {
    synchronized (lock) {
      return busy;
    }
  }

  public int queued() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /**
   * Drains: takes no more work, hands back (RELEASED) every queued task, and waits up to {@code
   * timeout} for the running ones; past that, stops them as {@link #shutdownNow()} does.
   */
  @Override
  public boolean shutdown(Duration timeout) throws InterruptedException {
    stopAccepting().forEach(run -> runner.reportUnstarted(run, TaskResult.Status.RELEASED));
    boolean finished = threads.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (!finished) {
      LOG.warn("Tasks still running after the drain timeout of {}; stopping them", timeout);
      shutdownNow();
      threads.awaitTermination(HARD_STOP_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    }
    runner.close();
    return finished;
  }

  /** Stops at once: queued tasks are RELEASED, running ones interrupted (reported FAILED). */
  @Override
  public void shutdownNow() {
    stopAccepting().forEach(run -> runner.reportUnstarted(run, TaskResult.Status.RELEASED));
    List<TaskRun> running;
    synchronized (lock) {
      running = new ArrayList<>(held.values());
    }
    running.forEach(run -> run.stop(StopReason.AGENT_STOPPING));
  }

  private List<TaskRun> stopAccepting() {
    synchronized (lock) {
      accepting = false;
      List<TaskRun> queued = new ArrayList<>(queue);
      queue.clear();
      queued.forEach(run -> held.remove(run.leaseId()));
      threads.shutdown();
      return queued;
    }
  }

  private void slotLoop(TaskRun first) {
    TaskRun run = first;
    while (run != null) {
      try {
        runner.run(run);
      } catch (RuntimeException e) {
        LOG.error("Slot failed while running {}", run.assignment().taskId(), e);
      }
      synchronized (lock) {
        held.remove(run.leaseId());
        run = queue.pollFirst();
        if (run == null) {
          busy--;
        }
      }
    }
  }
}
