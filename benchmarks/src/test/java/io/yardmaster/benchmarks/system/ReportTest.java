package io.yardmaster.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static BenchRun run() {
    Machine machine = new Machine(2, 24_000, "CPU", "Linux", "JDK 17", "4.4.0", "0.1 0.2 0.3");
    List<Figure> figures =
        List.of(
            Figure.of("W1", "processed", 12_345.6, "tasks/s")
                .against(100_000, "ProducerPerformance")
                .target(Figure.Target.atLeast(10_000)),
            Figure.of("W2", "submit→complete p99", 200, "ms").target(Figure.Target.atMost(150)));
    return new BenchRun(
        "2026-12-04T22:00:00Z",
        "scripts/bench --quick",
        true,
        machine,
        Map.of("W1", "4000 tasks"),
        List.of(
            new BenchRun.ModeResult(
                "exactly_once_v2", figures, Map.of("dispatcher", 512.3), List.of("a note"))),
        2.5,
        "1.0 0.5 0.2");
  }

  @Test
  void shouldShowFiguresBesideCeilingTargetAndVerdictWhenRendered() {
    // WHEN
    String md = Report.markdown(run(), null);

    // THEN
    assertThat(md)
        .contains("scripts/bench --quick")
        .contains(
            "| W1 | processed | 12,346 tasks/s | 100,000 tasks/s | 0.123× | >= 10,000 tasks/s | pass |")
        .contains("| W2 | submit→complete p99 | 200 ms |  |  | <= 150 ms | **miss** |")
        .contains("| dispatcher | 512 |")
        .contains("- a note");
  }

  @Test
  void shouldKeepTheHandWrittenTailWhenRewritten() {
    // GIVEN a report with notes below the marker
    String previous = "old figures\n" + Report.KEEP_MARKER + "\n## Profile\nhot frames\n";

    // WHEN
    String md = Report.markdown(run(), previous);

    // THEN
    assertThat(md).endsWith(Report.KEEP_MARKER + "\n## Profile\nhot frames\n");
    assertThat(md).doesNotContain("old figures");
  }

  @Test
  void shouldWriteRatiosAndVerdictsInJson() {
    assertThat(Report.json(run())).contains("\"ratio\" : 0.123456").contains("\"pass\" : false");
  }
}
