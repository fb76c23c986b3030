package io.yardmaster.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.validation.SubmissionValidator;
import io.yardmaster.model.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The submission format is a public API: the example of the design brief must keep working. */
class DesignExampleTest {
  /** Verbatim from the design brief ("The submission format"). */
  static final String EXAMPLE =
      """
      {"id": "prop-7", "type": "sleep", "payload": {"ms": 300}, "pool": "data-processing",
       "priority": {"level": 5, "businessValue": 1.0, "deadline": "2026-12-04T18:00:00Z", "urgencyMultiplier": 1.0},
       "requiredCapabilities": ["data_processing"], "dependencies": ["prop-3"], "maxRetries": 3,
       "timeout": "PT30S", "estimatedDuration": "PT0.3S", "region": "eu-west", "labels": {"tenant": "acme"}}
      """;

  @Test
  void shouldReadEveryFieldWhenParsingTheDesignExample() {
    // GIVEN the example submission of the design brief
    byte[] json = EXAMPLE.getBytes(StandardCharsets.UTF_8);

    // WHEN it is read through the serde
    TaskSubmission task = JsonSerde.of(TaskSubmission.class).deserialize("yard.tasks.submit", json);

    // THEN every field has the value the example gives
    assertThat(task.id()).isEqualTo("prop-7");
    assertThat(task.type()).isEqualTo("sleep");
    assertThat(task.payload()).isEqualTo(JsonNodeFactory.instance.objectNode().put("ms", 300));
    assertThat(task.pool()).isEqualTo("data-processing");
    assertThat(task.priority())
        .isEqualTo(new Priority(5, 1.0, Instant.parse("2026-12-04T18:00:00Z"), 1.0));
    assertThat(task.requiredCapabilities()).isEqualTo(Set.of("data_processing"));
    assertThat(task.dependencies()).isEqualTo(List.of("prop-3"));
    assertThat(task.maxRetries()).isEqualTo(3);
    assertThat(task.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(task.estimatedDuration()).isEqualTo(Duration.ofMillis(300));
    assertThat(task.region()).isEqualTo("eu-west");
    assertThat(task.labels()).isEqualTo(Map.of("tenant", "acme"));
    assertThat(task.retryBackoff()).isEqualTo(TaskSubmission.DEFAULT_RETRY_BACKOFF);
  }

  @Test
  void shouldAcceptTheDesignExampleWithoutWarningsWhenValidated() {
    // GIVEN the example keyed by its id
    byte[] json = EXAMPLE.getBytes(StandardCharsets.UTF_8);

    // WHEN it is validated
    ValidationResult result = new SubmissionValidator().validate("prop-7", json);

    // THEN it is valid and nothing is reported
    assertThat(result.problems()).isEmpty();
    assertThat(result.isValid()).isTrue();
  }

  @Test
  void shouldApplyDefaultsWhenOnlyIdAndTypeAreGiven() {
    // GIVEN the smallest submission the format allows
    byte[] json = "{\"id\": \"t1\", \"type\": \"noop\"}".getBytes(StandardCharsets.UTF_8);

    // WHEN it is read
    TaskSubmission task = JsonSerde.of(TaskSubmission.class).deserialize("t", json);

    // THEN every optional field has its default
    assertThat(task).isEqualTo(TaskSubmission.of("t1", "noop"));
    assertThat(task.priority()).isEqualTo(Priority.DEFAULT);
    assertThat(task.maxRetries()).isEqualTo(TaskSubmission.DEFAULT_MAX_RETRIES);
    assertThat(task.timeout()).isEqualTo(TaskSubmission.DEFAULT_TIMEOUT);
    assertThat(task.regionRequired()).isFalse();
    assertThat(task.dropIfExpired()).isFalse();
  }

  @Test
  void shouldDefaultTheOtherPriorityFieldsWhenOnlyTheLevelIsGiven() {
    // GIVEN a priority that names only its level
    byte[] json =
        "{\"id\": \"t1\", \"type\": \"x\", \"priority\": {\"level\": 8}}"
            .getBytes(StandardCharsets.UTF_8);

    // WHEN it is validated and read
    ValidationResult result = new SubmissionValidator().validate("t1", json);

    // THEN the submission is accepted with the default business value and multiplier
    assertThat(result.errors()).isEmpty();
    assertThat(result.submission().priority()).isEqualTo(Priority.of(8));
  }
}
