package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.TextTable;
import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.PoolStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code yard pools}: every pool's latest figures from {@code pools.status}. */
@Command(
    name = "pools",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Lists the pools and their figures.",
      "Shows each pool's agents, slots, queue and totals, as the dispatcher last reported"
          + " them on pools.status.",
      ""
    })
public final class PoolsCommand implements Callable<Integer> {
  private final YardContext context;

  @Mixin KafkaOptions kafka;

  public PoolsCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<PoolStatus> pools;
    try (YardClients clients = kafka.connect()) {
      pools =
          Snapshots.latestByKey(clients, clients.topics().poolStatus()).values().stream()
              .sorted(Comparator.comparing(PoolStatus::pool))
              .toList();
    }
    if (pools.isEmpty()) {
      context.out().println("no pool has reported yet; is the dispatcher running?");
      return 0;
    }
    TextTable table =
        new TextTable(
                "pool",
                "agents",
                "slots free",
                "queued",
                "running",
                "retrying",
                "succeeded",
                "failed",
                "dead",
                "late",
                "tasks/s",
                "avg wait",
                "state",
                "updated")
            .alignRight(
                "agents",
                "slots free",
                "queued",
                "running",
                "retrying",
                "succeeded",
                "failed",
                "dead",
                "late",
                "tasks/s",
                "avg wait");
    for (PoolStatus p : pools) {
      table.row(
          p.pool(),
          p.healthyAgents() + "/" + p.agents(),
          p.freeSlots() + "/" + p.slots(),
          p.queued(),
          p.running(),
          p.retryWaiting(),
          p.succeeded(),
          p.failed(),
          p.deadLettered(),
          p.lateFinished(),
          String.format(Locale.ROOT, "%.1f", p.throughputPerSec()),
          String.format(Locale.ROOT, "%.0f ms", p.avgWaitMs()),
          p.paused() ? "paused" : "active",
          p.updatedAt());
    }
    table.lines().forEach(context.out()::println);
    return 0;
  }
}
