package io.yardmaster.worker.it;

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
final class ChildJvm implements AutoCloseable {
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
  static ChildJvm start(Path dir, String name, Class<?> mainClass, List<String> args) {
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

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** What the process printed on stdout so far. */
  String stdout() {
    return read(stdout);
  }

  /** What the process printed on stderr so far. */
  String stderr() {
    return read(stderr);
  }

  /** SIGTERM: the process may shut down in its own way. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL: the process stops at once, with no shutdown hook run. */
  void kill() {
    process.destroyForcibly();
  }

  /** Waits for the process to end; its exit code, or -1 if it still runs after {@code timeout}. */
  int waitForExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  @Override
  public void close() {
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
