package io.yardmaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void shouldAlignColumnsWhenRowsDifferInWidth() {
    // GIVEN
    TextTable table = new TextTable("pool", "tasks").alignRight("tasks");

    // WHEN
    table.row("data-processing", 25).row("ai", null);

    // THEN
    assertThat(table.lines())
        .containsExactly(
            "pool             tasks", "data-processing     25", "ai                   -");
  }

  @Test
  void shouldRefuseWhenARowHasTheWrongNumberOfCells() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> new TextTable("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a row needs 2 cells");
  }
}
