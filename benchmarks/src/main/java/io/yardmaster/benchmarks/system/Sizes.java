package io.yardmaster.benchmarks.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** How big each workload is: the full run, or a quick one to check the harness. */
record Sizes(
    int warmup,
    int throughputTasks,
    int latencySeconds,
    int latencyRate,
    int priorityLow,
    int priorityHigh,
    int chains,
    int chainLength,
    int crashTasks,
    int deadlineSeconds,
    int ceilingRecords,
    int ceilingRoundTrips) {

  static Sizes full() {
    return new Sizes(6_000, 20_000, 20, 500, 5_000, 500, 200, 10, 1_000, 30, 200_000, 5_000);
  }

  static Sizes quick() {
    return new Sizes(1_000, 2_000, 4, 500, 500, 50, 30, 10, 200, 6, 20_000, 500);
  }

  Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("warm-up", warmup + " no-op tasks on the W1 agents before measuring");
    m.put("W1", throughputTasks + " no-op tasks at once, 2 agents x 2 slots, run twice");
    m.put("W2", latencyRate + " tasks/s for " + latencySeconds + " s, no-op, 2 agents x 2 slots");
    m.put(
        "W3",
        priorityLow
            + " low (level 1) then "
            + priorityHigh
            + " high (level 10) sleep 1 ms tasks queued, then 1 agent x 2 slots");
    m.put("W4", chains + " chains of " + chainLength + " no-op tasks, 2 agents x 2 slots");
    m.put("W5", crashTasks + " sleep 20 ms tasks, 2 agents x 4 slots, one killed (-9) at 30% done");
    m.put(
        "W6",
        "Poisson 110% of 4 slots x 20 ms for "
            + deadlineSeconds
            + " s, deadlines U(0.5 s, 10 s), 30% business value 2, seed 6");
    m.put(
        "Kafka ceilings",
        "ProducerPerformance "
            + ceilingRecords
            + " records; EndToEndLatency "
            + ceilingRoundTrips
            + " round trips");
    return m;
  }
}
