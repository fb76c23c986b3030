package io.yardmaster.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.ModelFixtures;
import io.yardmaster.model.TaskSubmission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionValidatorTest {
  private final SubmissionValidator validator = new SubmissionValidator();

  /** Validates JSON written with single quotes, keyed by {@code key}. */
  private ValidationResult validate(String key, String json) {
    return validator.validate(key, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> fields(List<Problem> problems) {
    return problems.stream().map(Problem::field).toList();
  }

  @Test
  void shouldReportEveryErrorAtOnceEachNamingItsFieldWhenManyRulesAreBroken() {
    // GIVEN a submission that breaks many rules at once
    String json =
        "{'id': '', 'type': 7, 'pool': 'no spaces allowed', 'priority': {'level': 11,"
            + " 'businessValue': -1, 'urgencyMultiplier': 'x', 'deadline': 'tomorrow'},"
            + " 'requiredCapabilities': 'gpu', 'dependencies': [1], 'maxRetries': 1.5,"
            + " 'retryBackoff': 'PT-1S', 'timeout': 'PT0S', 'estimatedDuration': 30,"
            + " 'region': '', 'regionRequired': 'yes', 'dropIfExpired': 1, 'labels': {'a': 1},"
            + " 'colour': 'red'}";

    // WHEN it is validated
    ValidationResult result = validate(null, json);

    // THEN it is rejected with one error per broken rule, each naming its field
    assertThat(result.isValid()).isFalse();
    assertThat(result.task()).isEmpty();
    assertThat(fields(result.errors()))
        .containsExactlyInAnyOrder(
            "id",
            "type",
            "pool",
            "priority.level",
            "priority.businessValue",
            "priority.urgencyMultiplier",
            "priority.deadline",
            "requiredCapabilities",
            "dependencies[0]",
            "maxRetries",
            "retryBackoff",
            "timeout",
            "estimatedDuration",
            "region",
            "regionRequired",
            "dropIfExpired",
            "labels.a");
    assertThat(fields(result.warnings())).containsExactly("colour");
    assertThat(result.describe()).contains("WARNING colour: unknown field, ignored");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "missing id        | {'type': 'x'}                              | id     | is required",
        "null id           | {'id': null, 'type': 'x'}                  | id     | is required",
        "empty id          | {'id': '', 'type': 'x'}                    | id     | must not be empty",
        "blank id          | {'id': '  ', 'type': 'x'}                  | id     | must not be empty",
        "numeric id        | {'id': 12, 'type': 'x'}                    | id     | must be text",
        "id with space     | {'id': 'a b', 'type': 'x'}                 | id     | must not contain",
        "missing type      | {'id': 'k'}                                | type   | is required",
        "empty type        | {'id': 'k', 'type': ''}                    | type   | must not be empty",
        "type not text     | {'id': 'k', 'type': ['x']}                 | type   | must be text",
        "pool not text     | {'id': 'k', 'type': 'x', 'pool': 3}        | pool   | non-empty text",
        "bad pool name     | {'id': 'k', 'type': 'x', 'pool': 'a/b'}    | pool   | pool name 'a/b'",
        "priority not obj  | {'id': 'k', 'type': 'x', 'priority': 5}    | priority | must be an object",
        "level 0           | {'id': 'k', 'type': 'x', 'priority': {'level': 0}}    | priority.level | was 0",
        "level 11          | {'id': 'k', 'type': 'x', 'priority': {'level': 11}}   | priority.level | was 11",
        "level huge        | {'id': 'k', 'type': 'x', 'priority': {'level': 4294967301}} | priority.level | was 4294967301",
        "level fraction    | {'id': 'k', 'type': 'x', 'priority': {'level': 2.5}}  | priority.level | whole number",
        "value zero        | {'id': 'k', 'type': 'x', 'priority': {'businessValue': 0}} | priority.businessValue | greater than 0",
        "value text        | {'id': 'k', 'type': 'x', 'priority': {'businessValue': 'a'}} | priority.businessValue | must be a number",
        "multiplier < 0    | {'id': 'k', 'type': 'x', 'priority': {'urgencyMultiplier': -2}} | priority.urgencyMultiplier | greater than 0",
        "deadline number   | {'id': 'k', 'type': 'x', 'priority': {'deadline': 5}} | priority.deadline | ISO-8601 instant",
        "deadline no zone  | {'id': 'k', 'type': 'x', 'priority': {'deadline': '2026-12-04T18:00:00'}} | priority.deadline | is not an ISO-8601 instant",
        "caps not list     | {'id': 'k', 'type': 'x', 'requiredCapabilities': 'gpu'} | requiredCapabilities | list of text",
        "empty capability  | {'id': 'k', 'type': 'x', 'requiredCapabilities': ['gpu', '']} | requiredCapabilities[1] | non-empty text",
        "deps not list     | {'id': 'k', 'type': 'x', 'dependencies': {}} | dependencies | list of text",
        "self dependency   | {'id': 'k', 'type': 'x', 'dependencies': ['a', 'k']} | dependencies | depends on itself",
        "retries text      | {'id': 'k', 'type': 'x', 'maxRetries': '3'} | maxRetries | whole number",
        "retries negative  | {'id': 'k', 'type': 'x', 'maxRetries': -1}  | maxRetries | must be 0-100",
        "retries 101       | {'id': 'k', 'type': 'x', 'maxRetries': 101} | maxRetries | must be 0-100",
        "retries huge      | {'id': 'k', 'type': 'x', 'maxRetries': 4294967296} | maxRetries | must be 0-100",
        "backoff number    | {'id': 'k', 'type': 'x', 'retryBackoff': 1000} | retryBackoff | like PT30S",
        "backoff negative  | {'id': 'k', 'type': 'x', 'retryBackoff': 'PT-1S'} | retryBackoff | must be >= 0",
        "timeout zero      | {'id': 'k', 'type': 'x', 'timeout': 'PT0S'} | timeout | must be positive",
        "timeout garbage   | {'id': 'k', 'type': 'x', 'timeout': '30s'} | timeout | is not an ISO-8601 duration",
        "estimate negative | {'id': 'k', 'type': 'x', 'estimatedDuration': '-PT1S'} | estimatedDuration | must be >= 0",
        "region empty      | {'id': 'k', 'type': 'x', 'region': ''} | region | non-empty text",
        "region required   | {'id': 'k', 'type': 'x', 'regionRequired': true} | regionRequired | no region is given",
        "required not bool | {'id': 'k', 'type': 'x', 'region': 'eu', 'regionRequired': 'true'} | regionRequired | true or false",
        "drop not bool     | {'id': 'k', 'type': 'x', 'dropIfExpired': 0} | dropIfExpired | true or false",
        "labels not object | {'id': 'k', 'type': 'x', 'labels': ['a']} | labels | object of text values",
        "label not text    | {'id': 'k', 'type': 'x', 'labels': {'n': 5}} | labels.n | must be text",
      })
  void shouldReportOneErrorNamingTheFieldWhenOneRuleIsBroken(
      String rule, String json, String field, String message) {
    // GIVEN a submission that breaks one rule (keyed by its id, when it has one)
    String key = json.contains("'id': 'k'") ? "k" : null;

    // WHEN it is validated
    ValidationResult result = validate(key, json);

    // THEN exactly one error names the field and says what is wrong
    assertThat(result.isValid()).as(rule).isFalse();
    assertThat(result.errors()).as(rule).hasSize(1);
    assertThat(result.errors().get(0).field()).as(rule).isEqualTo(field);
    assertThat(result.errors().get(0).message()).as(rule).contains(message);
  }

  @Test
  void shouldReportMismatchWhenTheKeyDiffersFromTheId() {
    // GIVEN a record keyed "other" whose id is "t1"
    // WHEN it is validated
    ValidationResult result = validate("other", "{'id': 't1', 'type': 'x'}");

    // THEN the id is flagged, naming both values
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("id");
              assertThat(p.message()).contains("'t1'", "'other'");
            });
  }

  @Test
  void shouldAcceptWithAWarningWhenFieldsAreUnknown() {
    // GIVEN a valid submission with unknown fields, also inside the priority
    String json = "{'id': 'k', 'type': 'x', 'colour': 'red', 'priority': {'level': 3, 'mood': 1}}";

    // WHEN it is validated
    ValidationResult result = validate("k", json);

    // THEN it is accepted and each unknown field is a warning naming it
    assertThat(result.isValid()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(fields(result.warnings())).containsExactlyInAnyOrder("colour", "priority.mood");
  }

  @Test
  void shouldAcceptWithAWarningWhenADependencyIsListedTwice() {
    // GIVEN dependencies with a duplicate / WHEN validated
    ValidationResult result = validate("k", "{'id': 'k', 'type': 'x', 'dependencies': ['a', 'a']}");

    // THEN it is accepted with a warning on dependencies
    assertThat(result.isValid()).isTrue();
    assertThat(fields(result.warnings())).containsExactly("dependencies");
  }

  @Test
  void shouldRejectWhenThePayloadIsOverTheLimit() {
    // GIVEN a validator with a 100-byte payload limit and a 200-byte payload
    SubmissionValidator small = new SubmissionValidator(100, 10_000);
    String json = "{\"id\":\"k\",\"type\":\"x\",\"payload\":{\"d\":\"" + "a".repeat(200) + "\"}}";

    // WHEN it is validated
    ValidationResult result = small.validate("k", json.getBytes(StandardCharsets.UTF_8));

    // THEN the payload is flagged with its size and the limit
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("payload");
              assertThat(p.message()).contains("over the limit of 100 bytes");
            });
  }

  @Test
  void shouldRejectWhenTheRecordIsOverTheLimit() {
    // GIVEN a validator with a 50-byte record limit and a longer record
    SubmissionValidator small = new SubmissionValidator(10, 50);
    byte[] raw = ("{\"id\":\"k\",\"type\":\"" + "x".repeat(60) + "\"}").getBytes();

    // WHEN it is validated / THEN the whole value is flagged
    assertThat(small.validate("k", raw).errors())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("(value)"));
  }

  @Test
  void shouldRejectWhenTheIdIsTooLong() {
    // GIVEN an id of 201 characters / WHEN validated / THEN the id is flagged
    String id = "i".repeat(SubmissionValidator.MAX_ID_LENGTH + 1);
    assertThat(fields(validate(id, "{'id': '" + id + "', 'type': 'x'}").errors()))
        .containsExactly("id");
  }

  @Test
  void shouldRejectWhenThereAreTooManyDependencies() {
    // GIVEN 1001 distinct dependencies
    StringBuilder deps = new StringBuilder();
    for (int i = 0; i <= SubmissionValidator.MAX_DEPENDENCIES; i++) {
      deps.append(i == 0 ? "" : ",").append("'d").append(i).append('\'');
    }
    // WHEN validated / THEN dependencies are flagged
    ValidationResult result =
        validate("k", "{'id': 'k', 'type': 'x', 'dependencies': [" + deps + "]}");
    assertThat(fields(result.errors())).containsExactly("dependencies");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"empty value | ", "not JSON | {'id': ", "JSON array | ['a']", "JSON text | 'a'"})
  void shouldRejectTheWholeValueWhenItIsNotAJsonObject(String what, String json) {
    // GIVEN a value that is not a JSON object
    byte[] raw = json == null ? new byte[0] : json.replace('\'', '"').getBytes();

    // WHEN validated / THEN one error concerns the whole value
    ValidationResult result = validator.validate("k", raw);
    assertThat(result.errors()).as(what).singleElement();
    assertThat(result.errors().get(0).field()).isEqualTo("(value)");
  }

  @Test
  void shouldRejectAMissingValueWhenTheRecordIsATombstone() {
    // GIVEN / WHEN a null value is validated / THEN it is rejected
    assertThat(fields(validator.validate("k", null).errors())).containsExactly("(value)");
  }

  @Test
  void shouldAcceptABuiltSubmissionWhenEveryFieldIsValid() {
    // GIVEN a submission with every field set
    TaskSubmission task = ModelFixtures.submission();

    // WHEN it is validated as built
    ValidationResult result = validator.validate(task);

    // THEN it is valid, with no problem, and reads back equal
    assertThat(result.problems()).isEmpty();
    assertThat(result.submission()).isEqualTo(task);
  }

  @Test
  void shouldRejectNullAndBadLimitsWhenAsked() {
    // GIVEN / WHEN null or bad limits are given / THEN the checks say so
    assertThatThrownBy(() -> validator.validate((TaskSubmission) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("task can't be null");
    assertThatThrownBy(() -> new SubmissionValidator(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubmissionValidator(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
