package io.yardmaster.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The TCP sockets this machine listens on, as Linux reports them in /proc/net/tcp and tcp6. */
final class ListeningSockets {
  static final Path TCP = Path.of("/proc/net/tcp");
  static final Path TCP6 = Path.of("/proc/net/tcp6");
  private static final String LISTEN = "0A";

  /** A listening socket: the local address and port it is bound to. */
  record Listener(InetAddress address, int port) {}

  private ListeningSockets() {}

  static boolean available() {
    return Files.isReadable(TCP);
  }

  /** Every listening socket, IPv4 and IPv6. */
  static List<Listener> all() throws IOException {
    List<Listener> listeners = new ArrayList<>(parse(TCP));
    if (Files.isReadable(TCP6)) {
      listeners.addAll(parse(TCP6));
    }
    return listeners;
  }

  static List<Listener> parse(Path table) throws IOException {
    List<Listener> listeners = new ArrayList<>();
    List<String> lines = Files.readAllLines(table);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 4 || !fields[3].equals(LISTEN)) {
        continue;
      }
      String[] local = fields[1].split(":");
      listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
    }
    return listeners;
  }

  /** The kernel writes each 32-bit word of the address in host (little-endian) byte order. */
  static InetAddress address(String hex) throws UnknownHostException {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = (word * 4 + b) * 2;
        bytes[word * 4 + 3 - b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return InetAddress.getByAddress(bytes);
  }
}
