package io.yardmaster.worker.it;

import static org.awaitility.Awaitility.await;

import io.yardmaster.dispatcher.app.DispatcherMain;
import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.WorkerMain;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real dispatcher and real worker agents, each in its own JVM, on a fresh topic prefix of one
 * Kafka cluster. Their output, logs and execution logs stay under {@code target/} for a look after
 * a failure; closing kills every process still running.
 */
final class YardProcesses implements AutoCloseable {
  static final String POOL = "e2e";
  private static final Logger LOG = LoggerFactory.getLogger(YardProcesses.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  final KafkaClientSettings kafka;
  final Topics topics;
  final Path dir;
  private final Path stateDir;
  private final Map<String, ChildJvm> processes = new LinkedHashMap<>();
  private Path clientProperties;
  private TaskLedger ledger;

  YardProcesses(KafkaClientSettings kafka, String testName) throws IOException {
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.kafka = kafka;
    this.topics = new Topics("wd-" + id + ".");
    this.dir = Path.of("target", "worker-with-dispatcher", testName + "-" + id);
    this.stateDir = dir.resolve("dispatcher-state").toAbsolutePath();
    Files.createDirectories(dir);
    if (!kafka.extra().isEmpty()) {
      clientProperties = dir.resolve("client.properties");
      Properties extra = new Properties();
      extra.putAll(kafka.extra());
      try (OutputStream out = Files.newOutputStream(clientProperties)) {
        extra.store(out, null);
      }
    }
  }

  /**
   * Starts the dispatcher with one pool and default settings (but its state folder), and waits
   * until it has ensured its topics and started.
   */
  ChildJvm startDispatcher() {
    List<String> args = new ArrayList<>(common());
    args.addAll(List.of("--pool", POOL, "--state-dir", stateDir.toString(), "--http-port", "0"));
    ChildJvm dispatcher = start("dispatcher", DispatcherMain.class, args);
    awaitPrinted(dispatcher, "dispatcher started");
    ledger = new TaskLedger(kafka, topics);
    return dispatcher;
  }

  /** Starts agents of the pool with default settings but these, in parallel; waits for them. */
  List<ChildJvm> startAgents(int slots, String... agentIds) {
    List<ChildJvm> agents = new ArrayList<>();
    for (int i = 0; i < agentIds.length; i++) {
      List<String> args = new ArrayList<>(common());
      args.addAll(
          List.of(
              "--pool", POOL,
              "--agent-id", agentIds[i],
              "--index", Integer.toString(i + 1),
              "--slots", Integer.toString(slots),
              "--execution-log", executionLog(agentIds[i]).toString()));
      agents.add(start(agentIds[i], WorkerMain.class, args));
    }
    agents.forEach(a -> awaitPrinted(a, "yard-worker " + a.name() + ": pool"));
    return agents;
  }

  Path executionLog(String agentId) {
    return dir.resolve(agentId + ".executions.jsonl").toAbsolutePath();
  }

  ExecutionLogs executionLogs(String... agentIds) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String agentId : agentIds) {
      files.add(executionLog(agentId));
    }
    return ExecutionLogs.read(files);
  }

  /** Follows tasks.state and tasks.events; available once the dispatcher has started. */
  TaskLedger ledger() {
    if (ledger == null) {
      throw new IllegalStateException("start the dispatcher first");
    }
    return ledger;
  }

  @Override
  public void close() {
    List<ChildJvm> all = new ArrayList<>(processes.values());
    Collections.reverse(all);
    all.forEach(ChildJvm::close);
    if (ledger != null) {
      keepEvents();
      ledger.close();
    }
  }

  /** Writes every event of the run to {@code tasks.events.jsonl}, for a look after a failure. */
  private void keepEvents() {
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("tasks.events.jsonl"))) {
      for (TaskEvent e : ledger.events()) {
        out.write(Json.mapper().writeValueAsString(e));
        out.newLine();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot keep the events of {}: {}", dir, e.toString());
    }
  }

  private List<String> common() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic-prefix",
                topics.prefix()));
    if (clientProperties != null) {
      args.addAll(List.of("--kafka-properties", clientProperties.toString()));
    }
    return args;
  }

  private ChildJvm start(String name, Class<?> mainClass, List<String> args) {
    ChildJvm process = ChildJvm.start(dir, name, mainClass, args);
    processes.put(name, process);
    return process;
  }

  private static void awaitPrinted(ChildJvm process, String text) {
    await("start of " + process)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (process.stdout().contains(text)) {
                return true;
              }
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    process + " exited before it started; stderr:\n" + process.stderr());
              }
              return false;
            });
  }
}
