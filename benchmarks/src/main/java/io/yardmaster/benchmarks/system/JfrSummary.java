package io.yardmaster.benchmarks.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording: the hottest methods
 * by own time, the methods most often on the stack (inclusive), and the busiest threads. Run with
 * {@code scripts/bench-jfr FILE.jfr [top]}.
 */
public final class JfrSummary {
  private JfrSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: JfrSummary FILE.jfr [top]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
      var thread = e.getThread("sampledThread");
      threads.merge(thread == null ? "?" : group(thread.getJavaName()), 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%s: %,d CPU samples%n", args[0], samples);
    print("own time (top frame)", self, samples, top);
    print("on the stack (inclusive)", inclusive, samples, top);
    print("threads", threads, samples, top);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** Thread names without their numbers and ids, so a pool's threads add up. */
  private static String group(String thread) {
    return thread == null
        ? "?"
        : thread.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*").replaceAll("\\d+", "N");
  }

  private static void print(String title, Map<String, Integer> counts, int total, int top) {
    System.out.println();
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }
}
