package io.yardmaster.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.TaskSubmission;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private final JsonSerde<TaskSubmission> serde = JsonSerde.of(TaskSubmission.class);

  @Test
  void shouldMapNullToNullWhenSerializingOrDeserializing() {
    // GIVEN the submission serde
    // WHEN null goes through either way
    // THEN null comes out (tombstones stay tombstones)
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void shouldThrowSerializationExceptionNamingTypeAndTopicWhenJsonIsGarbage() {
    // GIVEN bytes that are not JSON
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    // WHEN they are read / THEN a SerializationException names the type and the topic
    assertThatThrownBy(() -> serde.deserialize("yard.tasks.submit", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("TaskSubmission")
        .hasMessageContaining("yard.tasks.submit");
  }

  @Test
  void shouldThrowSerializationExceptionWhenARequiredFieldIsMissing() {
    // GIVEN a submission without a type
    byte[] json = "{\"id\":\"t1\"}".getBytes(StandardCharsets.UTF_8);

    // WHEN it is read / THEN the record's null check surfaces as a SerializationException
    assertThatThrownBy(() -> serde.deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("type can't be null");
  }

  @Test
  void shouldIgnoreUnknownFieldsWhenANewerProducerAddsThem() {
    // GIVEN a submission with a field this version does not know
    byte[] json =
        "{\"id\":\"t1\",\"type\":\"x\",\"futureField\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8);

    // WHEN it is read
    TaskSubmission task = serde.deserialize("t", json);

    // THEN the known fields are read and the unknown one is ignored
    assertThat(task).isEqualTo(TaskSubmission.of("t1", "x"));
  }

  @Test
  void shouldServeItselfAsSerializerAndDeserializerWhenUsedAsSerde() {
    // GIVEN the serde / WHEN its parts are asked for / THEN it is both
    assertThat(serde.serializer()).isSameAs(serde);
    assertThat(serde.deserializer()).isSameAs(serde);
    assertThat(serde.type()).isEqualTo(TaskSubmission.class);
  }

  @Test
  void shouldRejectNullArgumentsWhenBuilt() {
    // GIVEN / WHEN a serde is built without a type or mapper / THEN the check names the argument
    assertThatThrownBy(() -> new JsonSerde<>(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type can't be null");
    assertThatThrownBy(() -> new JsonSerde<>(TaskSubmission.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mapper can't be null");
  }
}
