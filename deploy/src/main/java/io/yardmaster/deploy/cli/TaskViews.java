package io.yardmaster.deploy.cli;

import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One task's view as {@code name: value} lines. */
final class TaskViews {
  private TaskViews() {}

  static List<String> describe(TaskView v) {
    List<String> lines = new ArrayList<>();
    line(lines, "id", v.id());
    line(lines, "state", v.state());
    line(lines, "pool", v.pool());
    line(lines, "type", v.type());
    line(lines, "agent", v.agentId());
    line(lines, "attempt", v.attempt());
    line(lines, "reason", v.reason());
    line(lines, "priority", priority(v.priority()));
    line(
        lines,
        "depends on",
        v.dependencies().isEmpty() ? null : String.join(", ", v.dependencies()));
    line(lines, "submitted", v.submittedAt());
    line(lines, "ready", v.readyAt());
    line(lines, "started", v.startedAt());
    line(lines, "finished", v.finishedAt());
    line(lines, "updated", v.updatedAt());
    if (v.lastError() != null) {
      line(lines, "last error", v.lastError().type() + ": " + v.lastError().message());
    }
    if (v.late()) {
      line(lines, "late", "finished after its deadline");
    }
    return lines;
  }

  static String priority(Priority p) {
    if (p == null) {
      return null;
    }
    return String.format(Locale.ROOT, "level %d, value %.2f", p.level(), p.businessValue())
        + (p.deadline() == null ? "" : ", deadline " + p.deadline())
        + (p.urgencyMultiplier() == 1.0 ? "" : ", multiplier " + p.urgencyMultiplier());
  }

  private static void line(List<String> lines, String name, Object value) {
    lines.add(String.format(Locale.ROOT, "%-11s %s", name + ":", Objects.toString(value, "-")));
  }
}
