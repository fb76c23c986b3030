package io.yardmaster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.worker.WorkerMain.Parsed;
import io.yardmaster.worker.config.WorkerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Parsed parse(Map<String, String> env, String... args) {
    return WorkerMain.parse(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldPrintReadableHelpWhenAskedForHelp() {
    // WHEN --help THEN the usage lists the options with defaults, and the exit code is 0
    Parsed parsed = parse(Map.of(), "--help");
    assertThat(parsed.exitCode()).isZero();
    assertThat(out.toString())
        .contains("Usage: yard-worker")
        .contains("--pool")
        .contains("--slots")
        .contains("default: 4")
        .contains("--heartbeat-interval")
        .contains("YARD_WORKER_");
  }

  @Test
  void shouldExitTwoNamingSettingWhenSlotsIsZero() {
    // WHEN slots is 0 THEN exit code 2 and a message naming --slots, no stack trace
    Parsed parsed = parse(Map.of(), "--pool", "etl", "--slots", "0");
    assertThat(parsed.exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--slots").doesNotContain("\tat ");
  }

  @Test
  void shouldExitTwoWhenPoolIsMissing() {
    assertThat(parse(Map.of()).exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--pool is required");
  }

  @Test
  void shouldExitTwoWhenValueHasWrongType() {
    Parsed parsed = parse(Map.of(), "--pool", "etl", "--heartbeat-interval", "soon");
    assertThat(parsed.exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--heartbeat-interval").contains("--help");
  }

  @Test
  void shouldReadEveryOptionWhenGivenOnCommandLine() {
    // GIVEN every option on the command line WHEN parsed
    Parsed parsed =
        parse(
            Map.of(),
            "--pool=gpu",
            "--slots=8",
            "--capabilities=cuda,ssd",
            "--region=eu",
            "--zone=eu-1",
            "--agent-id=box-7",
            "--index=3",
            "--weight=2.5",
            "--bootstrap-servers=k1:9092,k2:9092",
            "--topic-prefix=acme.",
            "--heartbeat-interval=2s",
            "--metrics-port=9400",
            "--drain-timeout=PT1M",
            "--command-allowlist=sleep,echo",
            "--http-allowlist=api.local",
            "--max-output-bytes=100",
            "--max-queued=5",
            "--execution-log=/tmp/e.jsonl");
    // THEN they all reach the options
    WorkerOptions o = parsed.options();
    assertThat(parsed.exitCode()).isNull();
    assertThat(o.pool()).isEqualTo("gpu");
    assertThat(o.slots()).isEqualTo(8);
    assertThat(o.capabilities()).containsExactly("cuda", "ssd");
    assertThat(o.region()).isEqualTo("eu");
    assertThat(o.zone()).isEqualTo("eu-1");
    assertThat(o.agentId()).isEqualTo("box-7");
    assertThat(o.index()).isEqualTo(3);
    assertThat(o.weight()).isEqualTo(2.5);
    assertThat(o.kafka().bootstrapServers()).isEqualTo("k1:9092,k2:9092");
    assertThat(o.topicPrefix()).isEqualTo("acme.");
    assertThat(o.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.metricsPort()).isEqualTo(9400);
    assertThat(o.drainTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(o.commandAllowlist()).containsExactlyInAnyOrder("sleep", "echo");
    assertThat(o.httpAllowlist()).containsExactly("api.local");
    assertThat(o.maxOutputBytes()).isEqualTo(100);
    assertThat(o.maxQueued()).isEqualTo(5);
    assertThat(o.executionLog()).isEqualTo(Path.of("/tmp/e.jsonl"));
  }

  @Test
  void shouldTakeEnvironmentWhenOptionIsNotOnCommandLine() {
    // GIVEN slots and capabilities in the environment, and the shared bootstrap variable
    Map<String, String> env =
        Map.of(
            "YARD_WORKER_SLOTS", "6",
            "YARD_WORKER_CAPABILITIES", "a,b",
            "YARD_WORKER_HEARTBEAT_INTERVAL", "500ms",
            "YARD_BOOTSTRAP_SERVERS", "kafka:9092");
    // WHEN parsed with slots also on the command line
    WorkerOptions o = parse(env, "--pool", "etl", "--slots", "3").options();
    // THEN the command line wins, the environment fills the rest
    assertThat(o.slots()).isEqualTo(3);
    assertThat(o.capabilities()).containsExactly("a", "b");
    assertThat(o.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.kafka().bootstrapServers()).isEqualTo("kafka:9092");
  }

  @Test
  void shouldTakeConfigFileWhenOptionIsNowhereElse(@TempDir Path dir) throws IOException {
    // GIVEN a config file with pool, slots and region, and slots also in the environment
    Path file = dir.resolve("worker.properties");
    Files.writeString(file, "pool=etl\nslots=9\nregion=us-east\ndrain-timeout=PT5S\n");
    // WHEN parsed
    WorkerOptions o =
        parse(Map.of("YARD_WORKER_SLOTS", "7"), "--config", file.toString()).options();
    // THEN the environment beats the file, and the file beats the defaults
    assertThat(o.pool()).isEqualTo("etl");
    assertThat(o.slots()).isEqualTo(7);
    assertThat(o.region()).isEqualTo("us-east");
    assertThat(o.drainTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldExitTwoWhenConfigFileHasUnknownKey(@TempDir Path dir) throws IOException {
    // GIVEN a typo in the config file WHEN parsed THEN it is refused, naming the key
    Path file = dir.resolve("worker.properties");
    Files.writeString(file, "pool=etl\nslot=9\n");
    assertThat(parse(Map.of(), "--config=" + file).exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--config").contains("slot");
  }

  @Test
  void shouldExitTwoWhenConfigFileIsMissing() {
    assertThat(parse(Map.of(), "--config", "/no/such/file.properties").exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--config").contains("/no/such/file.properties");
  }

  @Test
  void shouldExitTwoWhenKafkaPropertiesFileIsMissing() {
    assertThat(
            parse(Map.of(), "--pool", "p", "--kafka-properties", "/no/kafka.properties").exitCode())
        .isEqualTo(2);
    assertThat(err.toString()).contains("Kafka client properties file");
  }
}
