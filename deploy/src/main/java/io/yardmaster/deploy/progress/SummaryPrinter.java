package io.yardmaster.deploy.progress;

import io.yardmaster.deploy.TextTable;
import io.yardmaster.model.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a {@link RunSummary} into the lines printed at the end of a run. */
public final class SummaryPrinter {
  private SummaryPrinter() {}

  public static List<String> lines(RunSummary summary) {
    List<String> lines = new ArrayList<>();
    lines.add("== summary: " + summary.tasks() + " tasks ==");
    lines.add(
        "tasks by state: "
            + summary.byState().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")));
    lines.add("");
    TextTable states = new TextTable("state", "tasks").alignRight("tasks");
    for (TaskState s : TaskState.values()) {
      Integer n = summary.byState().get(s);
      if (n != null) {
        states.row(s, n);
      }
    }
    lines.addAll(states.lines());
    lines.add("");
    TextTable pools =
        new TextTable(
                "pool",
                "tasks",
                "succeeded",
                "failed",
                "tasks/s",
                "wait p50",
                "wait p99",
                "run p50",
                "run p99")
            .alignRight(
                "tasks",
                "succeeded",
                "failed",
                "tasks/s",
                "wait p50",
                "wait p99",
                "run p50",
                "run p99");
    for (RunSummary.PoolLine p : summary.pools()) {
      pools.row(
          p.pool(),
          p.tasks(),
          p.succeeded(),
          p.failed(),
          Double.isNaN(p.throughputPerSec())
              ? "-"
              : String.format(Locale.ROOT, "%.1f", p.throughputPerSec()),
          ms(p.waitP50Ms()),
          ms(p.waitP99Ms()),
          ms(p.runP50Ms()),
          ms(p.runP99Ms()));
    }
    lines.addAll(pools.lines());
    lines.add("");
    lines.add(
        "retries: "
            + summary.retries()
            + (summary.retried().isEmpty()
                ? ""
                : " (" + String.join(", ", summary.retried()) + ")"));
    DependencyCheck deps = summary.dependencies();
    if (deps.ok() && deps.checked() == 0) {
      lines.add("dependency order OK: no task had dependencies");
    } else if (deps.ok()) {
      lines.add(
          "dependency order OK: "
              + deps.checked()
              + " tasks with dependencies, none started before its dependencies succeeded");
    } else {
      lines.add("dependency order VIOLATED in " + deps.violations().size() + " case(s):");
      deps.violations().forEach(v -> lines.add("  " + v));
    }
    return lines;
  }

  private static String ms(long ms) {
    return ms < 0 ? "-" : ms + " ms";
  }
}
