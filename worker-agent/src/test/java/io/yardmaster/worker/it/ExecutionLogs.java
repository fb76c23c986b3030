package io.yardmaster.worker.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.yardmaster.model.json.Json;
import io.yardmaster.worker.execution.ExecutionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The execution logs ({@code --execution-log}) of a set of agents, read back: what ran where, and
 * how many tasks each agent ran at once.
 */
final class ExecutionLogs {
  private final List<ExecutionRecord> records;

  private ExecutionLogs(List<ExecutionRecord> records) {
    this.records = List.copyOf(records);
  }

  /**
   * Reads the given files. The last line of a file may be cut short when its agent was killed while
   * writing it: such a line is skipped (that execution never reported, so it is re-run).
   */
  static ExecutionLogs read(List<Path> files) throws IOException {
    List<ExecutionRecord> all = new ArrayList<>();
    for (Path file : files) {
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        try {
          all.add(Json.mapper().readValue(line, ExecutionRecord.class));
        } catch (JsonProcessingException e) {
          if (i < lines.size() - 1) {
            throw new IllegalStateException(file + " line " + (i + 1) + " is not a record", e);
          }
        }
      }
    }
    return new ExecutionLogs(all);
  }

  List<ExecutionRecord> records() {
    return records;
  }

  List<ExecutionRecord> of(String agentId) {
    return records.stream().filter(r -> r.agentId().equals(agentId)).toList();
  }

  /** Executions, by "taskId#attempt", that appear more than once (in any agent's log). */
  Map<String, Long> executedTwice() {
    return records.stream()
        .collect(Collectors.groupingBy(r -> r.taskId() + "#" + r.attempt(), Collectors.counting()))
        .entrySet()
        .stream()
        .filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * For each agent, the most executions that overlapped in time, from their monotonic start and end
   * times (an end at the same instant as a start counts as before it).
   */
  Map<String, Integer> maxOverlapByAgent() {
    Map<String, Integer> max = new HashMap<>();
    Map<String, List<ExecutionRecord>> byAgent =
        records.stream().collect(Collectors.groupingBy(ExecutionRecord::agentId));
    byAgent.forEach((agent, runs) -> max.put(agent, maxOverlap(runs)));
    return max;
  }

  /** For each agent, the highest {@code concurrentAtStart} it reported. */
  Map<String, Integer> maxConcurrentAtStartByAgent() {
    return records.stream()
        .collect(
            Collectors.toMap(
                ExecutionRecord::agentId,
                ExecutionRecord::concurrentAtStart,
                Math::max,
                HashMap::new));
  }

  /** The slots each agent reported having. */
  Map<String, Integer> slotsByAgent() {
    return records.stream()
        .collect(Collectors.toMap(ExecutionRecord::agentId, ExecutionRecord::slots, Math::max));
  }

  /** The execution of each "taskId#attempt" (the last one read, should there be several). */
  Map<String, ExecutionRecord> byAttempt() {
    return records.stream()
        .collect(
            Collectors.toMap(
                r -> r.taskId() + "#" + r.attempt(), Function.identity(), (a, b) -> b));
  }

  private static int maxOverlap(List<ExecutionRecord> runs) {
    record Edge(long nanos, int delta) {}
    List<Edge> edges = new ArrayList<>();
    for (ExecutionRecord r : runs) {
      edges.add(new Edge(r.startNanos(), +1));
      edges.add(new Edge(r.endNanos(), -1));
    }
    edges.sort(Comparator.comparingLong(Edge::nanos).thenComparingInt(Edge::delta));
    int now = 0;
    int max = 0;
    for (Edge e : edges) {
      now += e.delta();
      max = Math.max(max, now);
    }
    return max;
  }
}
