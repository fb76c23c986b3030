package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yard cancel ID}: asks the dispatcher to cancel a task. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Cancels a task.",
      "A queued task leaves the queue; a running one is stopped on its agent."
          + " Writes a CANCEL command to tasks.control; the dispatcher's answer shows in"
          + " tasks.events and 'yard status ID'.",
      ""
    })
public final class CancelCommand implements Callable<Integer> {
  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Parameters(paramLabel = "ID", description = "The task to cancel.")
  String id;

  @Option(
      names = "--force",
      description = "Send the command even when the task is not (yet) in tasks.state.")
  boolean force;

  public CancelCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (YardClients clients = kafka.connect()) {
      if (!force) {
        TaskView view = StatusCommand.find(clients, id);
        if (view.state().isTerminal()) {
          context
              .err()
              .println(
                  "task '" + id + "' has already ended (" + view.state() + "); nothing to cancel");
          return 1;
        }
      }
      ControlCommand command = ControlCommand.cancel(id);
      clients.send(clients.topics().control(), command.key(), command);
      context.out().println("cancel requested for " + id);
      return 0;
    }
  }
}
