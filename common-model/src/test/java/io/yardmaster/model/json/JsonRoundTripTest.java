package io.yardmaster.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.yardmaster.model.AgentCounters;
import io.yardmaster.model.AgentHeartbeat;
import io.yardmaster.model.Assignment;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.ModelFixtures;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.validation.Problem;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRoundTripTest {

  static Stream<Arguments> everyRecord() {
    return Stream.of(
            ModelFixtures.submission(),
            TaskSubmission.of("minimal", "noop"),
            ModelFixtures.priority(),
            Priority.DEFAULT,
            ModelFixtures.assignment(),
            Assignment.cancel("task-1", "pool-a", "agent-1", 3, "lease-9", ModelFixtures.T0),
            ModelFixtures.heartbeat(),
            ModelFixtures.runningTask(),
            ModelFixtures.counters(),
            ModelFixtures.hostLoad(),
            ModelFixtures.result(),
            ModelFixtures.error(),
            ModelFixtures.event(),
            ModelFixtures.view(),
            ModelFixtures.command(),
            ControlCommand.pause("pool-a"),
            ModelFixtures.poolStatus(),
            ModelFixtures.scaling(),
            ModelFixtures.rejected(),
            ModelFixtures.deadLetter(),
            ModelFixtures.attempt(),
            ModelFixtures.explanation(),
            ModelFixtures.explanation().dependencies().get(0),
            ModelFixtures.explanation().score(),
            Problem.warning("labels", "unknown field, ignored"))
        .map(r -> arguments(r.getClass().getSimpleName(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecord")
  void shouldReadBackAnEqualRecordWhenWrittenThroughTheSerde(String name, Object record) {
    // GIVEN the serde of the record's type
    @SuppressWarnings("unchecked")
    JsonSerde<Object> serde = new JsonSerde<>((Class<Object>) record.getClass());

    // WHEN the record is written and read back
    byte[] json = serde.serialize("any-topic", record);
    Object back = serde.deserialize("any-topic", json);

    // THEN it equals the original, and the JSON is readable text
    assertThat(back).as(name).isEqualTo(record);
    assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{");
  }

  @Test
  void shouldRoundTripEveryRecordOfTheModelWhenNewOnesAreAdded() throws URISyntaxException {
    // GIVEN every record type in the io.yardmaster.model package
    Set<Class<?>> records = recordsOfModelPackage();

    // WHEN the round-trip cases are listed
    Set<Class<?>> covered =
        everyRecord().map(a -> a.get()[1].getClass()).collect(Collectors.toSet());

    // THEN each record type has a case
    assertThat(records).isNotEmpty();
    assertThat(covered).containsAll(records);
  }

  @Test
  void shouldWriteTheStableFieldNamesWhenWritingATaskView() {
    // GIVEN a task view
    TaskView view = ModelFixtures.view();

    // WHEN it is written
    String json = new String(JsonSerde.of(TaskView.class).serialize("t", view), UTF8);

    // THEN the contract's field names are there, with ISO-8601 instants and the state's name
    assertThat(json)
        .contains(
            "\"id\":\"task-1\"",
            "\"state\":\"RUNNING\"",
            "\"pool\":\"data-processing\"",
            "\"agentId\":\"agent-7\"",
            "\"attempt\":2",
            "\"reason\":\"started\"",
            "\"submittedAt\":\"2026-12-04T17:00:00.123456789Z\"");
  }

  @Test
  void shouldWriteDurationsAsIsoTextWhenWritingASubmission() {
    // GIVEN a submission with durations
    TaskSubmission task = ModelFixtures.submission();

    // WHEN it is written
    String json = new String(JsonSerde.of(TaskSubmission.class).serialize("t", task), UTF8);

    // THEN durations are ISO-8601 text, not numbers
    assertThat(json).contains("\"timeout\":\"PT30S\"", "\"estimatedDuration\":\"PT0.3S\"");
  }

  @Test
  void shouldReadAPreferredZoneAndDefaultItToNoneWhenAbsent() {
    // GIVEN a submission preferring zone b of eu-west, and one without a zone
    JsonSerde<TaskSubmission> serde = JsonSerde.of(TaskSubmission.class);
    String withZone = "{\"id\":\"z\",\"type\":\"x\",\"region\":\"eu-west\",\"zone\":\"b\"}";
    // WHEN they are read
    TaskSubmission zoned = serde.deserialize("t", withZone.getBytes(UTF8));
    TaskSubmission plain = serde.deserialize("t", "{\"id\":\"p\",\"type\":\"x\"}".getBytes(UTF8));
    // THEN the zone is kept (and survives a round trip), and is null when absent
    assertThat(zoned.zone()).isEqualTo("b");
    assertThat(serde.deserialize("t", serde.serialize("t", zoned))).isEqualTo(zoned);
    assertThat(plain.zone()).isNull();
  }

  @Test
  void shouldKeepDerivedValuesOutOfTheJsonWhenWritingRecords() {
    // GIVEN records with derived accessors (idempotencyKey, done, key)
    String assignment =
        new String(JsonSerde.of(Assignment.class).serialize("t", ModelFixtures.assignment()), UTF8);
    String counters =
        new String(
            JsonSerde.of(AgentCounters.class).serialize("t", ModelFixtures.counters()), UTF8);
    String command =
        new String(
            JsonSerde.of(ControlCommand.class).serialize("t", ModelFixtures.command()), UTF8);

    // THEN only the components are written
    assertThat(assignment).doesNotContain("idempotencyKey");
    assertThat(counters).doesNotContain("done");
    assertThat(command).doesNotContain("\"key\"");
  }

  @Test
  void shouldApplyDefaultsWhenAHeartbeatOmitsOptionalFields() {
    // GIVEN a heartbeat with only the agent and pool
    byte[] json = "{\"agentId\":\"a1\",\"pool\":\"p\"}".getBytes(UTF8);

    // WHEN it is read
    AgentHeartbeat hb = JsonSerde.of(AgentHeartbeat.class).deserialize("t", json);

    // THEN the defaults are in place
    assertThat(hb.status()).isEqualTo(AgentHeartbeat.Status.ACTIVE);
    assertThat(hb.weight()).isEqualTo(1.0);
    assertThat(hb.capabilities()).isEmpty();
    assertThat(hb.running()).isEmpty();
  }

  @Test
  void shouldKeepAttemptHistoryWhenADeadLetterIsRead() {
    // GIVEN a dead letter with two attempts
    DeadLetter letter = ModelFixtures.deadLetter();

    // WHEN it is written and read back
    JsonSerde<DeadLetter> serde = JsonSerde.of(DeadLetter.class);
    DeadLetter back = serde.deserialize("t", serde.serialize("t", letter));

    // THEN the attempts and the original submission survive
    assertThat(back.attempts()).hasSize(2);
    assertThat(back.task()).isEqualTo(ModelFixtures.submission());
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Set<Class<?>> recordsOfModelPackage() throws URISyntaxException {
    URL classes = TaskSubmission.class.getProtectionDomain().getCodeSource().getLocation();
    File dir = new File(new File(classes.toURI()), "io/yardmaster/model");
    File[] files = dir.listFiles((d, n) -> n.endsWith(".class"));
    List<String> names =
        Arrays.stream(Objects.requireNonNull(files))
            .map(f -> "io.yardmaster.model." + f.getName().replace(".class", ""))
            .toList();
    return names.stream()
        .map(JsonRoundTripTest::load)
        .filter(Class::isRecord)
        .collect(Collectors.toSet());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
