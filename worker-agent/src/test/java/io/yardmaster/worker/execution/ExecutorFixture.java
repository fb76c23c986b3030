package io.yardmaster.worker.execution;

import io.yardmaster.model.Assignment;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.handler.HandlerRegistry;
import io.yardmaster.worker.handler.HandlerSettings;
import io.yardmaster.worker.handler.TaskHandler;
import io.yardmaster.worker.handler.builtin.CommandHandler;
import io.yardmaster.worker.handler.builtin.EchoHandler;
import io.yardmaster.worker.handler.builtin.SleepHandler;
import io.yardmaster.worker.metrics.WorkerMetrics;
import io.yardmaster.worker.testing.Assignments;
import io.yardmaster.worker.testing.GateHandler;
import io.yardmaster.worker.testing.MutableClock;
import io.yardmaster.worker.testing.ResultLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;

/** A task executor wired to a MockProducer, a gate handler and a test clock. */
final class ExecutorFixture implements AutoCloseable {
  static final String RESULTS = Topics.withDefaultPrefix().results().name();

  final MockProducer<String, byte[]> producer = ResultLog.producer();
  final GateHandler gate = new GateHandler();
  final MutableClock clock = MutableClock.atEpoch();
  final WorkerMetrics metrics = new WorkerMetrics(Assignments.POOL, Assignments.AGENT, clock);
  final List<String> reported = new CopyOnWriteArrayList<>();
  final ExecutionLog log;
  final TaskExecutor executor;

  ExecutorFixture(int slots, int maxQueued) {
    this(slots, maxQueued, 1024, null);
  }

  ExecutorFixture(int slots, int maxQueued, int maxOutputBytes, Path executionLog) {
    this(slots, maxQueued, maxOutputBytes, executionLog, Duration.ZERO);
  }

  ExecutorFixture(
      int slots,
      int maxQueued,
      int maxOutputBytes,
      Path executionLog,
      Duration startedReportDelay) {
    List<TaskHandler> handlers =
        new ArrayList<>(List.of(gate, new SleepHandler(), new EchoHandler(), new CommandHandler()));
    HandlerRegistry registry =
        HandlerRegistry.of(
            new HandlerSettings(Set.of("sleep", "sh"), Set.of(), maxOutputBytes), handlers);
    log = ExecutionLog.open(executionLog);
    TaskRunner runner =
        new TaskRunner(
            Assignments.AGENT,
            slots,
            maxOutputBytes,
            registry,
            new ResultPublisher(producer, Topics.withDefaultPrefix().results()),
            metrics,
            log,
            clock,
            startedReportDelay);
    executor = new TaskExecutor(slots, maxQueued, runner, clock);
  }

  /** Submits a RUN assignment whose report is recorded in {@link #reported}. */
  Assignment submit(String taskId, String type, String payload) {
    return submit(Assignments.run(taskId, type, payload));
  }

  Assignment submit(Assignment assignment) {
    executor.submit(assignment, () -> reported.add(assignment.taskId()));
    return assignment;
  }

  List<TaskResult> results() {
    return ResultLog.results(producer, RESULTS);
  }

  List<TaskResult.Status> statuses(String taskId) {
    return ResultLog.statuses(producer, RESULTS, taskId);
  }

  TaskResult last(String taskId) {
    List<TaskResult> results = ResultLog.results(producer, RESULTS, taskId);
    return results.get(results.size() - 1);
  }

  @Override
  public void close() {
    gate.open();
    try {
      executor.shutdown(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.close();
    metrics.close();
  }
}
