package io.yardmaster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A task as a producer submits it on {@code tasks.submit} (key: the task id). Only {@code id} and
 * {@code type} are required; every other field has a default, applied by the compact constructor.
 * This is a public format: clients in other languages write it. {@code pinned} keeps a task in the
 * pool it starts in: rebalancing never moves it to another pool.
 */
public record TaskSubmission(
    String id,
    String type,
    JsonNode payload,
    String pool,
    Priority priority,
    Set<String> requiredCapabilities,
    List<String> dependencies,
    Integer maxRetries,
    Duration retryBackoff,
    Duration timeout,
    Duration estimatedDuration,
    String region,
    Boolean regionRequired,
    Boolean dropIfExpired,
    Map<String, String> labels,
    String zone,
    Boolean pinned) {

  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public TaskSubmission {
    Objects.requireNonNull(id, "id can't be null");
    Objects.requireNonNull(type, "type can't be null");
    payload = payload == null ? NullNode.getInstance() : payload;
    priority = priority == null ? Priority.DEFAULT : priority;
    requiredCapabilities =
        requiredCapabilities == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new TreeSet<>(requiredCapabilities));
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    maxRetries = maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
    retryBackoff = retryBackoff == null ? DEFAULT_RETRY_BACKOFF : retryBackoff;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    regionRequired = regionRequired != null && regionRequired;
    dropIfExpired = dropIfExpired != null && dropIfExpired;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    pinned = pinned != null && pinned;
  }

  /** A submission without a preferred zone, not pinned (the form before those existed). */
  public TaskSubmission(
      String id,
      String type,
      JsonNode payload,
      String pool,
      Priority priority,
      Set<String> requiredCapabilities,
      List<String> dependencies,
      Integer maxRetries,
      Duration retryBackoff,
      Duration timeout,
      Duration estimatedDuration,
      String region,
      Boolean regionRequired,
      Boolean dropIfExpired,
      Map<String, String> labels) {
    this(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        null,
        false);
  }

  /** A submission with every optional field at its default. */
  public static TaskSubmission of(String id, String type) {
    return new TaskSubmission(
        id, type, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public TaskSubmission withPool(String newPool) {
    return new TaskSubmission(
        id,
        type,
        payload,
        newPool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withPriority(Priority newPriority) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        newPriority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withPayload(JsonNode newPayload) {
    return new TaskSubmission(
        id,
        type,
        newPayload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withCapabilities(Set<String> capabilities) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        capabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withDependencies(List<String> newDependencies) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        newDependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withRetries(int newMaxRetries, Duration newBackoff) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        newMaxRetries,
        newBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withTimeout(Duration newTimeout) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        newTimeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withRegion(String newRegion, boolean required) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        newRegion,
        required,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  /** The preferred zone (within the region): a hint to the geographic strategy, never required. */
  public TaskSubmission withZone(String newZone) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        newZone,
        pinned);
  }

  public TaskSubmission withEstimatedDuration(Duration estimate) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimate,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        pinned);
  }

  public TaskSubmission withLabels(Map<String, String> newLabels) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        newLabels,
        zone,
        pinned);
  }

  /** A copy that is dropped as EXPIRED if its deadline passes before it starts. */
  public TaskSubmission withDropIfExpired(boolean drop) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        drop,
        labels);
  }

  public TaskSubmission withPinned(boolean newPinned) {
    return new TaskSubmission(
        id,
        type,
        payload,
        pool,
        priority,
        requiredCapabilities,
        dependencies,
        maxRetries,
        retryBackoff,
        timeout,
        estimatedDuration,
        region,
        regionRequired,
        dropIfExpired,
        labels,
        zone,
        newPinned);
  }
}
