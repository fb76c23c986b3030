package io.yardmaster.model.topic;

import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.ScalingRecommendation;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskResult;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.JsonSerde;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the contract, in one place. The descriptors are constants; an instance binds them
 * to a prefix (default {@code yard.}) and names the per-pool assignment topics.
 */
public final class Topics {
  public static final String DEFAULT_PREFIX = "yard.";
  private static final Serde<String> KEY = Serdes.String();
  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

  public static final TopicDescriptor<String, TaskSubmission> TASKS_SUBMIT =
      new TopicDescriptor<>("tasks.submit", KEY, JsonSerde.of(TaskSubmission.class), false);
  public static final TopicDescriptor<String, ControlCommand> TASKS_CONTROL =
      new TopicDescriptor<>("tasks.control", KEY, JsonSerde.of(ControlCommand.class), false);
  public static final TopicDescriptor<String, AgentHeartbeat> AGENTS_HEARTBEATS =
      new TopicDescriptor<>("agents.heartbeats", KEY, JsonSerde.of(AgentHeartbeat.class), false);
  public static final TopicDescriptor<String, TaskResult> TASKS_RESULTS =
      new TopicDescriptor<>("tasks.results", KEY, JsonSerde.of(TaskResult.class), false);
  public static final TopicDescriptor<String, TaskEvent> TASKS_EVENTS =
      new TopicDescriptor<>("tasks.events", KEY, JsonSerde.of(TaskEvent.class), false);
  public static final TopicDescriptor<String, TaskView> TASKS_STATE =
      new TopicDescriptor<>("tasks.state", KEY, JsonSerde.of(TaskView.class), true);
  public static final TopicDescriptor<String, DeadLetter> TASKS_DLQ =
      new TopicDescriptor<>("tasks.dlq", KEY, JsonSerde.of(DeadLetter.class), false);
  public static final TopicDescriptor<String, RejectedRecord> TASKS_REJECTED =
      new TopicDescriptor<>("tasks.rejected", KEY, JsonSerde.of(RejectedRecord.class), false);
  public static final TopicDescriptor<String, PoolStatus> POOLS_STATUS =
      new TopicDescriptor<>("pools.status", KEY, JsonSerde.of(PoolStatus.class), true);
  public static final TopicDescriptor<String, ScalingRecommendation> POOLS_SCALING =
      new TopicDescriptor<>("pools.scaling", KEY, JsonSerde.of(ScalingRecommendation.class), false);

  public static final TopicDescriptor<String, TaskExplanation> TASKS_EXPLANATIONS =
      new TopicDescriptor<>("tasks.explanations", KEY, JsonSerde.of(TaskExplanation.class), false);

  /**
   * The dispatcher's own topic for dependency bookkeeping (registrations, resolutions, cycle
   * probes), keyed by the task each message is for. Internal: not part of the public contract.
   */
  public static final TopicDescriptor<String, byte[]> DISPATCHER_DEPENDENCIES =
      new TopicDescriptor<>("dispatcher.dependencies", KEY, Serdes.ByteArray(), false);

  /** The descriptors of every fixed (not per-pool) topic. */
  public static final List<TopicDescriptor<?, ?>> FIXED =
      List.of(
          TASKS_SUBMIT,
          TASKS_CONTROL,
          AGENTS_HEARTBEATS,
          TASKS_RESULTS,
          TASKS_EVENTS,
          TASKS_STATE,
          TASKS_DLQ,
          TASKS_REJECTED,
          POOLS_STATUS,
          POOLS_SCALING,
          TASKS_EXPLANATIONS,
          DISPATCHER_DEPENDENCIES);

  private static final Serde<Assignment> ASSIGNMENT_SERDE = JsonSerde.of(Assignment.class);

  private final String prefix;

  public Topics(String prefix) {
    Objects.requireNonNull(prefix, "prefix can't be null");
    if (!prefix.isEmpty() && !LEGAL.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix '" + prefix + "' may only hold letters, digits, '.', '_' and '-'");
    }
    this.prefix = prefix;
  }

  public static Topics withDefaultPrefix() {
    return new Topics(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  public <K, V> Topic<K, V> topic(TopicDescriptor<K, V> descriptor) {
    return descriptor.withPrefix(prefix);
  }

  public Topic<String, TaskSubmission> submit() {
    return topic(TASKS_SUBMIT);
  }

  public Topic<String, ControlCommand> control() {
    return topic(TASKS_CONTROL);
  }

  public Topic<String, AgentHeartbeat> heartbeats() {
    return topic(AGENTS_HEARTBEATS);
  }

  public Topic<String, TaskResult> results() {
    return topic(TASKS_RESULTS);
  }

  public Topic<String, TaskEvent> events() {
    return topic(TASKS_EVENTS);
  }

  public Topic<String, TaskView> state() {
    return topic(TASKS_STATE);
  }

  public Topic<String, DeadLetter> dlq() {
    return topic(TASKS_DLQ);
  }

  public Topic<String, RejectedRecord> rejected() {
    return topic(TASKS_REJECTED);
  }

  public Topic<String, PoolStatus> poolStatus() {
    return topic(POOLS_STATUS);
  }

  public Topic<String, ScalingRecommendation> scaling() {
    return topic(POOLS_SCALING);
  }

  public Topic<String, TaskExplanation> explanations() {
    return topic(TASKS_EXPLANATIONS);
  }

  public Topic<String, byte[]> dependencies() {
    return topic(DISPATCHER_DEPENDENCIES);
  }

  /**
   * The assignment topic of one pool: {@code <prefix>pool.<pool>.assignments}, keyed by agent id.
   */
  public Topic<String, Assignment> assignments(String pool) {
    return new Topic<>(assignmentTopicName(pool), KEY, ASSIGNMENT_SERDE, false);
  }

  public String assignmentTopicName(String pool) {
    checkPoolName(pool);
    return prefix + "pool." + pool + ".assignments";
  }

  /** Throws a clear error when a pool name cannot be part of a topic name. */
  public static String checkPoolName(String pool) {
    Objects.requireNonNull(pool, "pool can't be null");
    if (pool.isEmpty() || pool.length() > 100 || !LEGAL.matcher(pool).matches()) {
      throw new IllegalArgumentException(
          "pool name '" + pool + "' must be 1-100 characters of letters, digits, '.', '_' and '-'");
    }
    return pool;
  }

  /** The names of every topic for these pools. */
  public List<String> allNames(java.util.Collection<String> pools) {
    List<String> names = new java.util.ArrayList<>();
    FIXED.forEach(d -> names.add(prefix + d.baseName()));
    pools.forEach(p -> names.add(assignmentTopicName(p)));
    return names;
  }
}
