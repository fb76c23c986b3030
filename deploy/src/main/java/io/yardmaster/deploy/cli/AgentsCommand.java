package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.TextTable;
import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.AgentHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yard agents}: the agents that sent a heartbeat lately, from {@code agents.heartbeats}. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Lists the agents heard of lately.",
      "Shows each agent that sent a heartbeat lately, with their pool, slots, running tasks, load"
          + " and how long ago they were last heard of.",
      ""
    })
public final class AgentsCommand implements Callable<Integer> {
  /** Heartbeats this many intervals late mark an agent as silent. */
  static final int MISSED_BEATS = 3;

  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      defaultValue = "PT1M",
      description = "Show agents heard of within this time (default: ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = "--pool", paramLabel = "POOL", description = "Only the agents of POOL.")
  String pool;

  public AgentsCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Instant now = context.clock().instant();
    Map<String, AgentHeartbeat> latest = new LinkedHashMap<>();
    try (YardClients clients = kafka.connect()) {
      Snapshots.all(clients, clients.topics().heartbeats(), StartAt.since(now.minus(since)))
          .stream()
          .filter(h -> pool == null || pool.equals(h.pool()))
          .forEach(h -> latest.merge(h.agentId(), h, AgentsCommand::newer));
    }
    if (latest.isEmpty()) {
      context.out().println("no agent sent a heartbeat in the last " + since.toSeconds() + " s");
      return 0;
    }
    TextTable table =
        new TextTable(
                "agent",
                "pool",
                "capabilities",
                "slots free",
                "running",
                "done",
                "failed",
                "cpu",
                "status",
                "last heard")
            .alignRight("slots free", "running", "done", "failed", "cpu", "last heard");
    latest.values().stream()
        .sorted(Comparator.comparing(AgentHeartbeat::pool).thenComparing(AgentHeartbeat::agentId))
        .forEach(
            h ->
                table.row(
                    h.agentId(),
                    h.pool(),
                    h.capabilities().isEmpty() ? "-" : String.join(",", h.capabilities()),
                    h.freeSlots() + "/" + h.slots(),
                    h.running().size(),
                    h.counters().succeeded(),
                    h.counters().failed(),
                    cpu(h),
                    status(h, now),
                    ago(h, now)));
    table.lines().forEach(context.out()::println);
    return 0;
  }

  private static AgentHeartbeat newer(AgentHeartbeat a, AgentHeartbeat b) {
    if (a.sentAt() == null) {
      return b;
    }
    return b.sentAt() != null && b.sentAt().isAfter(a.sentAt()) ? b : a;
  }

  private static String status(AgentHeartbeat h, Instant now) {
    if (h.status() == AgentHeartbeat.Status.LEAVING) {
      return "leaving";
    }
    long interval = h.intervalMs() > 0 ? h.intervalMs() : 1_000;
    boolean silent =
        h.sentAt() != null
            && Duration.between(h.sentAt(), now).toMillis() > MISSED_BEATS * interval;
    return silent ? "silent" : "active";
  }

  private static String ago(AgentHeartbeat h, Instant now) {
    if (h.sentAt() == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.1f s ago",
        Math.max(0, Duration.between(h.sentAt(), now).toMillis()) / 1000.0);
  }

  private static String cpu(AgentHeartbeat h) {
    return String.format(Locale.ROOT, "%.0f%%", h.load().cpu() * 100);
  }
}
