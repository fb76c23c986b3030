package io.yardmaster.benchmarks.system;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code scripts/bench} run measured, as written to {@code target/bench/bench.json}.
 *
 * @param command the exact command line
 * @param settings the settings that shape the figures (sizes, JVM options, dispatcher options)
 * @param modes one result per processing guarantee
 */
public record BenchRun(
    String startedAt,
    String command,
    boolean quick,
    Machine machine,
    Map<String, String> settings,
    List<ModeResult> modes,
    double minutes,
    String loadAverageAfter) {

  /**
   * The figures of one processing guarantee.
   *
   * @param peakRssMiB peak resident memory (VmHWM) per process
   * @param notes what happened along the way (retries, timeouts), for the reader
   */
  public record ModeResult(
      String mode, List<Figure> figures, Map<String, Double> peakRssMiB, List<String> notes) {}
}
