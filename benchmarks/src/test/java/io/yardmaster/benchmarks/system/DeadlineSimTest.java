package io.yardmaster.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.benchmarks.system.DeadlineSim.Arrival;
import io.yardmaster.benchmarks.system.DeadlineSim.Misses;
import io.yardmaster.benchmarks.system.DeadlineSim.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineSimTest {
  @Test
  void shouldServeEarliestDeadlineFirstWhenTasksWait() {
    // GIVEN one server busy until 10 with the first task, and two more waiting: the later one due
    // sooner
    List<Arrival> arrivals =
        List.of(new Arrival(0, 100, false), new Arrival(1, 100, false), new Arrival(2, 25, true));

    // WHEN
    Misses edf = DeadlineSim.run(arrivals, 1, 10, Policy.EDF);
    Misses fifo = DeadlineSim.run(arrivals, 1, 10, Policy.FIFO);

    // THEN EDF runs the urgent task second (done at 20) and misses nothing; FIFO runs it third
    // (done at 30) and misses it
    assertThat(edf).isEqualTo(new Misses(3, 0, 1, 0));
    assertThat(fifo).isEqualTo(new Misses(3, 1, 1, 1));
    assertThat(fifo.rate()).isEqualTo(1.0 / 3);
    assertThat(fifo.valuableRate()).isEqualTo(1.0);
  }

  @Test
  void shouldKeepServersIdleUntilWorkArrivesWhenUnderloaded() {
    // GIVEN two servers and tasks far apart: each starts when it arrives
    List<Arrival> arrivals =
        List.of(
            new Arrival(0, 10, false), new Arrival(100, 110, false), new Arrival(200, 209, false));

    // WHEN
    Misses misses = DeadlineSim.run(arrivals, 2, 10, Policy.FIFO);

    // THEN only the task whose deadline is shorter than its service time misses
    assertThat(misses.missed()).isEqualTo(1);
  }

  @Test
  void shouldRejectNoServers() {
    assertThatThrownBy(() -> DeadlineSim.run(List.of(), 0, 10, Policy.EDF))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
