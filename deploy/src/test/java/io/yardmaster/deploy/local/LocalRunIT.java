package io.yardmaster.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code scripts/yard local} as a user would, from the repository root, and checks the demo's
 * summary and that every process the run started is gone afterwards.
 */
class LocalRunIT {
  private static final Duration RUN_LIMIT = Duration.ofMinutes(6);
  private static final Pattern PIDS = Pattern.compile("(?m)^started pids: ([0-9 ]+)$");

  private static Path root;

  @BeforeAll
  static void findRepository() {
    String fromBuild = System.getProperty("yard.repo.root");
    root =
        fromBuild != null && !fromBuild.isBlank()
            ? Path.of(fromBuild)
            : Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("scripts/yard")).isExecutable();
  }

  /** A finished run of the yard script. */
  private record Run(int exitCode, String output) {
    List<Long> pids() {
      Matcher m = PIDS.matcher(output);
      assertThat(m.find()).as("a 'started pids:' line in:%n%s", output).isTrue();
      return Arrays.stream(m.group(1).trim().split(" +")).map(Long::parseLong).toList();
    }
  }

  private static Run yard(Path output, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("scripts/yard"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    // this build just packaged deploy/target: run exactly that, never a second build beside it
    builder.environment().put("YARD_SKIP_BUILD", "1");
    Process yard = builder.start();
    if (!yard.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      yard.descendants().forEach(ProcessHandle::destroyForcibly);
      yard.destroyForcibly();
      throw new AssertionError(
          "yard local did not finish within " + RUN_LIMIT + ":\n" + Files.readString(output));
    }
    return new Run(yard.exitValue(), Files.readString(output));
  }

  private static void assertAllGone(List<Long> pids) {
    assertThat(pids).isNotEmpty();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d is still alive", pid)
          .isFalse();
    }
  }

  @Test
  void shouldRunTheDemoInDependencyOrderAndStopEveryProcessWhenRunLocally(@TempDir Path tmp)
      throws Exception {
    // GIVEN the repository, as a user has it
    // WHEN running the one command of the README
    Run run = yard(tmp.resolve("yard-local.out"), "local");

    // THEN the demo succeeded, with its one retry, in dependency order
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("Kafka bootstrap servers: 127.0.0.1:")
        .contains("tasks by state: 33 SUCCEEDED")
        .contains("retries: 1 (prop-7)")
        .contains("dependency order OK: 8 tasks with dependencies")
        .contains("result: OK, every task succeeded");
    assertThat(run.output()).containsPattern("data-processing +25 +25 +0 ");

    // AND every process it started is gone: broker, dispatcher and the 10 agents
    List<Long> pids = run.pids();
    assertThat(pids).hasSize(12);
    assertAllGone(pids);
  }

  @Test
  void shouldRunAFileOfTasksWhenTheDemoIsOff(@TempDir Path tmp) throws Exception {
    // GIVEN a small dependency-free workload on one pool
    Path tasks =
        Files.writeString(
            tmp.resolve("tasks.jsonl"),
            """
            {"id": "quick-1", "type": "sleep", "payload": {"ms": 50}, "pool": "quick"}
            {"id": "quick-2", "type": "echo", "payload": {"hello": "yard"}, "pool": "quick"}
            {"id": "quick-3", "type": "noop", "pool": "quick"}
            """);

    // WHEN running it without the demo
    Run run =
        yard(
            tmp.resolve("yard-local-tasks.out"),
            "local",
            "--no-demo",
            "--pool",
            "quick:1:2",
            "--submit",
            tasks.toString(),
            "--dashboard-port",
            "8088");

    // THEN
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("tasks by state: 3 SUCCEEDED")
        .contains("retries: 0")
        .contains("dashboard: http://127.0.0.1:8088/")
        .containsPattern("-quick-0: http://127\\.0\\.0\\.1:[0-9]+/metrics");
    List<Long> pids = run.pids();
    assertThat(pids).hasSize(3);
    assertAllGone(pids);
  }
}
