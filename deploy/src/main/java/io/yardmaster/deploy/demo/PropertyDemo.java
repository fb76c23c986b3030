package io.yardmaster.deploy.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardmaster.deploy.local.PoolPlan;
import io.yardmaster.deploy.local.Workload;
import io.yardmaster.deploy.submit.RawSubmission;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The demo workflow: property-data processing for a real-estate agency.
 *
 * <ol>
 *   <li>25 property records are normalised ({@code prop-1..25}, pool {@code data-processing});
 *       {@code prop-7} fails once on purpose and succeeds on its retry;
 *   <li>5 market valuations ({@code valuation-1..5}, pool {@code ai-analysis}), each waiting for
 *       its batch of five properties ({@code valuation-1} for {@code prop-1..5}...);
 *   <li>3 notifications ({@code notify-1..3}, pool {@code notifications}), each waiting for all
 *       five valuations.
 * </ol>
 *
 * Every task is a {@code sleep} task, so the demo needs no outside system.
 */
public final class PropertyDemo {
  public static final String NAME = "property-data demo";
  public static final String DATA_POOL = "data-processing";
  public static final String AI_POOL = "ai-analysis";
  public static final String NOTIFY_POOL = "notifications";
  public static final int PROPERTIES = 25;
  public static final int BATCH = 5;
  public static final int NOTIFICATIONS = 3;

  /** The property task that fails on its first attempt. */
  public static final int FLAKY_PROPERTY = 7;

  private static final Map<String, String> LABELS = Map.of("workflow", "property-demo");

  private PropertyDemo() {}

  /** The demo's pools: 5 agents × 2 slots, 3 agents × 1 slot, 2 agents × 1 slot. */
  public static List<PoolPlan> pools() {
    return List.of(
        new PoolPlan(DATA_POOL, 5, 2, Set.of("data_processing"), null),
        new PoolPlan(AI_POOL, 3, 1, Set.of("ai_analysis"), null),
        new PoolPlan(NOTIFY_POOL, 2, 1, Set.of("notification"), null));
  }

  /** The demo's 33 tasks, with ids as they are (prefix "": prop-1...). */
  public static List<TaskSubmission> tasks(String idPrefix) {
    List<TaskSubmission> tasks = new ArrayList<>();
    for (int i = 1; i <= PROPERTIES; i++) {
      TaskSubmission prop =
          task(idPrefix + "prop-" + i, DATA_POOL, "data_processing", 5, 1.0, 300, 60)
              .withEstimatedDuration(Duration.ofMillis(330));
      if (i == FLAKY_PROPERTY) {
        prop =
            prop.withPayload(sleep(300, 60).put("failTimes", 1))
                .withRetries(TaskSubmission.DEFAULT_MAX_RETRIES, Duration.ofMillis(500));
      }
      tasks.add(prop);
    }
    List<String> valuations = new ArrayList<>();
    for (int v = 1; v <= PROPERTIES / BATCH; v++) {
      int first = (v - 1) * BATCH + 1;
      List<String> batch =
          IntStream.range(first, first + BATCH).mapToObj(i -> idPrefix + "prop-" + i).toList();
      String id = idPrefix + "valuation-" + v;
      valuations.add(id);
      tasks.add(
          task(id, AI_POOL, "ai_analysis", 8, 2.0, 600, 100)
              .withEstimatedDuration(Duration.ofMillis(650))
              .withDependencies(batch));
    }
    for (int n = 1; n <= NOTIFICATIONS; n++) {
      tasks.add(
          task(idPrefix + "notify-" + n, NOTIFY_POOL, "notification", 3, 0.5, 120, 30)
              .withEstimatedDuration(Duration.ofMillis(135))
              .withDependencies(valuations));
    }
    return tasks;
  }

  /** The demo as a workload for a local run. */
  public static Workload workload(String idPrefix) {
    return new Workload(
        NAME,
        tasks(idPrefix).stream()
            .map(t -> new RawSubmission("demo task " + t.id(), Json.mapper().valueToTree(t)))
            .toList());
  }

  private static TaskSubmission task(
      String id, String pool, String capability, int level, double value, long ms, long jitterMs) {
    return TaskSubmission.of(id, "sleep")
        .withPool(pool)
        .withPriority(new Priority(level, value, null, 1.0))
        .withCapabilities(Set.of(capability))
        .withPayload(sleep(ms, jitterMs))
        .withLabels(LABELS);
  }

  private static ObjectNode sleep(long ms, long jitterMs) {
    return Json.mapper().createObjectNode().put("ms", ms).put("jitterMs", jitterMs);
  }
}
