package io.yardmaster.dispatcher.testing;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.topology.DispatcherTopology;
import io.yardmaster.dispatcher.topology.StreamsSettings;
import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.HostLoad;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskError;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Drives the real dispatcher topology with {@link TopologyTestDriver}: submit tasks, play agents
 * (heartbeats and results), control wall-clock time, and read what the dispatcher wrote.
 */
public final class DispatcherHarness implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-12-04T12:00:00Z");

  private final DispatcherConfig config;
  private final TopologyTestDriver driver;
  private final Topics topics;
  private final TestInputTopic<String, byte[]> submit;
  private final TestInputTopic<String, byte[]> control;
  private final TestInputTopic<String, byte[]> heartbeats;
  private final TestInputTopic<String, byte[]> results;
  private final TestOutputTopic<String, TaskEvent> events;
  private final TestOutputTopic<String, TaskView> state;
  private final TestOutputTopic<String, DeadLetter> dlq;
  private final TestOutputTopic<String, RejectedRecord> rejected;
  private final TestOutputTopic<String, TaskExplanation> explanations;

  private final TestOutputTopic<String, PoolStatus> poolStatus;
  private final TestOutputTopic<String, ScalingRecommendation> scaling;
  private final Map<String, TestOutputTopic<String, Assignment>> assignmentTopics = new HashMap<>();
  private final Map<String, TaskView> views = new LinkedHashMap<>();
  private final List<TaskEvent> allEvents = new ArrayList<>();
  private final Path stateDir;

  public DispatcherHarness(List<PoolConfig> pools, UnaryOperator<DispatcherConfig> tweak) {
    try {
      stateDir = Files.createTempDirectory(Path.of("target"), "ttd-state");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    config =
        tweak.apply(
            DispatcherConfig.defaults(KafkaClientSettings.of("dummy:9092"), pools)
                .withStateDir(stateDir));
    topics = config.topics();
    driver =
        new TopologyTestDriver(
            DispatcherTopology.build(config), StreamsSettings.properties(config), START);
    var keySer = Serdes.String().serializer();
    var bytes = Serdes.ByteArray().serializer();
    submit = driver.createInputTopic(topics.submit().name(), keySer, bytes, START, Duration.ZERO);
    control = driver.createInputTopic(topics.control().name(), keySer, bytes, START, Duration.ZERO);
    heartbeats =
        driver.createInputTopic(topics.heartbeats().name(), keySer, bytes, START, Duration.ZERO);
    results = driver.createInputTopic(topics.results().name(), keySer, bytes, START, Duration.ZERO);
    var keyDe = Serdes.String().deserializer();
    events = driver.createOutputTopic(topics.events().name(), keyDe, JsonSerde.of(TaskEvent.class));
    state = driver.createOutputTopic(topics.state().name(), keyDe, JsonSerde.of(TaskView.class));
    dlq = driver.createOutputTopic(topics.dlq().name(), keyDe, JsonSerde.of(DeadLetter.class));
    rejected =
        driver.createOutputTopic(
            topics.rejected().name(), keyDe, JsonSerde.of(RejectedRecord.class));
    explanations =
        driver.createOutputTopic(
            topics.explanations().name(), keyDe, JsonSerde.of(TaskExplanation.class));

    poolStatus =
        driver.createOutputTopic(topics.poolStatus().name(), keyDe, JsonSerde.of(PoolStatus.class));
    scaling =
        driver.createOutputTopic(
            topics.scaling().name(), keyDe, JsonSerde.of(ScalingRecommendation.class));
    for (PoolConfig p : pools) {
      assignmentTopics.put(
          p.name(),
          driver.createOutputTopic(
              topics.assignmentTopicName(p.name()), keyDe, JsonSerde.of(Assignment.class)));
    }
  }

  public DispatcherHarness(PoolConfig... pools) {
    this(List.of(pools), c -> c);
  }

  public DispatcherConfig config() {
    return config;
  }

  private Duration elapsed = Duration.ZERO;

  public Instant now() {
    return START.plus(elapsed);
  }

  public void advance(Duration d) {
    elapsed = elapsed.plus(d);
    driver.advanceWallClockTime(d);
  }

  /** Advances time in steps, so every punctuator fires as it would in real time. */
  public void advanceInSteps(Duration total, Duration step) {
    for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
      advance(step);
    }
  }

  public void submit(TaskSubmission task) {
    submitRaw(task.id(), Json.mapper().valueToTree(task).toString());
  }

  public void submitRaw(String key, String json) {
    submit.pipeInput(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8), now());
  }

  public void control(ControlCommand command) {
    control.pipeInput(command.key(), bytes(command), now());
  }

  /** Sends EXPLAIN for a task and returns the dispatcher's answer. */
  public TaskExplanation explain(String taskId) {
    String requestId = java.util.UUID.randomUUID().toString();
    control(ControlCommand.explain(taskId, requestId));
    return explanations.readValuesToList().stream()
        .filter(e -> requestId.equals(e.requestId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no explanation of " + taskId));
  }

  public void heartbeat(String pool, String agentId, int slots, Set<String> capabilities) {
    heartbeat(pool, agentId, slots, capabilities, null, AgentHeartbeat.Status.ACTIVE);
  }

  public void heartbeat(
      String pool,
      String agentId,
      int slots,
      Set<String> capabilities,
      String region,
      AgentHeartbeat.Status status) {
    heartbeatWrittenAt(pool, agentId, slots, capabilities, region, status, now());
  }

  /** A heartbeat the agent wrote {@code age} ago, read only now (the dispatcher is behind). */
  public void heartbeatOld(String pool, String agentId, int slots, Duration age) {
    heartbeatWrittenAt(
        pool, agentId, slots, Set.of(), null, AgentHeartbeat.Status.ACTIVE, now().minus(age));
  }

  private void heartbeatWrittenAt(
      String pool,
      String agentId,
      int slots,
      Set<String> capabilities,
      String region,
      AgentHeartbeat.Status status,
      Instant writtenAt) {
    heartbeats.pipeInput(
        pool,
        bytes(
            new AgentHeartbeat(
                agentId,
                pool,
                capabilities,
                slots,
                slots,
                List.of(),
                region,
                null,
                "test",
                1.0,
                AgentCounters.ZERO,
                HostLoad.UNKNOWN,
                1000,
                status,
                writtenAt)),
        writtenAt);
  }

  public void started(Assignment a) {
    result(a, TaskResult.Status.STARTED, null);
  }

  public void succeeded(Assignment a) {
    result(a, TaskResult.Status.SUCCEEDED, null);
  }

  public void failed(Assignment a, String message) {
    result(a, TaskResult.Status.FAILED, TaskError.of("test", message));
  }

  public void result(Assignment a, TaskResult.Status status, TaskError error) {
    results.pipeInput(
        a.pool(),
        bytes(
            new TaskResult(
                a.taskId(),
                a.pool(),
                a.agentId(),
                a.attempt(),
                a.leaseId(),
                status,
                now(),
                now(),
                0,
                1,
                error,
                null)),
        now());
  }

  private static byte[] bytes(Object o) {
    return Json.mapper().valueToTree(o).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** New assignments of a pool since the last call (RUN and CANCEL). */
  public List<Assignment> newAssignments(String pool) {
    List<Assignment> out = new ArrayList<>();
    assignmentTopics.get(pool).readKeyValuesToList().forEach(kv -> out.add(kv.value));
    return out;
  }

  /** Pool statuses written since the last call. */
  public List<PoolStatus> newPoolStatuses() {
    return poolStatus.readValuesToList();
  }

  /** Scaling recommendations written since the last call. */
  public List<ScalingRecommendation> newScalingRecommendations() {
    return scaling.readValuesToList();
  }

  /** Every view written to tasks.state since the last call of this or {@link #views()}. */
  public List<TaskView> newViews() {
    List<TaskView> out = new ArrayList<>();
    state
        .readKeyValuesToList()
        .forEach(
            kv -> {
              views.put(kv.key, kv.value);
              out.add(kv.value);
            });
    return out;
  }

  /** The latest view of every task seen on tasks.state. */
  public Map<String, TaskView> views() {
    state.readKeyValuesToList().forEach(kv -> views.put(kv.key, kv.value));
    return views;
  }

  public TaskState stateOf(String taskId) {
    TaskView v = views().get(taskId);
    return v == null ? null : v.state();
  }

  public List<TaskEvent> events() {
    allEvents.addAll(events.readValuesToList());
    return allEvents;
  }

  public List<DeadLetter> deadLetters() {
    return dlq.readValuesToList();
  }

  public List<RejectedRecord> rejected() {
    return rejected.readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
    try (var walk = Files.walk(stateDir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // best effort
    }
  }
}
