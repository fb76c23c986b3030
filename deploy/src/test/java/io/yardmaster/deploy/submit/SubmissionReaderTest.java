package io.yardmaster.deploy.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.deploy.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderTest {
  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadEveryLineWhenGivenJsonLines() {
    // GIVEN two tasks, one per line
    String lines = "{\"id\":\"a\",\"type\":\"noop\"}\n\n{\"id\":\"b\",\"type\":\"noop\"}\n";

    // WHEN reading them
    List<RawSubmission> tasks = SubmissionReader.read("tasks.jsonl", text(lines));

    // THEN both come back, each with its line
    assertThat(tasks).extracting(RawSubmission::id).containsExactly("a", "b");
    assertThat(tasks)
        .extracting(RawSubmission::source)
        .containsExactly("tasks.jsonl line 1", "tasks.jsonl line 3");
  }

  @Test
  void shouldReadEveryItemWhenGivenAJsonArray() {
    // GIVEN a pretty-printed array
    String array =
        "[\n  {\"id\": \"a\", \"type\": \"noop\"},\n  {\"id\": \"b\", \"type\": \"noop\"}\n]";

    // WHEN reading it
    List<RawSubmission> tasks = SubmissionReader.read("tasks.json", text(array));

    // THEN each item is a task, named by item and line
    assertThat(tasks).extracting(RawSubmission::id).containsExactly("a", "b");
    assertThat(tasks.get(1).source()).isEqualTo("tasks.json item 2, line 3");
  }

  @Test
  void shouldNameTheLineWhenTheJsonIsBroken() {
    // GIVEN a second line that is not JSON
    String broken = "{\"id\":\"a\",\"type\":\"noop\"}\n{\"id\": oops}\n";

    // WHEN / THEN reading it fails with the line and what is wrong
    assertThatThrownBy(() -> SubmissionReader.read("tasks.jsonl", text(broken)))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("tasks.jsonl line 2: not valid JSON: Unrecognized token 'oops'");
  }

  @Test
  void shouldRefuseWhenAnItemIsNotAnObject() {
    // GIVEN an array holding a string
    String array = "[{\"id\":\"a\",\"type\":\"noop\"}, \"b\"]";

    // WHEN / THEN the message says what was found instead
    assertThatThrownBy(() -> SubmissionReader.read("tasks.json", text(array)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "tasks.json item 2, line 1: expected a task object {...}, found the text \"b\"");
  }

  @Test
  void shouldRefuseWhenTheInputHoldsNoTask() {
    // GIVEN blank input
    // WHEN / THEN reading it explains the expected format
    assertThatThrownBy(() -> SubmissionReader.read("stdin", text("  \n")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("stdin holds no task; write one JSON object per task");
  }

  @Test
  void shouldExplainWhenTheFileDoesNotExist(@TempDir Path dir) {
    // GIVEN a path with no file
    Path missing = dir.resolve("nope.json");

    // WHEN / THEN the message names the file and the alternatives
    assertThatThrownBy(() -> SubmissionReader.read(missing, InputStream.nullInputStream()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("cannot read " + missing + ": no such file")
        .hasMessageContaining("'-' to read the tasks from stdin");
  }

  @Test
  void shouldReadStdinWhenTheFileIsADash(@TempDir Path dir) throws Exception {
    // GIVEN a file and a different stdin
    Path file =
        Files.writeString(dir.resolve("t.json"), "{\"id\":\"from-file\",\"type\":\"noop\"}");

    // WHEN reading "-" and the file
    List<RawSubmission> fromStdin =
        SubmissionReader.read(Path.of("-"), text("{\"id\":\"from-stdin\",\"type\":\"noop\"}"));
    List<RawSubmission> fromFile = SubmissionReader.read(file, InputStream.nullInputStream());

    // THEN each comes from where it should
    assertThat(fromStdin).extracting(RawSubmission::id).containsExactly("from-stdin");
    assertThat(fromFile).extracting(RawSubmission::id).containsExactly("from-file");
  }
}
