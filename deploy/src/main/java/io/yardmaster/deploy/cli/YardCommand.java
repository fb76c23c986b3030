package io.yardmaster.deploy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code yard}: the command line of Yardmaster. */
@Command(
    name = "yard",
    mixinStandardHelpOptions = true,
    version = "yard 0.1.0",
    usageHelpAutoWidth = true,
    description = {
      "Yardmaster: Kafka-native task dispatch to pools of worker agents.",
      "Every command has --help. The commands that talk to Kafka take --bootstrap-servers (env"
          + " YARD_BOOTSTRAP_SERVERS, default 127.0.0.1:9092), --kafka-properties FILE (env"
          + " YARD_KAFKA_PROPERTIES) and --topic-prefix (default yard.).",
      ""
    },
    footer = {
      "",
      "Start here:",
      "  yard local                  broker, dispatcher, agents and the demo",
      "  yard local --keep-running   the same, then stays up; in another shell:",
      "  yard submit --type sleep --payload '{\"ms\":500}' --pool data-processing",
      "",
      "Exit codes: 0 done, 1 failed or not found, 2 bad input, 3 Kafka unreachable."
    },
    subcommands = {
      LocalCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      WatchCommand.class,
      CancelCommand.class,
      ExplainCommand.class,
      PriorityCommand.class,
      PoolsCommand.class,
      AgentsCommand.class,
      DlqCommand.class,
      TopicsCommand.class,
      AclsCommand.class
    })
public final class YardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
