package io.yardmaster.kafka.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creating and deleting data folders. */
public final class Folders {
  private Folders() {}

  /**
   * A new folder for a cluster's data: under {@code target/} when the working folder has one (a
   * Maven module's tests), else under the system temporary folder.
   */
  public static Path freshTempDir(String prefix) {
    Path target = Path.of("target");
    try {
      return Files.isDirectory(target)
          ? Files.createTempDirectory(target.toAbsolutePath(), prefix)
          : Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data folder for the embedded cluster", e);
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
