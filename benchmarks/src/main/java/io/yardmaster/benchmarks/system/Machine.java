package io.yardmaster.benchmarks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the benchmark ran on: cores, memory, CPU model, JDK and load, read from {@code /proc} where
 * there is one.
 */
public record Machine(
    int cores,
    long memoryMiB,
    String cpuModel,
    String os,
    String jdk,
    String kafkaVersion,
    String loadAverage) {

  public static Machine describe() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procValue("/proc/meminfo", "MemTotal:").map(Machine::kib).orElse(0L) / 1024,
        procValue("/proc/cpuinfo", "model name")
            .map(v -> v.replaceFirst("^\\s*:\\s*", ""))
            .orElse("?"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        org.apache.kafka.common.utils.internals.AppInfoParser.getVersion(),
        currentLoadAverage());
  }

  /** The 1, 5 and 15 minute load averages, or "?" . */
  public static String currentLoadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Peak resident memory (VmHWM) of a live process in MiB, or -1 when unknown. */
  public static double peakRssMiB(long pid) {
    return procValue("/proc/" + pid + "/status", "VmHWM:").map(v -> kib(v) / 1024.0).orElse(-1.0);
  }

  private static long kib(String value) {
    return Long.parseLong(value.replaceAll("[^0-9]", ""));
  }

  private static Optional<String> procValue(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(key.length()).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
