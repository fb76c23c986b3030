package io.yardmaster.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Default agent ids: {@code <host>-<pool>-<index>}, stable across restarts on the same host, so a
 * restarted agent finds its committed assignment offsets again and only gets back what it had not
 * finished.
 */
public final class AgentIds {
  private AgentIds() {}

  public static String stable(String host, String pool, int index) {
    return sanitize(host) + "-" + sanitize(pool) + "-" + index;
  }

  /** The host's name: {@code HOSTNAME} when set (as in containers), else what the OS reports. */
  public static String localHostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  static String sanitize(String value) {
    String clean = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    return clean.isEmpty() ? "agent" : clean;
  }
}
