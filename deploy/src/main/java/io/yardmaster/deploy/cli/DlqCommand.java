package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.NotFoundException;
import io.yardmaster.deploy.TextTable;
import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.TaskView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code yard dlq list|replay ID}: the dead-letter queue. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {"Lists the dead-lettered tasks, or replays one.", ""},
    subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
public final class DlqCommand implements Callable<Integer> {
  private final YardContext context;

  public DlqCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("yard dlq: say 'list' or 'replay ID' (see 'yard dlq --help')");
    return 2;
  }

  /** The latest dead letter of each task on {@code tasks.dlq}. */
  static Map<String, DeadLetter> deadLetters(YardClients clients) {
    Map<String, DeadLetter> letters = new LinkedHashMap<>();
    Snapshots.all(clients, clients.topics().dlq(), StartAt.beginning())
        .forEach(d -> letters.put(d.taskId(), d));
    return letters;
  }

  /** {@code yard dlq list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = {
        "Lists the dead-lettered tasks.",
        "Lists the tasks on tasks.dlq with their attempts, reason and current state (a replayed"
            + " task shows its new state).",
        ""
      })
  public static final class ListCommand implements Callable<Integer> {
    private final YardContext context;

    @Mixin KafkaOptions kafka;

    public ListCommand(YardContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Map<String, DeadLetter> letters;
      Map<String, TaskView> states;
      try (YardClients clients = kafka.connect()) {
        letters = deadLetters(clients);
        states =
            letters.isEmpty() ? Map.of() : Snapshots.latestByKey(clients, clients.topics().state());
      }
      if (letters.isEmpty()) {
        context.out().println("the dead-letter queue is empty");
        return 0;
      }
      TextTable table =
          new TextTable("task", "pool", "attempts", "dead-lettered at", "now", "reason")
              .alignRight("attempts");
      letters
          .values()
          .forEach(
              d -> {
                TaskView view = states.get(d.taskId());
                table.row(
                    d.taskId(),
                    d.pool(),
                    d.attempts().size(),
                    d.at(),
                    view == null ? null : view.state(),
                    d.reason());
              });
      table.lines().forEach(context.out()::println);
      return 0;
    }
  }

  /** {@code yard dlq replay ID}. */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = {
        "Replays a dead-lettered task.",
        "Puts a dead-lettered task back in its pool's queue with fresh attempts (a REPLAY command"
            + " on tasks.control).",
        ""
      })
  public static final class ReplayCommand implements Callable<Integer> {
    private final YardContext context;

    @Mixin KafkaOptions kafka;

    @Parameters(paramLabel = "ID", description = "The dead-lettered task to replay.")
    String id;

    public ReplayCommand(YardContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      try (YardClients clients = kafka.connect()) {
        if (!deadLetters(clients).containsKey(id)) {
          throw new NotFoundException(
              id,
              "task '"
                  + id
                  + "' is not in the dead-letter queue ("
                  + clients.topics().dlq().name()
                  + "); 'yard dlq list' shows the tasks that are.");
        }
        ControlCommand command = ControlCommand.replay(id);
        clients.send(clients.topics().control(), command.key(), command);
      }
      context.out().println("replay requested for " + id);
      return 0;
    }
  }
}
