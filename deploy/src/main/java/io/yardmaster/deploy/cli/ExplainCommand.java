package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.kafka.Snapshots;
import io.yardmaster.deploy.kafka.StartAt;
import io.yardmaster.deploy.kafka.TopicCursor;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskExplanation.ScoreBreakdown;
import io.yardmaster.model.TaskView;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topic;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yard explain ID}: asks the dispatcher why a task is where it is. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Says why a task is not running, from the dispatcher's own state.",
      "Waiting for dependencies (which, and their states), no agent with the capabilities or"
          + " region, every capable agent busy (rank, tasks ahead, estimated start), pool paused,"
          + " retry backoff; and the task's score part by part. Writes an EXPLAIN command to"
          + " tasks.control and waits for the answer on tasks.explanations.",
      ""
    })
public final class ExplainCommand implements Callable<Integer> {
  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Parameters(paramLabel = "ID", description = "The task to explain.")
  String id;

  @Option(
      names = "--wait",
      defaultValue = "PT15S",
      description = "How long to wait for the dispatcher's answer. Default: ${DEFAULT-VALUE}")
  Duration wait;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  public ExplainCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    try (YardClients clients = kafka.connect()) {
      Optional<TaskExplanation> answer = ask(clients, id, wait);
      if (answer.isEmpty()) {
        context
            .err()
            .println(
                "no answer from the dispatcher within "
                    + wait
                    + ": is it running, and reading "
                    + clients.topics().control().name()
                    + "? Try again with a longer --wait.");
        return 1;
      }
      TaskExplanation e = answer.get();
      if (json) {
        context.out().println(Json.mapper().writeValueAsString(e));
      } else {
        print(clients, e, context.out());
      }
      return e.reason() == TaskExplanation.Reason.UNKNOWN_TASK ? 1 : 0;
    }
  }

  /** Sends EXPLAIN and waits for the answer with its request id. */
  static Optional<TaskExplanation> ask(YardClients clients, String id, Duration wait) {
    Topic<String, TaskExplanation> topic = clients.topics().explanations();
    String requestId = UUID.randomUUID().toString();
    try (TopicCursor cursor = TopicCursor.openForKey(clients, topic.name(), id, StartAt.end())) {
      ControlCommand command = ControlCommand.explain(id, requestId);
      clients.send(clients.topics().control(), command.key(), command);
      long until = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < until) {
        for (var r : cursor.poll(Duration.ofMillis(200))) {
          Optional<TaskExplanation> e = Snapshots.decode(topic, r);
          if (e.isPresent() && requestId.equals(e.get().requestId())) {
            return e;
          }
        }
      }
      return Optional.empty();
    }
  }

  private void print(YardClients clients, TaskExplanation e, PrintWriter out) {
    out.println(
        e.taskId()
            + ": "
            + (e.state() == null ? "" : e.state() + " ")
            + (e.pool() == null ? "" : "in pool " + e.pool() + " ")
            + "- "
            + e.reason());
    out.println("  " + e.summary());
    for (TaskExplanation.DependencyWait d : e.dependencies()) {
      String state =
          d.status().equals("UNKNOWN")
              ? "never submitted"
              : Snapshots.latestForKey(clients, clients.topics().state(), d.id())
                  .map(v -> v.state() + (v.reason() == null ? "" : " (" + v.reason() + ")"))
                  .orElse("not yet known to the dispatcher");
      out.println("  depends on " + d.id() + ": " + d.status() + ", now " + state);
    }
    if (e.rank() != null) {
      out.println(
          "  rank "
              + e.rank()
              + " in the pool's queue, "
              + e.tasksAhead()
              + " task(s) ahead, "
              + e.capableAgents()
              + " capable agent(s)"
              + (e.estimatedStart() == null ? "" : ", estimated start " + e.estimatedStart()));
    }
    if (e.retryAt() != null) {
      out.println("  queued again at " + e.retryAt());
    }
    ScoreBreakdown s = e.score();
    if (s != null) {
      out.printf(
          "  score %.2f = level %d x value %.2f x urgency %.2f x multiplier %.2f + aging %.2f%s%n",
          s.total(),
          s.level(),
          s.businessValue(),
          s.urgency(),
          s.multiplier(),
          s.aging(),
          s.deadline() == null ? "" : " (deadline " + s.deadline() + ")");
    }
    if (e.reason() == TaskExplanation.Reason.FINISHED) {
      Optional<TaskView> view =
          Snapshots.latestForKey(clients, clients.topics().state(), e.taskId());
      view.ifPresent(
          v ->
              out.println(
                  "  state: "
                      + v.state()
                      + (v.reason() == null ? "" : " (" + v.reason() + ")")
                      + (v.late() ? ", finished after its deadline" : "")));
    }
    out.flush();
  }
}
