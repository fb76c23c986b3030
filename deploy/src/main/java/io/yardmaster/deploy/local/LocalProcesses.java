package io.yardmaster.deploy.local;

import io.yardmaster.deploy.RunFailedException;
import io.yardmaster.dispatcher.app.DispatcherMain;
import io.yardmaster.worker.WorkerMain;
import io.yardmaster.worker.config.AgentIds;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the processes of a local run: the broker, the dispatcher and one process per agent, each
 * logging to its own file in the run's {@code logs} folder.
 */
final class LocalProcesses {
  static final int TIER_KAFKA = 0;
  static final int TIER_DISPATCHER = 1;
  static final int TIER_AGENTS = 2;
  private static final String LOG_CONFIG = "process-log4j2.xml";
  private static final String AGENT_DRAIN_TIMEOUT = "5s";

  private final ProcessGroup group;
  private final JavaCommand java;
  private final LocalRunOptions options;
  private final Path work;
  private final Path logs;
  private final List<String> logOptions;

  LocalProcesses(
      ProcessGroup group, JavaCommand java, LocalRunOptions options, Path work, Path logs) {
    this.group = group;
    this.java = java;
    this.options = options;
    this.work = work;
    this.logs = logs;
    this.logOptions = List.of("-Dlog4j2.configurationFile=" + copyLogConfig(logs));
  }

  /** Starts the embedded broker and returns its bootstrap address. */
  BrokerLauncher.Broker startBroker() {
    return BrokerLauncher.start(
        group,
        java,
        work.resolve("kafka"),
        logs.resolve("kafka.out"),
        options.kafkaPort(),
        options.startupTimeout());
  }

  /** Starts the dispatcher, serving its dashboard on loopback at {@code httpPort}. */
  ManagedProcess startDispatcher(String bootstrap, int httpPort) {
    List<String> args = new ArrayList<>(kafkaArgs(bootstrap));
    args.addAll(List.of("--http-port", Integer.toString(httpPort)));
    options.pools().forEach(p -> args.addAll(List.of("--pool", p.dispatcherSpec())));
    options.scaling().forEach((pool, spec) -> args.addAll(List.of("--scale", pool + "=" + spec)));
    // tasks that name no pool and match no pool's capabilities go to the first pool
    args.addAll(List.of("--default-pool", options.pools().get(0).name()));
    args.addAll(List.of("--state-dir", work.resolve("dispatcher-state").toString()));
    return group.start(
        "dispatcher",
        TIER_DISPATCHER,
        java.command(DispatcherMain.class, logOptions, args),
        logs.resolve("dispatcher.log"));
  }

  /**
   * Starts every pool's agents, one process each, and returns their ids with their metrics port (0
   * when metrics are off: they are on only when a dashboard port was asked for).
   */
  Map<String, Integer> startAgents(String bootstrap) {
    Map<String, Integer> agents = new LinkedHashMap<>();
    for (PoolPlan pool : options.pools()) {
      for (int i = 0; i < pool.agents(); i++) {
        StartedAgent a = startAgent(bootstrap, pool, i);
        agents.put(a.agentId(), a.metricsPort());
      }
    }
    return agents;
  }

  /** One agent process and how to reach it. */
  record StartedAgent(String agentId, int metricsPort, ManagedProcess process) {}

  /** Starts agent number {@code index} of a pool. */
  StartedAgent startAgent(String bootstrap, PoolPlan pool, int index) {
    String agentId = AgentIds.stable(AgentIds.localHostName(), pool.name(), index);
    int metricsPort = options.dashboardPort() == null ? 0 : freePort();
    List<String> args = new ArrayList<>(kafkaArgs(bootstrap));
    args.addAll(
        List.of(
            "--pool", pool.name(),
            "--slots", Integer.toString(pool.slots()),
            "--index", Integer.toString(index),
            "--agent-id", agentId,
            "--drain-timeout", AGENT_DRAIN_TIMEOUT,
            "--metrics-port", Integer.toString(metricsPort),
            "--execution-log", logs.resolve(agentId + ".executions.jsonl").toString()));
    if (!pool.capabilities().isEmpty()) {
      args.addAll(List.of("--capabilities", String.join(",", pool.capabilities())));
    }
    ManagedProcess p =
        group.start(
            "agent " + agentId,
            TIER_AGENTS,
            java.command(WorkerMain.class, logOptions, args),
            logs.resolve(agentId + ".log"));
    return new StartedAgent(agentId, metricsPort, p);
  }

  private List<String> kafkaArgs(String bootstrap) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrap));
    if (options.kafkaProperties() != null) {
      args.addAll(List.of("--kafka-properties", options.kafkaProperties().toString()));
    }
    args.addAll(List.of("--topic-prefix", options.topicPrefix()));
    return args;
  }

  /** Writes the child processes' logging configuration into the logs folder. */
  private static Path copyLogConfig(Path logs) {
    Path target = logs.resolve("log4j2.xml");
    try (InputStream in = LocalProcesses.class.getResourceAsStream(LOG_CONFIG)) {
      if (in == null) {
        throw new RunFailedException(
            "the build lacks " + LOG_CONFIG + "; rebuild the deploy module");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new RunFailedException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static int freePort() {
    return portOr(0);
  }

  /** {@code preferred} when it is free on loopback, else any free port. */
  static int portOr(int preferred) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferred));
      return socket.getLocalPort();
    } catch (IOException e) {
      if (preferred != 0) {
        return portOr(0);
      }
      throw new RunFailedException("cannot find a free port", e);
    }
  }
}
