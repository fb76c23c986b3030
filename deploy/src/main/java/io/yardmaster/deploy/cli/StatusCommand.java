package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.NotFoundException;
import io.yardmaster.deploy.TextTable;
import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.topic.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yard status [ID]}: one task's view, or the count of tasks per pool and state. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Shows a task's state, or how many tasks each pool has in each state.",
      "Reads the compacted tasks.state topic: one task's latest view, or (without ID) the count"
          + " of tasks per pool and state, or (--list) one line per task.",
      ""
    })
public final class StatusCommand implements Callable<Integer> {
  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The task to show.")
  String id;

  @Option(names = "--list", description = "List the tasks, one per line, instead of counting them.")
  boolean list;

  @Option(names = "--state", paramLabel = "STATE", description = "Only the tasks in STATE.")
  TaskState state;

  @Option(names = "--pool", paramLabel = "POOL", description = "Only the tasks of POOL.")
  String pool;

  public StatusCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (YardClients clients = kafka.connect()) {
      if (id != null) {
        TaskView view = find(clients, id);
        TaskViews.describe(view).forEach(context.out()::println);
        return 0;
      }
      List<TaskView> views =
          Snapshots.latestByKey(clients, clients.topics().state()).values().stream()
              .filter(v -> pool == null || pool.equals(v.pool()))
              .filter(v -> state == null || state == v.state())
              .toList();
      if (views.isEmpty()) {
        context.out().println("no tasks" + (pool == null ? "" : " in pool " + pool) + " yet");
        return 0;
      }
      (list ? listLines(views) : countLines(views)).forEach(context.out()::println);
      return 0;
    }
  }

  /** The task's view; a clear error when it is unknown (or was rejected). */
  static TaskView find(YardClients clients, String id) {
    Topics topics = clients.topics();
    Optional<TaskView> view = Snapshots.latestForKey(clients, topics.state(), id);
    if (view.isPresent()) {
      return view.get();
    }
    Optional<RejectedRecord> rejected = Snapshots.latestForKey(clients, topics.rejected(), id);
    if (rejected.isPresent()) {
      throw new NotFoundException(
          id,
          "task '"
              + id
              + "' was rejected by the dispatcher and never queued: "
              + String.join("; ", rejected.get().reasons()));
    }
    throw new NotFoundException(
        id,
        "no task '"
            + id
            + "' in "
            + topics.state().name()
            + ". Check the id (ids are case-sensitive) and --topic-prefix; a task submitted a"
            + " moment ago shows once the dispatcher has read it. 'yard status --list' lists every"
            + " task.");
  }

  private static List<String> listLines(List<TaskView> views) {
    TextTable table = new TextTable("id", "state", "pool", "agent", "attempt", "reason");
    table.alignRight("attempt");
    views.forEach(
        v -> table.row(v.id(), v.state(), v.pool(), v.agentId(), v.attempt(), v.reason()));
    return table.lines();
  }

  private static List<String> countLines(Collection<TaskView> views) {
    Map<String, Map<TaskState, Integer>> counts = new TreeMap<>();
    Set<TaskState> seen = EnumSet.noneOf(TaskState.class);
    for (TaskView v : views) {
      String poolName = v.pool() == null ? "(none)" : v.pool();
      counts.computeIfAbsent(poolName, p -> new TreeMap<>()).merge(v.state(), 1, Integer::sum);
      seen.add(v.state());
    }
    List<String> header = new ArrayList<>(List.of("pool"));
    seen.forEach(s -> header.add(s.name()));
    header.add("total");
    TextTable table = new TextTable(header.toArray(String[]::new));
    table.alignRight(header.subList(1, header.size()).toArray(String[]::new));
    Map<TaskState, Integer> totals = new TreeMap<>();
    counts.forEach(
        (p, byState) -> {
          List<Object> row = new ArrayList<>(List.of(p));
          seen.forEach(s -> row.add(byState.getOrDefault(s, 0)));
          row.add(byState.values().stream().mapToInt(Integer::intValue).sum());
          byState.forEach((s, n) -> totals.merge(s, n, Integer::sum));
          table.row(row.toArray());
        });
    if (counts.size() > 1) {
      List<Object> row = new ArrayList<>(List.of("(all)"));
      seen.forEach(s -> row.add(totals.getOrDefault(s, 0)));
      row.add(views.size());
      table.row(row.toArray());
    }
    return table.lines();
  }
}
