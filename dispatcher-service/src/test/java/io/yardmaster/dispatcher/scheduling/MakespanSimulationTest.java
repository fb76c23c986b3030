package io.yardmaster.dispatcher.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.dispatcher.scheduling.strategy.Strategies;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 2,000 tasks of mixed lengths (fixed seed) on eight agents of different speeds, strictly
 * late-bound (work-ahead cap 0), on a simulated clock: the makespan of every strategy against the
 * longest-processing-time-first (LPT) schedule.
 */
class MakespanSimulationTest {
  private static final int TASKS = 2_000;
  private static final long SEED = 42;

  @Test
  void shouldFinishWithinFifteenPercentOfLptAndBeatRoundRobinWhenPerformanceBased() {
    // GIVEN one workload, and the LPT schedule of it on the same agents
    MakespanSimulation.Workload load = MakespanSimulation.Workload.generate(TASKS, SEED);
    long lpt = MakespanSimulation.lptMakespan(load);
    long bound = MakespanSimulation.lowerBound(load);
    // WHEN each strategy schedules it
    Map<String, Long> makespan = new LinkedHashMap<>();
    Map<String, int[]> ran = new LinkedHashMap<>();
    for (String strategy : Strategies.names()) {
      MakespanSimulation sim = new MakespanSimulation(load, strategy);
      makespan.put(strategy, sim.run());
      ran.put(strategy, sim.ran());
    }
    // THEN (the table goes to the test log)
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%nMakespan, %d tasks (seed %d, %.0f s of work at speed 1), agents x%s, %d slots each,"
                + " work-ahead cap 0%n",
            TASKS,
            SEED,
            load.total() / 1000.0,
            Arrays.toString(MakespanSimulation.SPEEDS),
            MakespanSimulation.SLOTS));
    table.append(
        String.format(
            Locale.ROOT,
            "%-22s %10s %8s %8s  %s%n",
            "strategy",
            "makespan",
            "vs LPT",
            "vs ideal",
            "tasks per agent"));
    table.append(row("LPT (offline)", lpt, lpt, bound, null));
    table.append(row("ideal (work/speed)", bound, lpt, bound, null));
    makespan.forEach((s, m) -> table.append(row(s, m, lpt, bound, ran.get(s))));
    System.out.println(table);
    assertThat(makespan.get("performance-based")).isLessThanOrEqualTo(Math.round(lpt * 1.15));
    assertThat(makespan.get("performance-based")).isLessThan(makespan.get("round-robin"));
  }

  private static String row(String name, long ms, long lpt, long bound, int[] ran) {
    return String.format(
        Locale.ROOT,
        "%-22s %9.1fs %+7.1f%% %+7.1f%%  %s%n",
        name,
        ms / 1000.0,
        100.0 * (ms - lpt) / lpt,
        100.0 * (ms - bound) / bound,
        ran == null ? "" : Arrays.toString(ran));
  }
}
