package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yard priority ID LEVEL}: changes a queued task's priority. */
@Command(
    name = "priority",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Changes the priority of a task that has not started.",
      "Sets its level (1-10), and optionally its"
          + " business value and deadline; what is not given is kept. Writes a REPRIORITISE"
          + " command to tasks.control.",
      ""
    })
public final class PriorityCommand implements Callable<Integer> {
  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Parameters(index = "0", paramLabel = "ID", description = "The task.")
  String id;

  @Parameters(index = "1", paramLabel = "LEVEL", description = "The new level, 1 (lowest) to 10.")
  int level;

  @Option(names = "--business-value", paramLabel = "X", description = "New business value (> 0).")
  Double businessValue;

  @Option(
      names = "--deadline",
      paramLabel = "INSTANT",
      description = "New deadline, e.g. 2030-01-01T00:00:00Z.")
  String deadline;

  @Option(
      names = "--force",
      description = "Send the command even when the task is not (yet) in tasks.state.")
  boolean force;

  public PriorityCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (level < Priority.MIN_LEVEL || level > Priority.MAX_LEVEL) {
      throw new BadInputException("LEVEL must be 1-10, was " + level);
    }
    if (businessValue != null && !(businessValue > 0)) {
      throw new BadInputException("--business-value must be greater than 0, was " + businessValue);
    }
    Instant newDeadline = parseDeadline();
    try (YardClients clients = kafka.connect()) {
      Priority current = Priority.DEFAULT;
      if (!force) {
        TaskView view = StatusCommand.find(clients, id);
        if (view.state().isTerminal()) {
          context
              .err()
              .println(
                  "task '"
                      + id
                      + "' has already ended ("
                      + view.state()
                      + "); its priority no longer matters");
          return 1;
        }
        current = view.priority() == null ? Priority.DEFAULT : view.priority();
      }
      Priority priority =
          new Priority(
              level,
              businessValue != null ? businessValue : current.businessValue(),
              newDeadline != null ? newDeadline : current.deadline(),
              current.urgencyMultiplier());
      ControlCommand command = ControlCommand.reprioritise(id, priority);
      clients.send(clients.topics().control(), command.key(), command);
      context.out().println("priority of " + id + " set to " + TaskViews.priority(priority));
      return 0;
    }
  }

  private Instant parseDeadline() {
    if (deadline == null) {
      return null;
    }
    try {
      return Instant.parse(deadline);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "--deadline '" + deadline + "' is not an ISO-8601 instant like 2030-01-01T00:00:00Z", e);
    }
  }
}
