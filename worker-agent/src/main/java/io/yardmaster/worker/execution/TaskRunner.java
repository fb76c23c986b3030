package io.yardmaster.worker.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskResult;
import io.yardmaster.worker.handler.HandlerRegistry;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskHandler;
import io.yardmaster.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on the calling slot thread and reports it: STARTED, then the final result (with
 * attempt and lease id copied from the assignment), the metrics and the execution log. STARTED is
 * sent once the task has run for the started-report delay, so a task that ends sooner reports only
 * its result (which carries its start time). Also reports tasks that never ran (RELEASED, or
 * CANCELLED while queued). Enforces the task's timeout.
 */
public final class TaskRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final String agentId;
  private final int slots;
  private final int maxOutputBytes;
  private final HandlerRegistry handlers;
  private final ResultPublisher results;
  private final WorkerMetrics metrics;
  private final ExecutionLog executionLog;
  private final Clock clock;
  private final Duration startedReportDelay;
  private final AtomicInteger running = new AtomicInteger();
  private final ScheduledExecutorService timeouts =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "yard-task-timeouts");
            t.setDaemon(true);
            return t;
          });

  public TaskRunner(
      String agentId,
      int slots,
      int maxOutputBytes,
      HandlerRegistry handlers,
      ResultPublisher results,
      WorkerMetrics metrics,
      ExecutionLog executionLog,
      Clock clock,
      Duration startedReportDelay) {
    this.agentId = Objects.requireNonNull(agentId, "agentId can't be null");
    this.slots = slots;
    this.maxOutputBytes = maxOutputBytes;
    this.handlers = Objects.requireNonNull(handlers, "handlers can't be null");
    this.results = Objects.requireNonNull(results, "results can't be null");
    this.metrics = Objects.requireNonNull(metrics, "metrics can't be null");
    this.executionLog = Objects.requireNonNull(executionLog, "executionLog can't be null");
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
    this.startedReportDelay =
        Objects.requireNonNull(startedReportDelay, "startedReportDelay can't be null");
  }

  /** Runs {@code run} here and now, reporting as it goes. Never throws for a task's failure. */
  void run(TaskRun run) {
    Assignment a = run.assignment();
    Instant startedAt = clock.instant();
    long queuedMs = Math.max(0, Duration.between(run.receivedAt(), startedAt).toMillis());
    int concurrent = running.incrementAndGet();
    long startNanos = System.nanoTime();
    StartedReport started = new StartedReport(a, startedAt, queuedMs, startNanos);
    metrics.taskStarted(a.type());
    metrics.taskWaited(a.type(), Duration.ofMillis(queuedMs));
    ScheduledFuture<?> timer = scheduleTimeout(run);
    Outcome outcome;
    run.attach(Thread.currentThread());
    try {
      outcome = execute(run);
    } finally {
      run.detach();
      if (timer != null) {
        timer.cancel(false);
      }
      running.decrementAndGet();
      started.taskEnded();
    }
    long endNanos = System.nanoTime();
    Instant finishedAt = clock.instant();
    long durationMs = TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
    TaskResult done =
        new TaskResult(
            a.taskId(),
            a.pool(),
            agentId,
            a.attempt(),
            a.leaseId(),
            outcome.status(),
            startedAt,
            finishedAt,
            queuedMs,
            durationMs,
            outcome.error(),
            outcome.output());
    results.publish(done).thenRun(run.whenReported());
    metrics.taskFinished(a.type(), outcome.status(), Duration.ofNanos(endNanos - startNanos));
    executionLog.record(
        new ExecutionRecord(
            agentId,
            a.taskId(),
            a.attempt(),
            a.leaseId(),
            a.type(),
            outcome.status().name(),
            startedAt,
            finishedAt,
            startNanos,
            endNanos,
            concurrent,
            slots));
    if (outcome.error() != null) {
      LOG.info(
          "Task {} attempt {} {}: {}", a.taskId(), a.attempt(), outcome.status(), outcome.error());
    }
  }

  /** Reports a task that never took a slot: RELEASED (handed back) or CANCELLED (while queued). */
  void reportUnstarted(TaskRun run, TaskResult.Status status) {
    Assignment a = run.assignment();
    Instant now = clock.instant();
    long queuedMs = Math.max(0, Duration.between(run.receivedAt(), now).toMillis());
    results.publish(result(a, status, null, now, queuedMs, 0, null)).thenRun(run.whenReported());
    metrics.taskFinished(a.type(), status, Duration.ZERO);
  }

  /** Reports FAILED (retryable, {@code error}) for a task this agent will not run. */
  void reportNotRun(TaskRun run, TaskError error) {
    Assignment a = run.assignment();
    Instant now = clock.instant();
    TaskResult failed =
        new TaskResult(
            a.taskId(),
            a.pool(),
            agentId,
            a.attempt(),
            a.leaseId(),
            TaskResult.Status.FAILED,
            null,
            now,
            0,
            0,
            error,
            null);
    results.publish(failed).thenRun(run.whenReported());
  }

  /** Tasks whose handler is running right now. */
  public int running() {
    return running.get();
  }

  @Override
  public void close() {
    timeouts.shutdownNow();
  }

  private Outcome execute(TaskRun run) {
    Assignment a = run.assignment();
    StopReason early = run.stopReason();
    if (early != null) {
      return Outcome.stopped(early, a);
    }
    Optional<TaskHandler> handler = handlers.find(a.type());
    if (handler.isEmpty()) {
      return Outcome.failed(
          Outcome.UNKNOWN_TYPE,
          "no handler for task type '"
              + a.type()
              + "' on agent "
              + agentId
              + "; it runs "
              + handlers.types(),
          false);
    }
    try {
      JsonNode output = handler.get().handle(TaskContext.from(a, run.cancellation()));
      return Outcome.succeeded(OutputLimiter.limit(output, maxOutputBytes));
    } catch (Throwable thrown) {
      StopReason reason = run.stopReason();
      return reason != null ? Outcome.stopped(reason, a) : Outcome.thrown(thrown);
    }
  }

  /**
   * The STARTED report of one run, with how long the task had run when it was sent: sent at once
   * when there is no delay, else by the timer thread if the task still runs when the delay is over.
   * Sending it under the lock that {@link #taskEnded} takes keeps it ahead of the final result on
   * the pool's partition.
   */
  private final class StartedReport {
    private final Assignment assignment;
    private final Instant startedAt;
    private final long queuedMs;
    private final long startNanos;
    private final ScheduledFuture<?> timer;
    private boolean settled;

    StartedReport(Assignment assignment, Instant startedAt, long queuedMs, long startNanos) {
      this.assignment = assignment;
      this.startedAt = startedAt;
      this.queuedMs = queuedMs;
      this.startNanos = startNanos;
      if (startedReportDelay.isZero()) {
        timer = null;
        send();
      } else {
        timer = timeouts.schedule(this::send, startedReportDelay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    private synchronized void send() {
      if (!settled) {
        settled = true;
        long ranMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        results.publish(
            result(assignment, TaskResult.Status.STARTED, startedAt, null, queuedMs, ranMs, null));
      }
    }

    /** The task has ended: STARTED was sent by now, or never will be. */
    synchronized void taskEnded() {
      settled = true;
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private ScheduledFuture<?> scheduleTimeout(TaskRun run) {
    Duration timeout = run.assignment().timeout();
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return null;
    }
    return timeouts.schedule(
        () -> run.stop(StopReason.TIMED_OUT), timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private TaskResult result(
      Assignment a,
      TaskResult.Status status,
      Instant startedAt,
      Instant finishedAt,
      long queuedMs,
      long durationMs,
      JsonNode output) {
    return new TaskResult(
        a.taskId(),
        a.pool(),
        agentId,
        a.attempt(),
        a.leaseId(),
        status,
        startedAt,
        finishedAt,
        queuedMs,
        durationMs,
        null,
        output);
  }
}
