package io.yardmaster.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardmaster.deploy.BadInputException;
import io.yardmaster.deploy.kafka.YardClients;
import io.yardmaster.deploy.submit.RawSubmission;
import io.yardmaster.deploy.submit.SubmissionCheck;
import io.yardmaster.deploy.submit.SubmissionReader;
import io.yardmaster.deploy.submit.SubmissionSender;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.validation.SubmissionValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yard submit}: one task from flags, or many from a file or stdin. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Submits tasks: one from the flags, or many from a file or stdin.",
      "Writes them to the tasks.submit topic. A file (-f FILE, or -f - for stdin) holds a JSON"
          + " array of tasks, JSON lines, or JSON objects one after another.",
      "Every task is checked first, as the dispatcher will check it; if any has a problem, all"
          + " problems are printed and nothing is submitted. Prints the ids submitted.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  yard submit --type sleep --payload '{\"ms\":500}' --pool data-processing",
      "  yard submit --id report-1 --type echo --priority 8 --deadline 2030-01-01T00:00:00Z",
      "  yard submit -f tasks.jsonl",
      "  cat tasks.json | yard submit -f -"
    })
public final class SubmitCommand implements Callable<Integer> {
  private final YardContext context;

  @Mixin KafkaOptions kafka;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Read tasks from FILE ('-': stdin) instead of the flags below.")
  Path file;

  @Option(names = "--id", paramLabel = "ID", description = "Task id (default: task-<random>).")
  String id;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Task type, e.g. sleep, echo, command, http.")
  String type;

  @Option(names = "--payload", paramLabel = "JSON", description = "The task's payload, as JSON.")
  String payload;

  @Option(names = "--pool", paramLabel = "POOL", description = "Pool to run in (default: routed).")
  String pool;

  @Option(
      names = "--priority",
      paramLabel = "LEVEL",
      description = "Priority level 1-10 (default: 5).")
  Integer level;

  @Option(
      names = "--business-value",
      paramLabel = "X",
      description = "Business value (> 0; default 1.0).")
  Double businessValue;

  @Option(
      names = "--deadline",
      paramLabel = "INSTANT",
      description = "Deadline, e.g. 2030-01-01T00:00:00Z.")
  String deadline;

  @Option(
      names = "--capability",
      split = ",",
      paramLabel = "CAP",
      description = "Required capability; repeat or separate with commas.")
  List<String> capabilities = new ArrayList<>();

  @Option(
      names = "--depends-on",
      split = ",",
      paramLabel = "ID",
      description = "A task that must succeed first; repeat or separate with commas.")
  List<String> dependencies = new ArrayList<>();

  @Option(
      names = "--max-retries",
      paramLabel = "N",
      description = "Retries after a failure (default 3).")
  Integer maxRetries;

  @Option(
      names = "--retry-backoff",
      paramLabel = "DURATION",
      description = "Wait before a retry, e.g. PT1S.")
  String retryBackoff;

  @Option(
      names = "--task-timeout",
      paramLabel = "DURATION",
      description = "Longest a run may take, e.g. PT30S.")
  String taskTimeout;

  @Option(
      names = "--estimated-duration",
      paramLabel = "DURATION",
      description = "Expected run time, e.g. PT0.3S.")
  String estimatedDuration;

  @Option(names = "--region", paramLabel = "REGION", description = "Preferred region of the agent.")
  String region;

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label; repeatable.")
  Map<String, String> labels;

  public SubmitCommand(YardContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<RawSubmission> batch =
        file != null ? fromFile() : List.of(new RawSubmission("the flags", fromFlags()));
    SubmissionCheck.Outcome outcome = new SubmissionCheck(new SubmissionValidator()).require(batch);
    outcome.warnings().forEach(w -> context.err().println("warning: " + w));
    List<String> ids;
    try (YardClients clients = kafka.connect()) {
      ids = new SubmissionSender(clients).send(batch);
    }
    ids.forEach(context.out()::println);
    context
        .err()
        .println(
            "submitted "
                + ids.size()
                + (ids.size() == 1 ? " task" : " tasks")
                + " to "
                + kafka.topics().submit().name());
    return 0;
  }

  private List<RawSubmission> fromFile() {
    if (id != null || type != null || payload != null || level != null) {
      throw new BadInputException(
          "give the tasks either in a file (-f) or with the flags (--id, --type...), not both");
    }
    return SubmissionReader.read(file, context.in());
  }

  private ObjectNode fromFlags() {
    if (type == null) {
      throw new BadInputException(
          "--type is required (e.g. --type sleep --payload '{\"ms\":500}'), or give the tasks in a"
              + " file with -f FILE");
    }
    ObjectNode task = Json.mapper().createObjectNode();
    task.put("id", id != null ? id : "task-" + UUID.randomUUID().toString().substring(0, 8));
    task.put("type", type);
    if (payload != null) {
      task.set("payload", parsePayload());
    }
    putIfSet(task, "pool", pool);
    if (level != null || businessValue != null || deadline != null) {
      ObjectNode priority = task.putObject("priority");
      if (level != null) {
        priority.put("level", level);
      }
      if (businessValue != null) {
        priority.put("businessValue", businessValue);
      }
      putIfSet(priority, "deadline", deadline);
    }
    putList(task, "requiredCapabilities", capabilities);
    putList(task, "dependencies", dependencies);
    if (maxRetries != null) {
      task.put("maxRetries", maxRetries);
    }
    putIfSet(task, "retryBackoff", retryBackoff);
    putIfSet(task, "timeout", taskTimeout);
    putIfSet(task, "estimatedDuration", estimatedDuration);
    putIfSet(task, "region", region);
    if (labels != null && !labels.isEmpty()) {
      ObjectNode node = task.putObject("labels");
      labels.forEach(node::put);
    }
    return task;
  }

  private JsonNode parsePayload() {
    try {
      return Json.mapper().readTree(payload);
    } catch (IOException e) {
      throw new BadInputException(
          "--payload is not valid JSON: "
              + e.getMessage().lines().findFirst().orElse("")
              + ". Quote it for the shell, e.g. --payload '{\"ms\": 500}'",
          e);
    }
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static void putList(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(field);
      values.stream().map(String::trim).forEach(array::add);
    }
  }
}
