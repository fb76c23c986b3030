package io.yardmaster.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskResult.Status;
import io.yardmaster.worker.handler.builtin.SleepHandler;
import io.yardmaster.worker.testing.Assignments;
import io.yardmaster.worker.testing.GateHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFailuresTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void shouldKillCommandAndFailWithTimeoutWhenItRunsTooLong() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN `sleep 30` with a 300 ms timeout
      f.submit(
          Assignments.run(
              "slow",
              "command",
              "{\"command\":\"sleep\",\"args\":[\"30\"]}",
              Duration.ofMillis(300)));
      // WHEN it runs past the timeout
      await().atMost(WAIT).until(() -> f.reported.contains("slow"));
      // THEN it failed with type timeout (retryable) and the process is gone
      TaskResult done = f.last("slow");
      assertThat(done.status()).isEqualTo(Status.FAILED);
      assertThat(done.error().type()).isEqualTo("timeout");
      assertThat(done.error().retryable()).isTrue();
      assertThat(done.durationMs()).isLessThan(10_000);
      await().atMost(WAIT).until(() -> sleepProcesses().isEmpty());
    }
  }

  @Test
  void shouldFailForGoodWhenTypeIsUnknown() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN a task type no handler runs WHEN it arrives
      f.submit("odd", "no-such-type", null);
      await().atMost(WAIT).until(() -> f.reported.contains("odd"));
      // THEN it fails and another attempt would not help
      TaskResult done = f.last("odd");
      assertThat(done.status()).isEqualTo(Status.FAILED);
      assertThat(done.error().type()).isEqualTo(Outcome.UNKNOWN_TYPE);
      assertThat(done.error().retryable()).isFalse();
      assertThat(done.error().message()).contains("no-such-type").contains("sleep");
    }
  }

  @Test
  void shouldReportHandlerFailureWhenHandlerThrows() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4)) {
      // GIVEN a sleep that fails its first attempt WHEN it runs
      f.submit("flaky", "sleep", "{\"ms\":0,\"failTimes\":1}");
      await().atMost(WAIT).until(() -> f.reported.contains("flaky"));
      // THEN the handler's error type and retry flag are reported
      TaskResult done = f.last("flaky");
      assertThat(done.error().type()).isEqualTo(SleepHandler.SIMULATED_FAILURE);
      assertThat(done.error().retryable()).isTrue();
    }
  }

  @Test
  void shouldInterruptRunningTasksWhenStoppedAtOnce() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(2, 4)) {
      // GIVEN two blocked tasks
      f.submit("a", GateHandler.TYPE, null);
      f.submit("b", "sleep", "{\"ms\":60000}");
      await().atMost(WAIT).until(() -> f.executor.snapshot().busy() == 2 && f.gate.running() == 1);
      // WHEN the executor stops at once
      f.executor.shutdownNow();
      // THEN both are interrupted and reported FAILED (retryable, agent-stopped)
      await().atMost(WAIT).until(() -> f.reported.size() == 2);
      for (String id : List.of("a", "b")) {
        TaskResult done = f.last(id);
        assertThat(done.status()).isEqualTo(Status.FAILED);
        assertThat(done.error().type()).isEqualTo(Outcome.AGENT_STOPPED);
        assertThat(done.error().retryable()).isTrue();
      }
    }
  }

  @Test
  void shouldTruncateOutputWhenItIsOverTheLimit() throws Exception {
    try (ExecutorFixture f = new ExecutorFixture(1, 4, 40, null)) {
      // GIVEN a 40-byte output limit WHEN echo returns more
      f.submit("big", "echo", "{\"text\":\"" + "y".repeat(200) + "\"}");
      await().atMost(WAIT).until(() -> f.reported.contains("big"));
      // THEN the output says it was cut and keeps the start
      TaskResult done = f.last("big");
      assertThat(done.output().path("truncated").asBoolean()).isTrue();
      assertThat(done.output().path("originalBytes").asInt()).isGreaterThan(200);
      assertThat(done.output().path("head").asText()).hasSize(40).startsWith("{\"text\":\"yyy");
    }
  }

  @Test
  void shouldWriteOneLinePerExecutionWhenExecutionLogIsSet(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("executions.jsonl");
    try (ExecutorFixture f = new ExecutorFixture(2, 8, 1024, file)) {
      // GIVEN an execution log WHEN three tasks run on two slots
      for (String id : List.of("x", "y", "z")) {
        f.submit(id, "echo", null);
      }
      await().atMost(WAIT).until(() -> f.reported.size() == 3);
      await().atMost(WAIT).until(() -> Files.readAllLines(file).size() == 3);
      // THEN each line names the execution and how many ran at its start
      List<ExecutionRecord> records =
          Files.readAllLines(file).stream().map(TaskFailuresTest::parse).toList();
      assertThat(records)
          .extracting(ExecutionRecord::taskId)
          .containsExactlyInAnyOrder("x", "y", "z");
      assertThat(records)
          .allSatisfy(
              r -> {
                assertThat(r.concurrentAtStart()).isBetween(1, 2);
                assertThat(r.slots()).isEqualTo(2);
                assertThat(r.leaseId()).isEqualTo(Assignments.lease(r.taskId(), 1));
                assertThat(r.endNanos()).isGreaterThanOrEqualTo(r.startNanos());
                assertThat(r.status()).isEqualTo("SUCCEEDED");
              });
    }
  }

  private static ExecutionRecord parse(String line) {
    try {
      return io.yardmaster.model.json.Json.mapper().readValue(line, ExecutionRecord.class);
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }

  private static List<ProcessHandle> sleepProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .toList();
  }
}
