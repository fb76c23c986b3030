package io.yardmaster.fault.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.yardmaster.dispatcher.app.DispatcherMain;
import io.yardmaster.fault.check.Execution;
import io.yardmaster.kafka.testing.ChildJvm;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import io.yardmaster.worker.WorkerMain;
import io.yardmaster.worker.execution.ExecutionRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real dispatcher (or several) and real worker agents, each in its own JVM, on a fresh topic
 * prefix of one Kafka cluster, for one fault scenario. Processes can be killed, paused and started
 * again under the same name; every agent incarnation writes its own execution log, so a kill in the
 * middle of a line never garbles the next one. Everything stays under {@code
 * target/faults/<scenario>-<id>/} for a look after a failure; closing kills what still runs.
 */
public final class FaultYard implements AutoCloseable {
  public static final String POOL = "faults";
  private static final Logger LOG = LoggerFactory.getLogger(FaultYard.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final KafkaClientSettings kafka;
  private final Topics topics;
  private final Path dir;
  private final Map<String, ChildJvm> processes = new LinkedHashMap<>();
  private final Map<String, List<String>> argsByName = new HashMap<>();
  private final Map<String, Integer> incarnations = new HashMap<>();
  private final Map<String, Path> logins = new HashMap<>();
  private Path clientProperties;
  private Ledger ledger;

  public FaultYard(KafkaClientSettings kafka, String scenario) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.kafka = kafka;
    this.topics = new Topics("f-" + id + ".");
    this.dir = Path.of("target", "faults", scenario + "-" + id).toAbsolutePath();
    try {
      Files.createDirectories(dir);
      if (!kafka.extra().isEmpty()) {
        clientProperties = writeProperties("client.properties", kafka.extra());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process {@code name} (dispatcher or agent) logs in with these client properties. */
  public void loginAs(String name, Map<String, String> clientProperties) {
    try {
      logins.put(name, writeProperties(name + ".client.properties", clientProperties));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path writeProperties(String file, Map<String, String> values) throws IOException {
    Path path = dir.resolve(file);
    Properties props = new Properties();
    props.putAll(values);
    try (OutputStream out = Files.newOutputStream(path)) {
      props.store(out, null);
    }
    return path;
  }

  public KafkaClientSettings kafka() {
    return kafka;
  }

  public Topics topics() {
    return topics;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Starts a dispatcher instance named {@code name} (its own state folder; every instance shares
   * the application id, so they split the work) serving {@link #POOL}, plus {@code extraArgs};
   * waits until it has started.
   */
  public ChildJvm startDispatcher(String name, List<String> extraArgs) {
    return startDispatcher(name, POOL, extraArgs);
  }

  /** As {@link #startDispatcher(String, List)}, with the pool given as {@code --pool poolSpec}. */
  public ChildJvm startDispatcher(String name, String poolSpec, List<String> extraArgs) {
    List<String> args = new ArrayList<>(common(name));
    args.addAll(
        List.of(
            "--pool",
            poolSpec,
            "--state-dir",
            dir.resolve(name + "-state").toString(),
            "--unknown-dependency-timeout",
            "PT10S"));
    args.addAll(extraArgs);
    ChildJvm d = start(name, DispatcherMain.class, args);
    awaitPrinted(d, "dispatcher started");
    if (ledger == null) {
      ledger = new Ledger(kafka, topics);
    }
    return d;
  }

  /** Starts agents of {@link #POOL} with {@code slots} slots and {@code extraArgs}, in parallel. */
  public List<ChildJvm> startAgents(int slots, List<String> extraArgs, String... agentIds) {
    return startAgentsIn(POOL, slots, extraArgs, agentIds);
  }

  /** As {@link #startAgents}, for agents of {@code pool}. */
  public List<ChildJvm> startAgentsIn(
      String pool, int slots, List<String> extraArgs, String... agentIds) {
    List<ChildJvm> agents = new ArrayList<>();
    for (String agentId : agentIds) {
      List<String> args = new ArrayList<>(common(agentId));
      args.addAll(
          List.of(
              "--pool",
              pool,
              "--agent-id",
              agentId,
              "--slots",
              Integer.toString(slots),
              "--heartbeat-interval",
              "500ms",
              "--drain-timeout",
              "5s"));
      args.addAll(extraArgs);
      argsByName.put(agentId, args);
      agents.add(startAgent(agentId));
    }
    for (int i = 0; i < agents.size(); i++) {
      awaitPrinted(agents.get(i), "yard-worker " + agentIds[i] + ": pool");
    }
    return agents;
  }

  /** Starts the agent {@code agentId} again with the arguments it had; waits until it started. */
  public ChildJvm restartAgent(String agentId) {
    ChildJvm old = processes.get(agentId);
    if (old != null && old.isAlive()) {
      throw new IllegalStateException(agentId + " still runs");
    }
    ChildJvm a = startAgent(agentId);
    awaitPrinted(a, "yard-worker " + agentId + ": pool");
    return a;
  }

  /** Starts the process {@code name} again with the arguments it had; waits until it started. */
  public ChildJvm restartDispatcher(String name) {
    ChildJvm old = processes.get(name);
    if (old != null && old.isAlive()) {
      throw new IllegalStateException(name + " still runs");
    }
    ChildJvm d = start(name, DispatcherMain.class, argsByName.get(name));
    awaitPrinted(d, "dispatcher started");
    return d;
  }

  private ChildJvm startAgent(String agentId) {
    int n = incarnations.getOrDefault(agentId, 0) + 1;
    List<String> args = new ArrayList<>(argsByName.get(agentId));
    args.addAll(
        List.of(
            "--execution-log", dir.resolve(agentId + "." + n + ".executions.jsonl").toString()));
    return start(agentId, WorkerMain.class, args);
  }

  public ChildJvm process(String name) {
    return processes.get(name);
  }

  /** Follows tasks.state, tasks.events, tasks.dlq and tasks.rejected; after a dispatcher start. */
  public Ledger ledger() {
    if (ledger == null) {
      throw new IllegalStateException("start a dispatcher first");
    }
    return ledger;
  }

  public Submitter submitter() {
    return new Submitter(kafka, topics);
  }

  /** Every execution every agent incarnation recorded so far (a line cut by a kill is skipped). */
  public List<Execution> executions() {
    List<Execution> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".executions.jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            ExecutionRecord r = Json.mapper().readValue(line, ExecutionRecord.class);
            all.add(new Execution(r.taskId(), r.attempt(), r.agentId(), r.status()));
          } catch (JsonProcessingException e) {
            LOG.warn("{}: skipping a line that is not a record: {}", file, line);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
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

  private List<String> common(String name) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic-prefix",
                topics.prefix()));
    Path login = logins.getOrDefault(name, clientProperties);
    if (login != null) {
      args.addAll(List.of("--kafka-properties", login.toString()));
    }
    return args;
  }

  private ChildJvm start(String name, Class<?> mainClass, List<String> args) {
    argsByName.putIfAbsent(name, args);
    int n = incarnations.merge(name, 1, Integer::sum);
    ChildJvm process = ChildJvm.start(dir, name + "." + n, mainClass, args);
    processes.put(name, process);
    return process;
  }

  private static void awaitPrinted(ChildJvm process, String text) {
    await("start of " + process)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
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
