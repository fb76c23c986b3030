package io.yardmaster.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.local.PoolPlan;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.validation.SubmissionValidator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PropertyDemoTest {
  private final List<TaskSubmission> tasks = PropertyDemo.tasks("");
  private final Map<String, TaskSubmission> byId =
      tasks.stream().collect(Collectors.toMap(TaskSubmission::id, Function.identity()));

  @Test
  void shouldHold33ValidTasksWhenBuilt() {
    // GIVEN the demo / WHEN validating each task as the dispatcher will
    SubmissionValidator validator = new SubmissionValidator();

    // THEN there are 25 + 5 + 3 tasks, all valid
    assertThat(tasks).hasSize(33);
    assertThat(tasks).allSatisfy(t -> assertThat(validator.validate(t).errors()).isEmpty());
    assertThat(tasks).extracting(TaskSubmission::type).containsOnly("sleep");
  }

  @Test
  void shouldMakeEachValuationWaitForItsBatchWhenBuilt() {
    // GIVEN / WHEN / THEN valuation-v depends on the five properties of batch v
    assertThat(byId.get("valuation-1").dependencies())
        .containsExactly("prop-1", "prop-2", "prop-3", "prop-4", "prop-5");
    assertThat(byId.get("valuation-5").dependencies())
        .containsExactly("prop-21", "prop-22", "prop-23", "prop-24", "prop-25");
    assertThat(byId.get("valuation-3").priority().level()).isEqualTo(8);
    assertThat(byId.get("valuation-3").priority().businessValue()).isEqualTo(2.0);
    assertThat(byId.get("valuation-3").requiredCapabilities()).containsExactly("ai_analysis");
  }

  @Test
  void shouldMakeEveryNotificationWaitForAllValuationsWhenBuilt() {
    // GIVEN / WHEN / THEN
    for (int n = 1; n <= 3; n++) {
      TaskSubmission notify = byId.get("notify-" + n);
      assertThat(notify.dependencies())
          .containsExactly(
              "valuation-1", "valuation-2", "valuation-3", "valuation-4", "valuation-5");
      assertThat(notify.pool()).isEqualTo(PropertyDemo.NOTIFY_POOL);
      assertThat(notify.priority().level()).isEqualTo(3);
    }
  }

  @Test
  void shouldFailTheFlakyPropertyOnceWhenBuilt() {
    // GIVEN / WHEN
    TaskSubmission flaky = byId.get("prop-7");

    // THEN it fails its first attempt and retries after half a second; the others never fail
    assertThat(flaky.payload().get("failTimes").asInt()).isEqualTo(1);
    assertThat(flaky.retryBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(flaky.maxRetries()).isPositive();
    assertThat(tasks.stream().filter(t -> t.payload().has("failTimes"))).hasSize(1);
    assertThat(byId.get("prop-8").payload().get("ms").asInt()).isEqualTo(300);
  }

  @Test
  void shouldOfferACapablePoolForEveryTaskWhenBuilt() {
    // GIVEN the demo's pools
    Map<String, PoolPlan> pools =
        PropertyDemo.pools().stream().collect(Collectors.toMap(PoolPlan::name, p -> p));

    // WHEN / THEN each task's pool exists and offers what the task requires
    assertThat(tasks)
        .allSatisfy(
            t ->
                assertThat(pools.get(t.pool()).capabilities())
                    .containsAll(t.requiredCapabilities()));
    assertThat(pools.get(PropertyDemo.DATA_POOL).totalSlots()).isEqualTo(10);
  }

  @Test
  void shouldPrefixEveryIdAndDependencyWhenAPrefixIsGiven() {
    // GIVEN / WHEN
    List<TaskSubmission> prefixed = PropertyDemo.tasks("run-1-");

    // THEN
    assertThat(prefixed).allSatisfy(t -> assertThat(t.id()).startsWith("run-1-"));
    assertThat(prefixed)
        .allSatisfy(t -> assertThat(t.dependencies()).allMatch(d -> d.startsWith("run-1-")));
  }
}
