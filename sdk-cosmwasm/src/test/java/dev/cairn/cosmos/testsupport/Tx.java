package dev.cairn.cosmos.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/** Transaction bytes for tests (the clients treat them as opaque) and their hash. */
public final class Tx {
  private Tx() {}

  /** Upper-case hex SHA-256. */
  public static String hash(byte[] tx) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(tx);
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format(Locale.ROOT, "%02X", b));
      }
      return sb.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Upper-case hex of {@code b} (e.g. a hash sent as base64). */
  public static String hashOfHex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format(Locale.ROOT, "%02X", x));
    }
    return sb.toString();
  }

  /** Some bytes standing for a signed transaction. */
  public static byte[] bytes(String label) {
    return ("txraw:" + label).getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes in the base64 {@code tx_bytes} of a REST body or the tx param of broadcast_tx_sync. */
  public static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64);
  }
}
