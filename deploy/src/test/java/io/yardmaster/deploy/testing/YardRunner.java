package io.yardmaster.deploy.testing;

import io.yardmaster.deploy.cli.YardContext;
import io.yardmaster.deploy.cli.YardMain;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@code yard} command line in-process with captured output. */
public final class YardRunner {
  /** What a command printed and returned. */
  public record Result(int exitCode, String out, String err, Duration took) {
    public String all() {
      return out + err;
    }
  }

  private final List<String> common;
  private InputStream stdin = InputStream.nullInputStream();

  private YardRunner(List<String> common) {
    this.common = List.copyOf(common);
  }

  /** A runner that adds nothing to the arguments. */
  public static YardRunner plain() {
    return new YardRunner(List.of());
  }

  /** A runner that adds these Kafka options after the (sub)command path. */
  public static YardRunner kafka(String bootstrap, String topicPrefix) {
    return new YardRunner(List.of("--bootstrap-servers", bootstrap, "--topic-prefix", topicPrefix));
  }

  public YardRunner withStdin(String text) {
    this.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * Runs {@code yard <command...> <common options> <args...>}; {@code command} is the command path,
   * e.g. {@code List.of("dlq", "list")}.
   */
  public Result run(List<String> command, String... args) {
    List<String> argv = new ArrayList<>(command);
    argv.addAll(common);
    argv.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    YardContext context =
        new YardContext(
            stdin,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.systemUTC(),
            false,
            Path.of("").toAbsolutePath());
    long start = System.nanoTime();
    int exit = YardMain.commandLine(context).execute(argv.toArray(String[]::new));
    return new Result(
        exit, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
  }

  public Result run(String command, String... args) {
    return run(List.of(command), args);
  }
}
