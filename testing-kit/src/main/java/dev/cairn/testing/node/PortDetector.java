package dev.cairn.testing.node;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Finds the port a node reports in one line of its output (nodes started with port 0 pick a free
 * port themselves and print it, which avoids the race of choosing a free port up front).
 */
@FunctionalInterface
public interface PortDetector {
  /** The port announced by {@code line}, or empty when the line announces none. */
  OptionalInt find(String line);

  /**
   * Lines containing {@code marker} (ignoring case) announce the port as the digits after the last
   * {@code ':'} (or, without a colon, after the marker): anvil's {@code Listening on
   * 127.0.0.1:PORT}, or a Node.js server printing {@code listening on http://127.0.0.1:PORT}.
   */
  static PortDetector after(String marker) {
    String m = marker.toLowerCase(Locale.ROOT);
    return line -> {
      int at = line.toLowerCase(Locale.ROOT).indexOf(m);
      if (at < 0) {
        return OptionalInt.empty();
      }
      String rest = line.substring(at + m.length());
      int colon = rest.lastIndexOf(':');
      String tail = (colon >= 0 ? rest.substring(colon + 1) : rest).trim();
      int end = 0;
      while (end < tail.length() && end < 6 && Character.isDigit(tail.charAt(end))) {
        end++;
      }
      if (end == 0) {
        return OptionalInt.empty();
      }
      int port = Integer.parseInt(tail.substring(0, end));
      return port > 0 && port < 65536 ? OptionalInt.of(port) : OptionalInt.empty();
    };
  }

  /** The convention of the kit's launchers: a line containing {@code listening on ...:PORT}. */
  static PortDetector listeningOn() {
    return after("listening on ");
  }
}
