package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.topic.ProvisioningReport;
import io.yardmaster.model.topic.TopicProvisioner;
import io.yardmaster.model.topic.TopicSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yard topics ensure}: creates the contract's topics. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {"Manages Yardmaster's topics.", ""},
    subcommands = {TopicsCommand.EnsureCommand.class})
public final class TopicsCommand implements Callable<Integer> {
  private final YardContext context;

  public TopicsCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("yard topics: say 'ensure' (see 'yard topics --help')");
    return 2;
  }

  /** {@code yard topics ensure [--pool P...]}. */
  @Command(
      name = "ensure",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {
        "Creates the missing topics.",
        "Creates every missing topic (the fixed ones and one assignment topic per pool) and"
            + " reports the existing ones that differ from the wanted settings. Safe to repeat.",
        ""
      })
  public static final class EnsureCommand implements Callable<Integer> {
    private final YardContext context;

    @Mixin KafkaOptions kafka;

    @Option(
        names = "--pool",
        split = ",",
        paramLabel = "POOL",
        description = "A pool whose assignment topic to create; repeatable.")
    List<String> pools = new ArrayList<>();

    @Option(
        names = "--partitions",
        paramLabel = "N",
        defaultValue = "" + TopicSettings.DEFAULT_PARTITIONS,
        description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
        names = "--replication-factor",
        paramLabel = "N",
        defaultValue = "" + TopicSettings.DEFAULT_REPLICATION_FACTOR,
        description = "Replicas of each topic (default: ${DEFAULT-VALUE}).")
    int replicationFactor;

    public EnsureCommand(YardContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      TopicSettings settings;
      try {
        settings = TopicSettings.of(partitions, replicationFactor).withTimeout(kafka.timeout);
      } catch (IllegalArgumentException e) {
        throw new io.yardmaster.deploy.BadInputException(e.getMessage(), e);
      }
      pools.forEach(PoolNames::check);
      ProvisioningReport report;
      try (YardClients clients = kafka.connect()) {
        report = TopicProvisioner.ensure(clients.settings(), clients.topics(), settings, pools);
      }
      report.describe().forEach(context.out()::println);
      context
          .out()
          .println(
              report.created().size()
                  + " created, "
                  + report.existing().size()
                  + " already there, "
                  + report.differences().size()
                  + " differences");
      if (!report.isConsistent()) {
        context
            .err()
            .println(
                "some topics differ from the wanted settings; the dispatcher needs the pool-keyed"
                    + " topics to have its --partitions. Recreate them or adjust --partitions.");
        return 1;
      }
      return 0;
    }
  }
}
