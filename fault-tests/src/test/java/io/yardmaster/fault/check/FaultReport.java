package io.yardmaster.fault.check;

import io.yardmaster.model.TaskState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * What {@link FaultChecker} found in one run. Every list names the tasks (or "task#attempt") at
 * fault, so a failed assertion says which ones.
 *
 * @param lost accepted (not rejected) but never seen on {@code tasks.state}
 * @param executedTwice "task#attempt" run more than once, with the count
 * @param assignedTwice "task#attempt" assigned more than once, with the count
 * @param completedTwice tasks that moved to SUCCEEDED more than once, with the count
 * @param stuck seen on {@code tasks.state} but not in a terminal state at the end
 * @param dependencyViolations tasks assigned before one of their dependencies had succeeded
 * @param priorityInversions tasks assigned while a higher-level task of the pool had been ready for
 *     longer than the allowed slack
 * @param staleResults results the dispatcher ignored as from a stale lease
 */
public record FaultReport(
    String scenario,
    int tasks,
    int rejected,
    int faultsInjected,
    List<String> lost,
    Map<String, Long> executedTwice,
    Map<String, Long> assignedTwice,
    Map<String, Long> completedTwice,
    List<String> stuck,
    List<String> dependencyViolations,
    List<String> priorityInversions,
    long staleResults,
    SortedMap<TaskState, Long> finalStates,
    double recoverySeconds) {

  /** The header of the table {@link #row()} renders a line of (Markdown). */
  public static final String HEADER =
      "| scenario | tasks | rejected | faults injected | lost | executed twice | assigned twice"
          + " | completed twice | stuck | dependency order | priority inversions | stale results"
          + " | recovery s |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

  /** Nothing lost, run twice, completed twice, stuck or out of dependency order. */
  public boolean holds() {
    return lost.isEmpty()
        && executedTwice.isEmpty()
        && assignedTwice.isEmpty()
        && completedTwice.isEmpty()
        && stuck.isEmpty()
        && dependencyViolations.isEmpty();
  }

  /** One Markdown table row. */
  public String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f |",
        scenario,
        tasks,
        rejected,
        faultsInjected,
        lost.size(),
        executedTwice.size(),
        assignedTwice.size(),
        completedTwice.size(),
        stuck.size(),
        dependencyViolations.size(),
        priorityInversions.size(),
        staleResults,
        recoverySeconds);
  }

  /** The row and, when something is wrong, the first offenders of each kind. */
  public String describe() {
    StringBuilder b = new StringBuilder(row()).append("\nfinal states: ").append(finalStates);
    appendFirst(b, "lost", lost);
    appendFirst(b, "executed twice", List.copyOf(executedTwice.keySet()));
    appendFirst(b, "assigned twice", List.copyOf(assignedTwice.keySet()));
    appendFirst(b, "completed twice", List.copyOf(completedTwice.keySet()));
    appendFirst(b, "stuck", stuck);
    appendFirst(b, "dependency order", dependencyViolations);
    appendFirst(b, "priority inversions", priorityInversions);
    return b.toString();
  }

  private static void appendFirst(StringBuilder b, String what, List<String> items) {
    if (!items.isEmpty()) {
      b.append("\n")
          .append(what)
          .append(" (")
          .append(items.size())
          .append("): ")
          .append(items.subList(0, Math.min(10, items.size())));
    }
  }
}
