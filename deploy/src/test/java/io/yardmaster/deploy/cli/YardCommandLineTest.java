package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.YardRunner;
import io.yardmaster.deploy.testing.YardRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: help at every level, and mistakes caught before Kafka is contacted. */
class YardCommandLineTest {
  /** Nothing listens here, so a test that reached Kafka would fail with exit code 3. */
  private static final String NO_KAFKA = "127.0.0.1:1";

  private final YardRunner yard = YardRunner.plain();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "local",
        "submit",
        "status",
        "watch",
        "cancel",
        "priority",
        "pools",
        "agents",
        "dlq",
        "dlq list",
        "dlq replay",
        "topics",
        "topics ensure"
      })
  void shouldPrintUsageWhenAskedForHelp(String command) {
    // GIVEN a command path / WHEN asking for its help
    List<String> path = command.isEmpty() ? List.of() : List.of(command.split(" "));
    Result result = yard.run(path, "--help");

    // THEN it prints its usage and succeeds
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: yard" + (command.isEmpty() ? "" : " " + command));
  }

  @Test
  void shouldListTheCommandsWhenRunWithoutOne() {
    // GIVEN / WHEN
    Result result = yard.run(List.of());

    // THEN
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Commands:", "local", "submit", "dlq");
  }

  @Test
  void shouldSuggestTheRightOptionWhenOneIsMistyped() {
    // GIVEN / WHEN
    Result result = yard.run("submit", "--tpye=sleep");

    // THEN one message, a hint, no stack trace
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("yard submit: Unknown option: '--tpye=sleep'")
        .contains("See 'yard submit --help'.")
        .doesNotContain("at picocli");
  }

  @Test
  void shouldExplainWhenSubmitHasNoType() {
    // GIVEN / WHEN
    Result result = yard.run("submit", "--bootstrap-servers", NO_KAFKA, "--id", "t-1");

    // THEN
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("yard submit: --type is required");
  }

  @Test
  void shouldPrintEveryProblemAndSubmitNothingWhenTheFileHasBadTasks(@TempDir Path dir)
      throws Exception {
    // GIVEN a file with two bad tasks
    Path file =
        Files.writeString(
            dir.resolve("tasks.jsonl"),
            """
            {"id": "a", "type": "sleep", "priority": {"level": 0}}
            {"id": "b", "type": "sleep", "dependencies": ["b"], "maxRetries": -1}
            """);

    // WHEN submitting it (to a cluster that does not exist)
    Result result = yard.run("submit", "--bootstrap-servers", NO_KAFKA, "-f", file.toString());

    // THEN every problem is listed, with no attempt to reach Kafka
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("2 of 2 tasks have problems; nothing was submitted:")
        .contains("line 1 (task 'a'): priority.level: must be from 1 to 10, was 0")
        .contains("line 2 (task 'b'): dependencies: the task depends on itself ('b')")
        .contains("line 2 (task 'b'): maxRetries: must be 0-100, was -1")
        .doesNotContain("Exception");
    assertThat(result.took()).isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void shouldNameTheLineWhenTheFileIsNotJson(@TempDir Path dir) throws Exception {
    // GIVEN
    Path file =
        Files.writeString(
            dir.resolve("tasks.json"), "[{\"id\": \"a\", \"type\": \"sleep\"},\n oops]");

    // WHEN
    Result result = yard.run("submit", "--bootstrap-servers", NO_KAFKA, "-f", file.toString());

    // THEN
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("yard submit: " + file + " line 2: not valid JSON");
  }

  @Test
  void shouldRefuseAPayloadThatIsNotJsonWhenGivenByFlag() {
    // GIVEN / WHEN
    Result result =
        yard.run(
            "submit", "--bootstrap-servers", NO_KAFKA, "--type", "sleep", "--payload", "{ms:1");

    // THEN
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--payload is not valid JSON").contains("Quote it");
  }

  @Test
  void shouldRefuseALevelOutOfRangeWhenChangingPriority() {
    // GIVEN / WHEN
    Result result = yard.run("priority", "--bootstrap-servers", NO_KAFKA, "t-1", "11");

    // THEN
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("yard priority: LEVEL must be 1-10, was 11" + System.lineSeparator());
  }

  @Test
  void shouldRefuseABadPoolSpecWhenRunningLocally() {
    // GIVEN / WHEN
    Result result = yard.run("local", "--pool", "gpu:two:4");

    // THEN nothing starts
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("agents must be a whole number, was 'two'");
  }
}
