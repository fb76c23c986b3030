package io.yardmaster.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskResult.Status;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.worker.testing.Assignments;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent as a separate process ({@code java -jar target/worker-agent-*.jar}). */
@ExtendWith(SharedKafkaBroker.class)
class WorkerProcessIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String POOL = Assignments.POOL;
  private static final String AGENT = "proc-agent";

  @TempDir Path dir;
  private KafkaTestTopics kafka;
  private KafkaTestTopics.Reader<TaskResult> results;
  private KafkaTestTopics.Reader<AgentHeartbeat> heartbeats;
  private Process process;

  @BeforeEach
  void createTopics(KafkaClientSettings settings) throws Exception {
    kafka = new KafkaTestTopics(settings, POOL);
    results = kafka.reader(kafka.topics.results().name(), JsonSerde.of(TaskResult.class));
    heartbeats = kafka.reader(kafka.topics.heartbeats().name(), JsonSerde.of(AgentHeartbeat.class));
  }

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
    results.close();
    heartbeats.close();
    kafka.close();
  }

  @Test
  void shouldDrainAndExitZeroWhenSentSigterm() throws Exception {
    // GIVEN the agent running as its own process, with one slot busy and one task queued
    startAgent();
    kafka.assign(Assignments.run(AGENT, "long", 1, "sleep", "{\"ms\": 1500}", null));
    kafka.assign(Assignments.run(AGENT, "queued", 1, "echo", null, null));
    await().atMost(WAIT).until(() -> statuses("long").contains(Status.STARTED));
    // WHEN it gets SIGTERM
    process.destroy();
    // THEN it exits 0 after the running task finished and the queued one was handed back
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    await().atMost(WAIT).until(() -> statuses("long").contains(Status.SUCCEEDED));
    assertThat(statuses("queued")).containsExactly(Status.RELEASED);
    await().atMost(WAIT).until(() -> lastHeartbeatIsLeaving());
    // AND its execution log recorded the one execution
    List<String> lines = Files.readAllLines(dir.resolve("executions.jsonl"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("\"taskId\":\"long\"").contains("\"concurrentAtStart\":1");
  }

  @Test
  void shouldStopRunningTaskAtOnceWhenSentSigtermTwice() throws Exception {
    // GIVEN a task that would run for a minute
    startAgent();
    kafka.assign(Assignments.run(AGENT, "endless", 1, "sleep", "{\"ms\": 60000}", null));
    await().atMost(WAIT).until(() -> statuses("endless").contains(Status.STARTED));
    // WHEN SIGTERM comes twice
    process.destroy();
    await().atMost(WAIT).until(() -> lastHeartbeatIsLeaving());
    process.destroy();
    // THEN the process stops well before the drain timeout, reporting the task as stopped
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    await().atMost(WAIT).until(() -> statuses("endless").contains(Status.FAILED));
    TaskResult failed =
        results.values().stream()
            .filter(r -> r.taskId().equals("endless") && r.status() == Status.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.error().type()).isEqualTo("agent-stopped");
  }

  @Test
  void shouldExitTwoWithMessageWhenConfigurationIsBad() throws Exception {
    // WHEN started with zero slots THEN it exits 2 naming the setting, without a stack trace
    List<String> command = javaCommand();
    command.addAll(List.of("--pool", POOL, "--slots", "0"));
    Process bad = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(bad.getInputStream().readAllBytes());
    assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(output).contains("--slots").doesNotContain("Exception");
  }

  @Test
  void shouldExitTwoNamingMetricsPortWhenItIsTaken() throws Exception {
    // GIVEN a port already taken on 127.0.0.1
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<String> command = javaCommand();
      command.addAll(
          List.of(
              "--pool", POOL,
              "--bootstrap-servers", kafka.kafka.bootstrapServers(),
              "--metrics-port", Integer.toString(taken.getLocalPort())));
      // WHEN the agent is told to serve metrics there THEN it exits 2 naming the option
      Process bad = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(bad.getInputStream().readAllBytes());
      assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(bad.exitValue()).isEqualTo(2);
      assertThat(output).contains("--metrics-port").contains("in use");
    }
  }

  private void startAgent() throws IOException {
    List<String> command = javaCommand();
    command.addAll(
        List.of(
            "--pool",
            POOL,
            "--agent-id",
            AGENT,
            "--slots",
            "1",
            "--bootstrap-servers",
            kafka.kafka.bootstrapServers(),
            "--topic-prefix",
            kafka.topics.prefix(),
            "--heartbeat-interval",
            "200ms",
            "--drain-timeout",
            "30s",
            "--execution-log",
            dir.resolve("executions.jsonl").toString()));
    if (!kafka.kafka.extra().isEmpty()) {
      Path props = dir.resolve("client.properties");
      Properties extra = new Properties();
      extra.putAll(kafka.kafka.extra());
      try (OutputStream out = Files.newOutputStream(props)) {
        extra.store(out, null);
      }
      command.addAll(List.of("--kafka-properties", props.toString()));
    }
    process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    await()
        .atMost(WAIT)
        .until(() -> heartbeats.values().stream().anyMatch(h -> h.agentId().equals(AGENT)));
  }

  private static List<String> javaCommand() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", agentJar().toString()));
    return command;
  }

  private static Path agentJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("worker-agent-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("package the agent first: no jar in target/"));
    }
  }

  private List<Status> statuses(String taskId) {
    return results.values().stream()
        .filter(r -> r.taskId().equals(taskId))
        .map(TaskResult::status)
        .toList();
  }

  private boolean lastHeartbeatIsLeaving() {
    List<AgentHeartbeat> sent = heartbeats.values();
    return !sent.isEmpty() && sent.get(sent.size() - 1).status() == AgentHeartbeat.Status.LEAVING;
  }
}
