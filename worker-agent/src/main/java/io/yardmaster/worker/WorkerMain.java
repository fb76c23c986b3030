package io.yardmaster.worker;

import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.worker.config.WorkerCommand;
import io.yardmaster.worker.config.WorkerDefaults;
import io.yardmaster.worker.config.WorkerOptions;
import io.yardmaster.worker.lifecycle.TerminationSignals;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code yard-worker}: reads the options, starts one {@link WorkerAgent}, drains it on SIGTERM,
 * exits 0 when it has stopped, or 2 (with a message naming the setting) when the configuration is
 * bad.
 */
public final class WorkerMain {
  static final int EXIT_OK = 0;
  static final int EXIT_BAD_CONFIG = 2;

  private WorkerMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Parsed parsed = parse(args, System.getenv(), out, err);
    if (parsed.exitCode() != null) {
      System.exit(parsed.exitCode());
    }
    System.exit(run(parsed.options(), out, err));
  }

  /** The outcome of reading the options: options to run with, or an exit code. */
  record Parsed(WorkerOptions options, Integer exitCode) {}

  /** Reads and checks the options; prints help, the version or the problem as asked. */
  static Parsed parse(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    WorkerCommand command = new WorkerCommand();
    try {
      WorkerDefaults defaults = WorkerDefaults.from(args, env);
      CommandLine cli = new CommandLine(command).setDefaultValueProvider(defaults);
      cli.setOut(out).setErr(err);
      cli.parseArgs(args);
      if (cli.isUsageHelpRequested()) {
        cli.usage(out);
        return new Parsed(null, EXIT_OK);
      }
      if (cli.isVersionHelpRequested()) {
        cli.printVersionHelp(out);
        return new Parsed(null, EXIT_OK);
      }
      Set<String> keys =
          cli.getCommandSpec().options().stream()
              .map(WorkerDefaults::key)
              .collect(Collectors.toSet());
      Set<String> unknown = defaults.unknownKeys(keys);
      if (!unknown.isEmpty()) {
        throw new InvalidSettingException(
            WorkerDefaults.CONFIG_OPTION, "file has keys that name no option: " + unknown);
      }
      return new Parsed(command.toOptions(), null);
    } catch (ParameterException e) {
      err.println("yard-worker: " + e.getMessage());
      err.println("Run yard-worker --help to see the options.");
      return new Parsed(null, EXIT_BAD_CONFIG);
    } catch (InvalidSettingException e) {
      err.println("yard-worker: invalid setting: " + e.getMessage());
      return new Parsed(null, EXIT_BAD_CONFIG);
    }
  }

  /** Runs the agent until it has stopped (after SIGTERM), returning the exit code. */
  static int run(WorkerOptions options, PrintWriter out, PrintWriter err) {
    WorkerAgent agent;
    try {
      agent = WorkerAgent.create(options);
    } catch (InvalidSettingException e) {
      err.println("yard-worker: invalid setting: " + e.getMessage());
      return EXIT_BAD_CONFIG;
    } catch (KafkaException e) {
      err.println("yard-worker: invalid Kafka client setting: " + rootMessage(e));
      return EXIT_BAD_CONFIG;
    }
    try {
      agent.start();
    } catch (InvalidSettingException e) {
      err.println("yard-worker: invalid setting: " + e.getMessage());
      agent.stopNow();
      return EXIT_BAD_CONFIG;
    }
    TerminationSignals.install(
        () -> new Thread(agent::drain, "yard-drain").start(), agent::stopNow);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "yard-shutdown"));
    out.printf(
        "yard-worker %s: pool %s, %d slots, reading %s%s%n",
        options.agentId(),
        options.pool(),
        options.slots(),
        options.topics().assignmentTopicName(options.pool()),
        agent.metricsPort().isPresent()
            ? ", metrics at http://127.0.0.1:" + agent.metricsPort().getAsInt() + "/metrics"
            : "");
    try {
      agent.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      agent.stopNow();
    }
    out.printf("yard-worker %s: stopped%n", options.agentId());
    return EXIT_OK;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
  }
}
