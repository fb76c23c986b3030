package io.yardmaster.benchmarks.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link BenchRun} as JSON and as the Markdown of {@code BENCHMARKS.md}. Whatever follows
 * {@link #KEEP_MARKER} in the previous file (hand-written analysis) is carried over unchanged.
 */
public final class Report {
  public static final String KEEP_MARKER =
      "<!-- Everything below this line is written by hand and kept when scripts/bench rewrites the file. -->";

  private Report() {}

  public static String json(BenchRun run) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(jsonTree(run));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> jsonTree(BenchRun run) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("startedAt", run.startedAt());
    root.put("command", run.command());
    root.put("quick", run.quick());
    root.put("machine", run.machine());
    root.put("settings", run.settings());
    root.put("minutes", run.minutes());
    root.put("loadAverageAfter", run.loadAverageAfter());
    List<Object> modes = new ArrayList<>();
    for (BenchRun.ModeResult m : run.modes()) {
      Map<String, Object> mode = new LinkedHashMap<>();
      mode.put("mode", m.mode());
      List<Object> figures = new ArrayList<>();
      for (Figure f : m.figures()) {
        Map<String, Object> fig = new LinkedHashMap<>();
        fig.put("workload", f.workload());
        fig.put("metric", f.metric());
        fig.put("value", f.value());
        fig.put("unit", f.unit());
        fig.put("ceiling", f.ceiling());
        fig.put("ceilingTool", f.ceilingName());
        fig.put("ratio", f.ratio());
        fig.put("target", f.target() == null ? null : f.target().toString());
        fig.put("pass", f.pass());
        figures.add(fig);
      }
      mode.put("figures", figures);
      mode.put("peakRssMiB", m.peakRssMiB());
      mode.put("notes", m.notes());
      modes.add(mode);
    }
    root.put("modes", modes);
    return root;
  }

  /** The Markdown report; {@code previous} is the old file's text (or null) whose tail is kept. */
  public static String markdown(BenchRun run, String previous) {
    StringBuilder md = new StringBuilder();
    md.append("# Yardmaster benchmarks\n\n");
    md.append("Written by `scripts/bench` (")
        .append(run.quick() ? "quick sizes" : "full sizes")
        .append(") on ")
        .append(run.startedAt())
        .append(", ")
        .append(number(run.minutes()))
        .append(" min. Command:\n\n```bash\n")
        .append(run.command())
        .append("\n```\n\n");
    md.append(
        "Broker, dispatcher and worker agents ran as separate JVMs on this one machine, next to"
            + " the load generator and Kafka's own tools: every figure shares the same cores."
            + " Kafka's raw figure for the same quantity was measured in the same run on the same"
            + " broker (ratio = ours / Kafka's); W6's reference is an ideal EDF scheduler simulated"
            + " on the same arrivals.\n\n");
    Machine m = run.machine();
    md.append("## Machine\n\n| | |\n|---|---|\n");
    row(md, "cores", Integer.toString(m.cores()));
    row(md, "memory", m.memoryMiB() + " MiB");
    row(md, "CPU", m.cpuModel());
    row(md, "OS", m.os());
    row(md, "JDK", m.jdk());
    row(md, "Kafka", m.kafkaVersion());
    row(
        md,
        "load average (1/5/15 min) before / after",
        m.loadAverage() + " / " + run.loadAverageAfter());
    md.append("\n## Settings\n\n| | |\n|---|---|\n");
    run.settings().forEach((k, v) -> row(md, k, "`" + v + "`"));
    for (BenchRun.ModeResult mode : run.modes()) {
      md.append("\n## Results: `").append(mode.mode()).append("`\n\n");
      md.append(
          "| workload | metric | Yardmaster | Kafka alone, or the ideal | ratio | target | |\n");
      md.append("|---|---|---:|---:|---:|---|---|\n");
      for (Figure f : mode.figures()) {
        md.append("| ")
            .append(f.workload())
            .append(" | ")
            .append(f.metric())
            .append(" | ")
            .append(number(f.value()))
            .append(' ')
            .append(f.unit())
            .append(" | ")
            .append(f.ceiling() == null ? "" : number(f.ceiling()) + " " + f.unit())
            .append(" | ")
            .append(f.ratio() == null ? "" : number(f.ratio()) + "×")
            .append(" | ")
            .append(f.target() == null ? "" : f.target() + " " + f.unit())
            .append(" | ")
            .append(f.pass() == null ? "" : f.pass() ? "pass" : "**miss**")
            .append(" |\n");
      }
      if (!mode.notes().isEmpty()) {
        md.append('\n');
        mode.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      }
    }
    memory(md, run.modes());
    md.append("\n").append(KEEP_MARKER).append("\n");
    md.append(keptTail(previous));
    return md.toString();
  }

  private static void memory(StringBuilder md, List<BenchRun.ModeResult> modes) {
    Set<String> processes = new LinkedHashSet<>();
    modes.forEach(m -> processes.addAll(m.peakRssMiB().keySet()));
    if (processes.isEmpty()) {
      return;
    }
    md.append("\n## Peak memory (VmHWM, MiB)\n\n| process |");
    modes.forEach(m -> md.append(" `").append(m.mode()).append("` |"));
    md.append("\n|---|");
    modes.forEach(m -> md.append("---:|"));
    md.append('\n');
    for (String p : processes) {
      md.append("| ").append(p).append(" |");
      for (BenchRun.ModeResult m : modes) {
        Double v = m.peakRssMiB().get(p);
        md.append(' ').append(v == null ? "" : number(v)).append(" |");
      }
      md.append('\n');
    }
  }

  private static String keptTail(String previous) {
    if (previous == null) {
      return "";
    }
    int at = previous.indexOf(KEEP_MARKER);
    if (at < 0) {
      return "";
    }
    String tail = previous.substring(at + KEEP_MARKER.length());
    return tail.startsWith("\n") ? tail.substring(1) : tail;
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  /** A figure with as many digits as it deserves: 12,345 / 123 / 12.3 / 1.23 / 0.012. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
