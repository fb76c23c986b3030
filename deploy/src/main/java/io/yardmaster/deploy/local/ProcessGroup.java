package io.yardmaster.deploy.local;

import io.yardmaster.deploy.RunFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every process the local run started. {@link #stopAll} stops them tier by tier (agents first, then
 * the dispatcher, then Kafka): SIGTERM to the whole tier, a grace period, then SIGKILL for what is
 * left and for every descendant. It runs once, from the run or from the shutdown hook.
 */
public final class ProcessGroup {
  private final PrintWriter out;
  private final Duration grace;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final java.util.Set<ManagedProcess> retired = new java.util.HashSet<>();
  private boolean stopped;

  public ProcessGroup(PrintWriter out, Duration grace) {
    this.out = out;
    this.grace = grace;
  }

  /** Starts a process whose stdout and stderr go to {@code log}. */
  public synchronized ManagedProcess start(String name, int tier, List<String> command, Path log) {
    if (stopped) {
      throw new RunFailedException("the run is stopping; " + name + " was not started");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    try {
      ManagedProcess p = new ManagedProcess(name, tier, builder.start(), log);
      processes.add(p);
      return p;
    } catch (IOException e) {
      throw new RunFailedException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  public synchronized List<ManagedProcess> processes() {
    return List.copyOf(processes);
  }

  /** The pids of every process started, in start order. */
  public synchronized List<Long> pids() {
    return processes.stream().map(ManagedProcess::pid).toList();
  }

  /** A process that has ended although nobody asked it to, if any. */
  public synchronized Optional<ManagedProcess> firstUnexpectedExit() {
    return stopped
        ? Optional.empty()
        : processes.stream().filter(p -> !p.isAlive() && !retired.contains(p)).findFirst();
  }

  /** Asks one process to stop (SIGTERM) before the run ends: its exit is expected. */
  public synchronized void retire(ManagedProcess p) {
    retired.add(p);
    p.requestStop();
  }

  public synchronized boolean isStopped() {
    return stopped;
  }

  /** Stops every process, highest tier first; safe to call more than once. */
  public synchronized void stopAll() {
    if (stopped) {
      return;
    }
    stopped = true;
    Map<Integer, List<ManagedProcess>> tiers = new TreeMap<>(Comparator.reverseOrder());
    processes.forEach(p -> tiers.computeIfAbsent(p.tier(), t -> new ArrayList<>()).add(p));
    int killed = 0;
    for (List<ManagedProcess> tier : tiers.values()) {
      Map<ManagedProcess, List<ProcessHandle>> descendants =
          tier.stream().collect(Collectors.toMap(p -> p, ManagedProcess::requestStop, (a, b) -> a));
      long deadline = System.nanoTime() + grace.toNanos();
      for (ManagedProcess p : tier) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!p.awaitExit(left)) {
          out.println("  " + p.name() + " (pid " + p.pid() + ") did not stop in time; killing it");
          killed++;
        }
        p.kill(descendants.get(p));
      }
    }
    long alive = processes.stream().filter(ManagedProcess::isAlive).count();
    out.println(
        "stopped "
            + processes.size()
            + " processes"
            + (killed > 0 ? " (" + killed + " killed after " + grace.toSeconds() + " s)" : "")
            + (alive > 0 ? "; " + alive + " still alive!" : ""));
    out.flush();
  }
}
