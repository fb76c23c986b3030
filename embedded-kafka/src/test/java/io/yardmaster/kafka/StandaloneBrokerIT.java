package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link StandaloneBroker} as its own process, as the local launcher does. */
class StandaloneBrokerIT {
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killWhatIsLeft() {
    processes.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
  }

  @Test
  void shouldPrintTheBootstrapAddressAndStopCleanlyWhenTerminated(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    // GIVEN a standalone broker process on a fresh data folder
    Broker broker = launch(dir);

    // WHEN it reports that it is ready
    String bootstrap = broker.awaitBootstrap();

    // THEN a client reaches it at the loopback address it printed
    assertThat(broker.stdout.get(0)).matches("BOOTSTRAP=127\\.0\\.0\\.1:\\d+");
    try (Admin admin = admin(bootstrap)) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }

    // AND WHEN it gets SIGTERM, THEN it stops, deletes its data, keeps its log, prints nothing else
    broker.terminate();
    assertThat(dir.resolve("kafka-data")).doesNotExist();
    assertThat(Files.size(dir.resolve("broker.log"))).isPositive();
    assertThat(broker.stdout).hasSize(1);
  }

  @Test
  void shouldKeepTopicsWhenRestartedOnKeptData(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
      throws Exception {
    // GIVEN a broker that keeps its data, with one topic
    Broker first = launch(dir, "--keep-data");
    try (Admin admin = admin(first.awaitBootstrap())) {
      admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
    }

    // WHEN it stops and a new broker starts on the same folder
    first.terminate();
    Broker second = launch(dir, "--keep-data");

    // THEN the topic is still there
    try (Admin admin = admin(second.awaitBootstrap())) {
      assertThat(admin.listTopics().names().get()).contains("kept");
    }
    second.terminate();
    assertThat(dir.resolve("kafka-data")).exists();
  }

  private Broker launch(Path dir, String... extra) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                testClassPath(),
                StandaloneBroker.class.getName(),
                "--data-dir",
                dir.toString()));
    command.addAll(List.of(extra));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.txt").toFile()))
            .start();
    processes.add(process);
    Broker broker = new Broker(process, dir, new CopyOnWriteArrayList<>());
    Thread reader = new Thread(broker::readStdout, "standalone-broker-stdout");
    reader.setDaemon(true);
    reader.start();
    return broker;
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /** A running broker process and the lines it printed on stdout. */
  private record Broker(Process process, Path dir, List<String> stdout) {
    String awaitBootstrap() throws IOException {
      await().atMost(Duration.ofSeconds(90)).until(() -> !stdout.isEmpty() || !process.isAlive());
      assertThat(stdout).as("stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isNotEmpty();
      return stdout.get(0).substring(StandaloneBroker.BOOTSTRAP_PREFIX.length());
    }

    void terminate() throws InterruptedException {
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    }

    void readStdout() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          stdout.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }
  }
}
