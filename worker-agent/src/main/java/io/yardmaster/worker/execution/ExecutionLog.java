package io.yardmaster.worker.execution;

import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An optional JSON-lines file with one {@link ExecutionRecord} per execution ({@code
 * --execution-log}), written and flushed as each ends, so tests and operators can check that an
 * agent never ran more than its slots and see what ran twice.
 */
public final class ExecutionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionLog.class);

  private final BufferedWriter writer;

  private ExecutionLog(BufferedWriter writer) {
    this.writer = writer;
  }

  /** A log that writes nothing. */
  public static ExecutionLog none() {
    return new ExecutionLog(null);
  }

  /**
   * Appends to {@code file} (null: none), creating it and its folder when missing.
   *
   * @throws InvalidSettingException when the file cannot be opened
   */
  public static ExecutionLog open(Path file) {
    if (file == null) {
      return none();
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new ExecutionLog(
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new InvalidSettingException(
          "--execution-log", "file '" + file + "' cannot be opened: " + e);
    }
  }

  public void record(ExecutionRecord record) {
    if (writer == null) {
      return;
    }
    try {
      String line = Json.mapper().writeValueAsString(record);
      synchronized (writer) {
        writer.write(line);
        writer.newLine();
        writer.flush();
      }
    } catch (IOException e) {
      LOG.warn("Cannot write to the execution log: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    synchronized (writer) {
      try {
        writer.close();
      } catch (IOException e) {
        LOG.warn("Cannot close the execution log: {}", e.toString());
      }
    }
  }
}
