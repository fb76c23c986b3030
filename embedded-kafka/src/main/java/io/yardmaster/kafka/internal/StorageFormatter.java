package io.yardmaster.kafka.internal;

import io.yardmaster.kafka.EmbeddedKafkaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.tools.StorageTool;

/**
 * Formats a node's storage with Kafka's own {@code kafka-storage format}, leaving a folder that is
 * already formatted as it is (so a node restarts on its old data).
 */
public final class StorageFormatter {
  private StorageFormatter() {}

  /** Writes {@code props} to {@code propertiesFile} and formats the log folders it names. */
  public static String format(String clusterId, Properties props, Path propertiesFile) {
    return format(clusterId, props, propertiesFile, List.of());
  }

  /**
   * As {@link #format(String, Properties, Path)}, with more arguments for the format tool (e.g.
   * {@code --add-scram} credentials written into the metadata from the start).
   */
  public static String format(
      String clusterId, Properties props, Path propertiesFile, List<String> extraArgs) {
    try {
      Files.createDirectories(propertiesFile.getParent());
      try (OutputStream out = Files.newOutputStream(propertiesFile)) {
        props.store(out, "embedded Kafka node");
      }
    } catch (IOException e) {
      throw new EmbeddedKafkaException("cannot write " + propertiesFile, e);
    }
    List<String> argList =
        new ArrayList<>(
            List.of(
                "format", "-t", clusterId, "-c", propertiesFile.toString(), "--ignore-formatted"));
    argList.addAll(extraArgs);
    String[] args = argList.toArray(String[]::new);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(args, out);
    } catch (RuntimeException e) {
      throw new EmbeddedKafkaException(
          "cannot format the storage of " + propertiesFile.getParent() + ": " + e.getMessage(), e);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    if (exitCode != 0) {
      throw new EmbeddedKafkaException(
          "formatting the storage of " + propertiesFile.getParent() + " failed: " + output);
    }
    return output;
  }
}
