package io.yardmaster.deploy.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the commands use of the outside world, so tests can run them in-process: stdin, stdout,
 * stderr, the clock, whether stdout is a terminal, and the repository the {@code yard} script runs
 * from (where {@code yard local} makes its work folder).
 */
public record YardContext(
    InputStream in, PrintWriter out, PrintWriter err, Clock clock, boolean terminal, Path home) {
  /** The system property the {@code yard} script sets to the repository's root. */
  public static final String HOME_PROPERTY = "yard.home";

  public YardContext {
    Objects.requireNonNull(in, "in can't be null");
    Objects.requireNonNull(out, "out can't be null");
    Objects.requireNonNull(err, "err can't be null");
    Objects.requireNonNull(clock, "clock can't be null");
    Objects.requireNonNull(home, "home can't be null");
  }

  /** The real console of this process. */
  public static YardContext system() {
    return new YardContext(
        System.in,
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        Clock.systemUTC(),
        io.yardmaster.deploy.progress.ProgressView.stdoutIsTerminal(),
        Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize());
  }
}
