package dev.cairn.transport.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The default channel rule: plain {@code http://} to {@code localhost} or to an IP literal that is
 * loopback, private (RFC 1918, IPv6 unique-local {@code fc00::/7}) or link-local gets the pipelined
 * HTTP/1.1 channel; everything else (TLS, public hosts, any other host name) gets OkHttp. No DNS
 * lookup is made: a host name other than {@code localhost} counts as remote. Internal.
 */
public final class EndpointRule {
  /** Connections of the pipelined channel when it is chosen by default. */
  public static final int DEFAULT_PIPELINE_CONNECTIONS = 2;

  private EndpointRule() {}

  /** Whether {@code scheme://host} is a nearby plain-HTTP endpoint (see the class comment). */
  public static boolean isNearbyPlainHttp(String scheme, String host) {
    if (!"http".equals(scheme) || host == null || host.isEmpty()) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost") || h.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
      return true;
    }
    if (!isIpLiteral(h)) {
      return false;
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(h); // an IP literal: parsed, never looked up
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    return b.length == 16 && (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
  }

  private static boolean isIpLiteral(String h) {
    if (h.indexOf(':') >= 0) {
      for (int i = 0; i < h.length(); i++) {
        char c = h.charAt(i);
        boolean ok = c == ':' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    int dots = 0;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }
}
