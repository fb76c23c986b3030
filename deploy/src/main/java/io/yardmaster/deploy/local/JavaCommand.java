package io.yardmaster.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Command lines that run one of the product's main classes in a new JVM, on the classpath of this
 * one (the deploy module's classes and {@code target/lib}).
 *
 * @param java the java executable
 * @param classpath the classpath to pass on
 * @param jvmOptions options for every JVM started (heap, GC...)
 */
public record JavaCommand(String java, String classpath, List<String> jvmOptions) {
  /**
   * Small heaps, the serial collector and C1 only: a dozen JVMs start fast on a laptop and leave it
   * usable. Override with {@value #ENV_JVM_OPTIONS}.
   */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  public static final String ENV_JVM_OPTIONS = "YARD_LOCAL_JVM_OPTS";

  private static final Path SHELL = Path.of("/bin/sh");
  // the shell's $0 and $@ are the java command line that follows, passed on unchanged
  private static final String IGNORE_SIGINT_THEN_EXEC = "trap '' INT; exec \"$0\" \"$@\"";

  public JavaCommand {
    Objects.requireNonNull(java, "java can't be null");
    Objects.requireNonNull(classpath, "classpath can't be null");
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** The java and classpath of this JVM, with the JVM options from the environment or default. */
  public static JavaCommand ofCurrentJvm() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String fromEnv = System.getenv(ENV_JVM_OPTIONS);
    List<String> options =
        fromEnv == null || fromEnv.isBlank()
            ? DEFAULT_JVM_OPTIONS
            : Arrays.stream(fromEnv.trim().split("\\s+")).toList();
    return new JavaCommand(java, System.getProperty("java.class.path"), options);
  }

  /**
   * {@code java <jvm options> <extra> -cp <classpath> <main> <args>}. Where a POSIX shell exists,
   * the JVM is started through it with SIGINT ignored: a Ctrl-C in the terminal then reaches only
   * the local run, which stops its processes in order (agents, dispatcher, Kafka) with SIGTERM,
   * instead of every process at once with Kafka going first.
   */
  public List<String> command(Class<?> mainClass, List<String> extraJvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SHELL)) {
      command.addAll(List.of(SHELL.toString(), "-c", IGNORE_SIGINT_THEN_EXEC));
    }
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(extraJvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass.getName());
    command.addAll(args);
    return command;
  }
}
