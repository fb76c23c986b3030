package io.yardmaster.dispatcher.topology;

import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.dependency.DependencyRegistry;
import io.yardmaster.dispatcher.dependency.DependencyTracker;
import io.yardmaster.dispatcher.dependency.WaitingTask;
import io.yardmaster.dispatcher.intake.IntakeEntry;
import io.yardmaster.dispatcher.intake.IntakeProcessor;
import io.yardmaster.dispatcher.rebalance.PoolStatusView;
import io.yardmaster.dispatcher.scaling.DesiredAgents;
import io.yardmaster.dispatcher.scaling.LoadHistory;
import io.yardmaster.dispatcher.scaling.PoolScaling;
import io.yardmaster.dispatcher.scaling.ScalerState;
import io.yardmaster.dispatcher.scheduling.SchedulerProcessor;
import io.yardmaster.dispatcher.scheduling.TaskRecord;
import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.json.JsonSerde;
import io.yardmaster.model.topic.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The dispatcher's topology, two stages and one hop between them:
 *
 * <ol>
 *   <li><b>intake</b>, keyed by task id ({@code tasks.submit}, {@code tasks.control}): validation,
 *       idempotency, routing;
 *   <li><b>scheduler</b>, keyed by pool: the repartitioned tasks and commands, plus {@code
 *       agents.heartbeats} and {@code tasks.results}, which agents already key by pool so they
 *       arrive with no repartition. Every input topic of this stage must have the same partition
 *       count as the repartition ({@link DispatcherConfig#partitions()}).
 * </ol>
 *
 * Everything the stages emit leaves through one sink whose {@link OutboundTopics} picks the topic.
 */
public final class DispatcherTopology {
  public static final String POOL_REPARTITION = "pool-input";

  private DispatcherTopology() {}

  public static Topology build(DispatcherConfig config) {
    return build(config, new DesiredAgents(), OutputObserver.NONE);
  }

  /** The name Kafka Streams gives the repartition topic keyed by pool. */
  public static String poolInputTopic(DispatcherConfig config) {
    return config.topicPrefix() + config.applicationId() + "-" + POOL_REPARTITION + "-repartition";
  }

  /**
   * The topology, publishing each scheduled pool's desired agent count to {@code desired} (for a
   * metrics gauge).
   */
  public static Topology build(DispatcherConfig config, DesiredAgents desired) {
    return build(config, desired, OutputObserver.NONE);
  }

  /**
   * The topology, publishing each pool's desired agent count to {@code desired}, with {@code
   * observer} seeing what the scheduler stage emits.
   */
  public static Topology build(
      DispatcherConfig config, DesiredAgents desired, OutputObserver observer) {
    java.util.Objects.requireNonNull(observer, "observer can't be null");
    Topics topics = config.topics();
    StreamsBuilder builder = new StreamsBuilder();
    Serde<String> keys = Serdes.String();
    Serde<Object> anyJson = Serdes.serdeFrom(new AnyJsonSerializer(), (t, b) -> b);
    OutboundTopics router = new OutboundTopics(topics, poolInputTopic(config));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IntakeProcessor.STORE),
                keys,
                JsonSerde.of(IntakeEntry.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DependencyTracker.WAITING_STORE),
                keys,
                JsonSerde.of(WaitingTask.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DependencyTracker.REGISTRY_STORE),
                keys,
                JsonSerde.of(DependencyRegistry.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SchedulerProcessor.STORE),
                keys,
                JsonSerde.of(TaskRecord.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SchedulerProcessor.META_STORE), keys, Serdes.Boolean()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PoolScaling.HISTORY_STORE),
                keys,
                JsonSerde.of(LoadHistory.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PoolScaling.STATE_STORE),
                keys,
                JsonSerde.of(ScalerState.class))
            .withCachingEnabled());
    if (config.rebalance().enabled()) {
      builder.addGlobalStore(
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore(PoolStatusView.STORE),
                  keys,
                  JsonSerde.of(PoolStatus.class))
              .withLoggingDisabled(),
          topics.poolStatus().name(),
          Consumed.with(keys, Serdes.ByteArray()).withName("pool-status-source"),
          PoolStatusView::new);
    }

    KStream<String, byte[]> intakeInput =
        builder.stream(
            List.of(topics.submit().name(), topics.control().name(), topics.dependencies().name()),
            Consumed.with(keys, Serdes.ByteArray()).withName("intake-source"));
    KStream<String, Object> intake =
        intakeInput.process(
            () -> new IntakeProcessor(config),
            Named.as("intake"),
            IntakeProcessor.STORE,
            DependencyTracker.WAITING_STORE,
            DependencyTracker.REGISTRY_STORE);

    var branches =
        intake
            .split(Named.as("intake-"))
            .branch((k, v) -> v instanceof PoolCommand, Branched.as("to-pool"))
            .defaultBranch(Branched.as("out"));
    branches.get("intake-out").to(router, Produced.with(keys, anyJson).withName("intake-sink"));

    KStream<String, Object> poolInput =
        branches
            .get("intake-to-pool")
            .mapValues(v -> (PoolCommand) v, Named.as("as-pool-command"))
            .repartition(
                Repartitioned.with(keys, JsonSerde.of(PoolCommand.class))
                    .withName(POOL_REPARTITION)
                    .withNumberOfPartitions(config.partitions()))
            .mapValues(v -> (Object) v, Named.as("pool-command-in"));
    KStream<String, Object> agentInput =
        builder.stream(
                List.of(topics.heartbeats().name(), topics.results().name()),
                Consumed.with(keys, Serdes.ByteArray()).withName("agent-source"))
            .mapValues(v -> (Object) v, Named.as("agent-in"));

    poolInput
        .merge(agentInput, Named.as("scheduler-input"))
        .process(
            () -> new SchedulerProcessor(config, desired),
            Named.as("scheduler"),
            SchedulerProcessor.STORE,
            SchedulerProcessor.META_STORE,
            PoolScaling.HISTORY_STORE,
            PoolScaling.STATE_STORE)
        .peek((k, v) -> observer.seen(v), Named.as("scheduler-observer"))
        .to(router, Produced.with(keys, anyJson).withName("scheduler-sink"));
    return builder.build();
  }
}
