package dev.cairn.cosmos.client.internal;

import dev.cairn.cosmos.CosmosException;
import java.nio.charset.StandardCharsets;

/** Checks and escapes the parts of request targets built from caller input. */
public final class Targets {
  private Targets() {}

  /** A bech32 address (or any [a-zA-Z0-9] token) put into a path segment. */
  public static String address(String field, String address) {
    if (address == null || address.isEmpty() || address.length() > 256) {
      throw CosmosException.invalid(field, "must be 1 to 256 characters");
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw CosmosException.invalid(field, "character not allowed in an address at offset " + i);
      }
    }
    return address;
  }

  /** A transaction hash: 64 hex digits, returned upper-case. */
  public static String txHash(String field, String hash) {
    if (hash == null || hash.length() != 64) {
      throw CosmosException.invalid(field, "must be 64 hex digits");
    }
    for (int i = 0; i < 64; i++) {
      char c = hash.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        throw CosmosException.invalid(field, "not a hex digit at offset " + i);
      }
    }
    return hash.toUpperCase(java.util.Locale.ROOT);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters. */
  public static String percent(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(b.length * 3);
    for (byte x : b) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }
}
