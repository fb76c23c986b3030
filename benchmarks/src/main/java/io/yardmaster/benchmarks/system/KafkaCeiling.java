package io.yardmaster.benchmarks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.EndToEndLatency;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own figures on the same broker, from its own tools run as separate processes: what a bare
 * producer sustains, and one produce-consume hop's latency. Our figures are held against them.
 */
final class KafkaCeiling {
  /** ProducerPerformance's summary. */
  record Throughput(double recordsPerSecond, double avgLatencyMs, double p99Ms) {}

  /** EndToEndLatency's summary (one hop: send with acks=all, then consume it). */
  record Latency(double avgMs, double p50Ms, double p99Ms) {}

  private static final Pattern PRODUCER =
      Pattern.compile(
          "(\\d+) records sent, ([0-9.]+) records/sec .*?, ([0-9.]+) ms avg latency.*?([0-9.]+) ms 99th");
  private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([0-9.]+) ms");
  private static final Pattern E2E_PCT =
      Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+)");

  private final String bootstrap;
  private final Path logs;

  KafkaCeiling(String bootstrap, Path logs) {
    this.bootstrap = bootstrap;
    this.logs = logs;
  }

  /** Creates the tools' topics: as many partitions as ours for throughput, one for latency. */
  void createTopics(int partitions) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(p)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("kafka-ceiling.throughput", partitions, (short) 1),
                  new NewTopic("kafka-ceiling.latency", 1, (short) 1)))
          .all()
          .get();
    }
  }

  /** {@code records} records of {@code size} bytes, acks=all, linger 5 ms, as fast as possible. */
  Throughput producer(int records, int size, String name) throws Exception {
    List<String> out =
        run(
            ProducerPerformance.class,
            name,
            List.of(
                "--bootstrap-server",
                bootstrap,
                "--topic",
                "kafka-ceiling.throughput",
                "--num-records",
                Integer.toString(records),
                "--record-size",
                Integer.toString(size),
                "--throughput",
                "-1",
                "--producer-props",
                "acks=all",
                "linger.ms=5",
                "batch.size=131072"));
    for (String line : out) {
      Matcher m = PRODUCER.matcher(line);
      if (m.find() && Long.parseLong(m.group(1)) == records) {
        return new Throughput(
            Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(4)));
      }
    }
    throw new IllegalStateException("no summary from ProducerPerformance: " + tail(out));
  }

  /** {@code records} round trips, one at a time, of {@code size} bytes with acks=all. */
  Latency endToEnd(int records, int size, String name) throws Exception {
    List<String> out =
        run(
            EndToEndLatency.class,
            name,
            List.of(
                bootstrap,
                "kafka-ceiling.latency",
                Integer.toString(records),
                "all",
                Integer.toString(size)));
    Double avg = null;
    for (String line : out) {
      Matcher a = E2E_AVG.matcher(line);
      if (a.find()) {
        avg = Double.parseDouble(a.group(1));
      }
      Matcher p = E2E_PCT.matcher(line);
      if (p.find() && avg != null) {
        return new Latency(avg, Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2)));
      }
    }
    throw new IllegalStateException("no summary from EndToEndLatency: " + tail(out));
  }

  private List<String> run(Class<?> tool, String name, List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")));
    command.add(tool.getName());
    command.addAll(args);
    Path log = logs.resolve(name + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.remove("JAVA_TOOL_OPTIONS");
    Process p = builder.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(tool.getSimpleName() + " did not finish in 5 minutes");
    }
    List<String> out = readLines(log);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          tool.getSimpleName() + " failed (" + p.exitValue() + "): " + tail(out));
    }
    return out;
  }

  private static List<String> readLines(Path log) {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
  }
}
