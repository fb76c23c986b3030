package io.yardmaster.worker.handler.builtin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains a process's output stream on its own thread, keeping at most {@code limit} bytes: the
 * first ones (head, for stdout) or the last ones (tail, for stderr). The rest is counted and
 * dropped, so a chatty program cannot fill the agent's memory or block on a full pipe.
 */
final class StreamCapture {
  private final byte[] kept;
  private final boolean keepTail;
  private final Thread reader;
  private int size;
  private int start;
  private long total;

  private StreamCapture(InputStream in, int limit, boolean keepTail, String name) {
    this.kept = new byte[limit];
    this.keepTail = keepTail;
    this.reader = new Thread(() -> drain(in), name);
    reader.setDaemon(true);
    reader.start();
  }

  static StreamCapture head(InputStream in, int limit, String name) {
    return new StreamCapture(in, limit, false, name);
  }

  static StreamCapture tail(InputStream in, int limit, String name) {
    return new StreamCapture(in, limit, true, name);
  }

  private void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        append(buffer, n);
      }
    } catch (IOException e) {
      // the process died or was killed: keep what was read
    }
  }

  private synchronized void append(byte[] buffer, int n) {
    total += n;
    for (int i = 0; i < n; i++) {
      if (size < kept.length) {
        kept[(start + size++) % kept.length] = buffer[i];
      } else if (keepTail && kept.length > 0) {
        kept[start] = buffer[i];
        start = (start + 1) % kept.length;
      } else {
        return;
      }
    }
  }

  /** Waits up to {@code timeout} for the stream to end (a grandchild may hold it open). */
  void await(Duration timeout) throws InterruptedException {
    reader.join(Math.max(1, timeout.toMillis()));
  }

  synchronized String text() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    for (int i = 0; i < size; i++) {
      out.write(kept[(start + i) % kept.length]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  synchronized boolean truncated() {
    return total > size;
  }
}
