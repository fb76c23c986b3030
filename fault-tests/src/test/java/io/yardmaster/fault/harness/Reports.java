package io.yardmaster.fault.harness;

import io.yardmaster.fault.check.Execution;
import io.yardmaster.fault.check.FaultChecker;
import io.yardmaster.fault.check.FaultReport;
import io.yardmaster.fault.check.FaultRun;
import io.yardmaster.fault.check.SubmittedTask;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the {@link FaultChecker} on what a {@link FaultYard} saw and keeps the report row in {@code
 * fault.reports} (one file per scenario), for {@code scripts/faults} to gather into RELIABILITY.md.
 */
public final class Reports {
  private Reports() {}

  public static FaultReport check(
      FaultYard yard,
      String scenario,
      List<SubmittedTask> submitted,
      int faults,
      Duration recovery) {
    Ledger ledger = yard.ledger();
    Map<String, TaskView> views = ledger.views();
    List<TaskEvent> events = ledger.events();
    Set<String> rejected =
        ledger.rejected().stream()
            .map(RejectedRecord::key)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    List<Execution> executions = yard.executions();
    FaultReport report =
        FaultChecker.withDefaults()
            .check(
                new FaultRun(
                    scenario, submitted, rejected, executions, views, events, faults, recovery));
    keep(report);
    return report;
  }

  private static void keep(FaultReport report) {
    Path dir = Path.of(System.getProperty("fault.reports", "target/fault-reports"));
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(report.scenario() + ".row"),
          report.row() + "\n<!-- " + Profile.current() + ": " + report.describe() + " -->\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
