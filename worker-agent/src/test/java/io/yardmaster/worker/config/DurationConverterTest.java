package io.yardmaster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @Test
  void shouldReadIsoAndShortFormsWhenGiven() {
    assertThat(DurationConverter.parse("PT1S")).isEqualTo(Duration.ofSeconds(1));
    assertThat(DurationConverter.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldExplainFormatsWhenValueIsNotADuration() {
    assertThatThrownBy(() -> DurationConverter.parse("soon"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'soon'")
        .hasMessageContaining("PT1S");
  }
}
