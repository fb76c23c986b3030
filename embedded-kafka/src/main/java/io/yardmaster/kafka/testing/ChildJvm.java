package io.yardmaster.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A main class running in its own JVM on this test JVM's class path ({@code java -cp
 * <java.class.path> MainClass args...}), its stdout and stderr kept in files. Closing it kills the
 * whole process tree.
 */
public final class ChildJvm implements AutoCloseable {
  /** Child JVMs share two cores with the broker and the test: keep their footprint small. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Dfile.encoding=UTF-8");

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildJvm(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code mainClass} with {@code args}; its output goes to {@code dir/name.out} and {@code
   * dir/name.err}, its INFO log to {@code dir/name.log} (through the agent's own log4j2.xml, which
   * writes to the file named by {@code yard.log.file}).
   */
  public static ChildJvm start(Path dir, String name, Class<?> mainClass, List<String> args) {
    Objects.requireNonNull(mainClass, "mainClass can't be null");
    try {
      Files.createDirectories(dir);
      Path out = dir.resolve(name + ".out");
      Path err = dir.resolve(name + ".err");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-Dlog4j2.configurationFile=" + productLogConfig());
      command.add("-Dyard.log.file=" + dir.resolve(name + ".log").toAbsolutePath());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(mainClass.getName());
      command.addAll(args);
      Files.writeString(dir.resolve(name + ".cmd"), String.join(" ", command));
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      return new ChildJvm(name, process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * The product's log configuration ({@code log4j2.xml} of the agent's main resources), so that a
   * child does not pick up the test configuration that is also on the class path.
   */
  private static String productLogConfig() {
    URL url = ChildJvm.class.getClassLoader().getResource("log4j2.xml");
    if (url == null) {
      throw new IllegalStateException("log4j2.xml is not on the class path");
    }
    return url.toString();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the process printed on stdout so far. */
  public String stdout() {
    return read(stdout);
  }

  /** What the process printed on stderr so far. */
  public String stderr() {
    return read(stderr);
  }

  /** SIGTERM: the process may shut down in its own way. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the process stops at once, with no shutdown hook run. */
  public void kill() {
    process.destroyForcibly();
  }

  /** Waits for the process to end; its exit code, or -1 if it still runs after {@code timeout}. */
  public int waitForExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** SIGSTOP: the process is frozen (no heartbeat, no result) until {@link #resume()}. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT: a paused process goes on where it stopped. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + name, e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        signal("CONT"); // a paused process must run to die of SIGKILL's cleanup of its children
      } catch (IllegalStateException | UncheckedIOException e) {
        // it ended meanwhile: nothing to wake
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
