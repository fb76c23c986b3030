package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.deploy.testing.TopicFixture;
import io.yardmaster.deploy.testing.YardRunner.Result;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafkaBroker.class)
class SubmitCommandIT {
  private TopicFixture kafka;

  @BeforeEach
  void topics(KafkaClientSettings settings) {
    kafka = TopicFixture.create(settings, "gpu");
  }

  @Test
  void shouldWriteOneTaskKeyedByIdWhenGivenFlags() throws Exception {
    // GIVEN / WHEN submitting one task with most flags
    Result result =
        kafka
            .yard()
            .run(
                "submit",
                "--id",
                "render-1",
                "--type",
                "sleep",
                "--payload",
                "{\"ms\": 50}",
                "--pool",
                "gpu",
                "--priority",
                "8",
                "--business-value",
                "2.5",
                "--deadline",
                "2030-01-01T00:00:00Z",
                "--capability",
                "cuda,ml",
                "--depends-on",
                "prep-1",
                "--depends-on",
                "prep-2",
                "--max-retries",
                "2",
                "--retry-backoff",
                "PT0.5S",
                "--label",
                "tenant=acme");

    // THEN it prints the id, and the record is the task in the public format
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).isEqualTo("render-1" + System.lineSeparator());
    assertThat(result.err()).contains("submitted 1 task to " + kafka.prefix() + "tasks.submit");
    List<ConsumerRecord<String, String>> records = kafka.readAll(kafka.topics().submit());
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("render-1");
    JsonNode task = Json.mapper().readTree(records.get(0).value());
    assertThat(task.get("type").asText()).isEqualTo("sleep");
    assertThat(task.get("payload").get("ms").asInt()).isEqualTo(50);
    assertThat(task.get("pool").asText()).isEqualTo("gpu");
    assertThat(task.get("priority").get("level").asInt()).isEqualTo(8);
    assertThat(task.get("priority").get("businessValue").asDouble()).isEqualTo(2.5);
    assertThat(task.get("priority").get("deadline").asText()).isEqualTo("2030-01-01T00:00:00Z");
    assertThat(task.get("requiredCapabilities").toString()).isEqualTo("[\"cuda\",\"ml\"]");
    assertThat(task.get("dependencies").toString()).isEqualTo("[\"prep-1\",\"prep-2\"]");
    assertThat(task.get("maxRetries").asInt()).isEqualTo(2);
    assertThat(task.get("labels").get("tenant").asText()).isEqualTo("acme");
  }

  @Test
  void shouldMakeUpAnIdWhenNoneIsGiven() {
    // GIVEN / WHEN
    Result result = kafka.yard().run("submit", "--type", "noop");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    String id = result.out().trim();
    assertThat(id).matches("task-[0-9a-f]{8}");
    assertThat(kafka.readAll(kafka.topics().submit()))
        .extracting(ConsumerRecord::key)
        .containsExactly(id);
  }

  @Test
  void shouldWriteEveryTaskAsWrittenWhenGivenAFile(@TempDir Path dir) throws Exception {
    // GIVEN a JSON-lines file, one task with a field this version does not know
    Path file =
        Files.writeString(
            dir.resolve("tasks.jsonl"),
            """
            {"id": "t-1", "type": "sleep", "payload": {"ms": 10}}
            {"id": "t-2", "type": "sleep", "futureField": true}
            {"id": "t-3", "type": "echo", "dependencies": ["t-1", "t-2"]}
            """);

    // WHEN submitting the file
    Result result = kafka.yard().run("submit", "-f", file.toString());

    // THEN every id is printed, the warning shown, and the records kept as written
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out().lines()).containsExactly("t-1", "t-2", "t-3");
    assertThat(result.err()).contains("warning: ").contains("futureField: unknown field, ignored");
    List<ConsumerRecord<String, String>> records = kafka.readAll(kafka.topics().submit());
    assertThat(records)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("t-1", "t-2", "t-3");
    assertThat(records)
        .filteredOn(r -> r.key().equals("t-2"))
        .extracting(ConsumerRecord::value)
        .containsExactly("{\"id\":\"t-2\",\"type\":\"sleep\",\"futureField\":true}");
  }

  @Test
  void shouldReadTasksFromStdinWhenTheFileIsADash() {
    // GIVEN / WHEN
    Result result =
        kafka
            .yard()
            .withStdin(
                "[{\"id\": \"s-1\", \"type\": \"noop\"}, {\"id\": \"s-2\", \"type\": \"noop\"}]")
            .run("submit", "-f", "-");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out().lines()).containsExactly("s-1", "s-2");
    assertThat(kafka.readAll(kafka.topics().submit())).hasSize(2);
  }

  @Test
  void shouldSubmitNothingWhenOneTaskOfTheFileIsBad(@TempDir Path dir) throws Exception {
    // GIVEN a file whose second task has no type
    Path file =
        Files.writeString(
            dir.resolve("tasks.jsonl"),
            "{\"id\": \"ok\", \"type\": \"noop\"}\n{\"id\": \"bad\"}\n");

    // WHEN
    Result result = kafka.yard().run("submit", "-f", file.toString());

    // THEN the problem is named and the topic stays empty
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("line 2 (task 'bad'): type: is required");
    assertThat(kafka.readAll(kafka.topics().submit())).isEmpty();
  }
}
