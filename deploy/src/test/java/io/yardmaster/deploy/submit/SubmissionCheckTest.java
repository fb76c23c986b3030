package io.yardmaster.deploy.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.model.validation.SubmissionValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionCheckTest {
  private final SubmissionCheck check = new SubmissionCheck(new SubmissionValidator());

  private static List<RawSubmission> read(String jsonLines) {
    return SubmissionReader.read(
        "tasks.jsonl", new ByteArrayInputStream(jsonLines.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldListEveryProblemOfEveryTaskWhenSeveralAreWrong() {
    // GIVEN one good task and two with problems
    List<RawSubmission> batch =
        read(
            """
            {"id": "ok", "type": "sleep"}
            {"id": "bad-1", "type": "sleep", "priority": {"level": 12}, "timeout": "soon"}
            {"type": "sleep"}
            """);

    // WHEN / THEN the batch is refused, naming each problem with its line and task
    assertThatThrownBy(() -> check.require(batch))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("2 of 3 tasks have problems; nothing was submitted:")
        .hasMessageContaining(
            "tasks.jsonl line 2 (task 'bad-1'): priority.level: must be from 1 to 10, was 12")
        .hasMessageContaining(
            "tasks.jsonl line 2 (task 'bad-1'): timeout: 'soon' is not an ISO-8601")
        .hasMessageContaining("tasks.jsonl line 3: id: is required");
  }

  @Test
  void shouldAcceptWithWarningsWhenOnlyWarningsAreFound() {
    // GIVEN a task with an unknown field, twice
    List<RawSubmission> batch =
        read(
            """
            {"id": "a", "type": "sleep", "colour": "red"}
            {"id": "a", "type": "sleep"}
            """);

    // WHEN checking it
    SubmissionCheck.Outcome outcome = check.require(batch);

    // THEN it may be sent, and the warnings say why they matter
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.warnings())
        .containsExactly(
            "tasks.jsonl line 1 (task 'a'): colour: unknown field, ignored",
            "tasks.jsonl line 2 (task 'a'): id 'a' appears more than once; the dispatcher keeps"
                + " the first");
  }

  @Test
  void shouldNotAllowNullValidatorWhenBuilt() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> new SubmissionCheck(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("validator can't be null");
  }
}
