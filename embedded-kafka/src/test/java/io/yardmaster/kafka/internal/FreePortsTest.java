package io.yardmaster.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void shouldReturnDistinctPortsWhenSeveralArePicked() {
    // GIVEN / WHEN six ports are picked at once
    List<Integer> ports = FreePorts.pick(6);

    // THEN they are distinct, valid ports
    assertThat(ports).hasSize(6);
    assertThat(new HashSet<>(ports)).hasSize(6);
    assertThat(ports).allSatisfy(p -> assertThat(p).isBetween(1, 65_535));
  }
}
