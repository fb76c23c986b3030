package io.yardmaster.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A process the local run started: its name, its log file, and a stop that asks first (SIGTERM),
 * then forces (SIGKILL), and takes the process's descendants down with it.
 *
 * @param tier the stop order: higher tiers stop first (agents, then the dispatcher, then Kafka)
 */
public record ManagedProcess(String name, int tier, Process process, Path log) {
  public ManagedProcess {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(process, "process can't be null");
    Objects.requireNonNull(log, "log can't be null");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the process to stop (SIGTERM), remembering its descendants first. */
  List<ProcessHandle> requestStop() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    return descendants;
  }

  /** Waits for the process to end; false when it is still running after {@code timeout}. */
  boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Kills the process and whatever descendants are left. */
  void kill(List<ProcessHandle> descendants) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    awaitExit(Duration.ofSeconds(5));
  }

  /** The last lines of the log, to show why a process stopped. */
  public List<String> logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }
}
