package io.yardmaster.dispatcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.dispatcher.scheduling.SchedulerProcessor;
import io.yardmaster.dispatcher.scheduling.TaskRecord;
import io.yardmaster.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a task's live record in the scheduler's {@value SchedulerProcessor#STORE} store. The store
 * is partitioned by pool, so the pool picks the instance: this one answers from its local store (an
 * interactive query of that one partition); another instance is asked over HTTP at its {@code
 * application.server} address, on {@value #INTERNAL_PATH}.
 */
public final class TaskLookup {
  public static final String INTERNAL_PATH = "/api/internal/records/";
  private static final Logger LOG = LoggerFactory.getLogger(TaskLookup.class);
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(3);

  /** A live record and the instance it came from ({@code local} or {@code host:port}). */
  public record Found(JsonNode record, String owner) {}

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

  public TaskLookup(KafkaStreams streams, HostInfo self) {
    this.streams = Objects.requireNonNull(streams, "streams can't be null");
    this.self = Objects.requireNonNull(self, "self can't be null");
  }

  /** The task's live record from whichever instance owns its pool, if it is in the store. */
  public Optional<Found> find(String taskId, String pool) {
    KeyQueryMetadata owner = owner(pool);
    if (owner == null) {
      return Optional.empty();
    }
    if (owner.activeHost().equals(self)) {
      return local(taskId, owner.partition()).map(r -> new Found(r, "local"));
    }
    return forward(owner.activeHost(), taskId, pool);
  }

  /** The record in this instance's store partition of {@code pool}, if it has it. */
  public Optional<JsonNode> local(String taskId, String pool) {
    KeyQueryMetadata owner = owner(pool);
    return owner == null ? Optional.empty() : local(taskId, owner.partition());
  }

  /** Where the pool's partition lives, or null while that is not known (starting, rebalancing). */
  private KeyQueryMetadata owner(String pool) {
    try {
      KeyQueryMetadata owner =
          streams.queryMetadataForKey(SchedulerProcessor.STORE, pool, Serdes.String().serializer());
      return owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) ? null : owner;
    } catch (InvalidStateStoreException | IllegalStateException e) {
      LOG.debug("no owner of pool {} known now: {}", pool, e.getMessage());
      return null;
    }
  }

  private Optional<JsonNode> local(String taskId, int partition) {
    try {
      ReadOnlyKeyValueStore<String, TaskRecord> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      SchedulerProcessor.STORE,
                      QueryableStoreTypes.<String, TaskRecord>keyValueStore())
                  .withPartition(partition));
      TaskRecord r = store.get(taskId);
      return r == null ? Optional.empty() : Optional.of(Json.mapper().valueToTree(r));
    } catch (InvalidStateStoreException e) {
      LOG.debug("the scheduler store is not queryable now: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Found> forward(HostInfo host, String taskId, String pool) {
    URI uri =
        URI.create(
            "http://"
                + host.host()
                + ":"
                + host.port()
                + INTERNAL_PATH
                + URLEncoder.encode(taskId, StandardCharsets.UTF_8)
                + "?pool="
                + URLEncoder.encode(pool, StandardCharsets.UTF_8));
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(
          new Found(Json.mapper().readTree(response.body()), host.host() + ":" + host.port()));
    } catch (IOException e) {
      LOG.warn("cannot ask {} for task {}: {}", host, taskId, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
