package dev.cairn.evm.rpc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.abi.Address;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Strict EVM JSON-RPC value codecs (hex quantities, data, hashes, addresses; the generic readers
 * delegate to sdk-transport's {@link JsonValues}) on Jackson's streaming API. Readers expect the parser positioned on
 * the value's first token and leave it on the value's last token; every problem is a {@link
 * TransportException} of kind {@code MALFORMED_RESPONSE} naming the JSON pointer of the value.
 * Internal: not part of the public API.
 */
public final class Json {
  /** Longest quantity accepted: 64 hex digits (256 bits). */
  public static final int MAX_QUANTITY_DIGITS = 64;
  /** Longest byte string accepted in a response (hex digits), 64 MiB of data. */
  public static final int MAX_DATA_DIGITS = 128 * 1024 * 1024;

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final byte[] EMPTY = new byte[0];

  private Json() {}

  /** The JSON pointer of the parser's current value. */
  public static String path(JsonParser p) {
    return JsonValues.path(p);
  }

  /** A malformed-response exception at the parser's current value (method filled in later). */
  public static TransportException malformed(JsonParser p, String problem) {
    return JsonValues.malformed(p, problem);
  }

  /** A malformed-response exception for a missing member of the object the parser just closed. */
  public static TransportException missing(JsonParser p, String field) {
    return JsonValues.missing(p, field);
  }

  private static String describe(JsonToken t) {
    return JsonValues.describe(t);
  }

  /** Requires the current token to be {@code expected}. */
  public static void expect(JsonParser p, JsonToken expected, String what) {
    JsonValues.expect(p, expected, what);
  }

  /** Requires the current token to start an object. */
  public static void expectObject(JsonParser p) {
    JsonValues.expectObject(p);
  }

  /** Whether the current token is JSON {@code null}. */
  public static boolean isNull(JsonParser p) {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Reads the value of the next object member, returning its name, or {@code null} at the object's end. */
  public static String nextField(JsonParser p) throws IOException {
    return JsonValues.nextField(p);
  }

  /** Skips the current value (and its children). */
  public static void skip(JsonParser p) throws IOException {
    p.skipChildren();
  }

  // ------------------------------------------------------------------ quantities

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Validates the current token as a quantity and returns the number of hex digits (after 0x). */
  private static int checkQuantity(JsonParser p, int maxDigits) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(p, "expected a hex quantity string, found " + describe(p.currentToken()));
    }
    char[] buf = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len < 3 || buf[off] != '0' || (buf[off + 1] != 'x' && buf[off + 1] != 'X')) {
      throw malformed(p, "quantity must be 0x followed by at least one hex digit");
    }
    int digits = len - 2;
    if (digits > maxDigits) {
      throw malformed(p, "quantity has " + digits + " hex digits, at most " + maxDigits + " allowed");
    }
    if (digits > 1 && buf[off + 2] == '0') {
      throw malformed(p, "quantity has a leading zero");
    }
    for (int i = 2; i < len; i++) {
      if (hexValue(buf[off + i]) < 0) {
        throw malformed(p, "quantity has a non-hex character at offset " + i);
      }
    }
    return digits;
  }

  /** A quantity that must fit a non-negative {@code long}. */
  public static long quantityLong(JsonParser p) throws IOException {
    int digits = checkQuantity(p, 16);
    char[] buf = p.getTextCharacters();
    int off = p.getTextOffset() + 2;
    if (digits == 16 && hexValue(buf[off]) > 7) {
      throw malformed(p, "quantity exceeds " + Long.MAX_VALUE);
    }
    long v = 0;
    for (int i = 0; i < digits; i++) {
      v = (v << 4) | hexValue(buf[off + i]);
    }
    return v;
  }

  /** A quantity that must fit an {@code int}. */
  public static int quantityInt(JsonParser p) throws IOException {
    long v = quantityLong(p);
    if (v > Integer.MAX_VALUE) {
      throw malformed(p, "quantity exceeds " + Integer.MAX_VALUE);
    }
    return (int) v;
  }

  /** A quantity of up to 256 bits. */
  public static BigInteger quantity(JsonParser p) throws IOException {
    int digits = checkQuantity(p, MAX_QUANTITY_DIGITS);
    if (digits <= 15) {
      return BigInteger.valueOf(quantityLong(p));
    }
    char[] buf = p.getTextCharacters();
    return new BigInteger(new String(buf, p.getTextOffset() + 2, digits), 16);
  }

  /** A quantity, or {@code null} for JSON null. */
  public static BigInteger quantityOrNull(JsonParser p) throws IOException {
    return isNull(p) ? null : quantity(p);
  }

  /** A long quantity, or {@code null} for JSON null. */
  public static Long quantityLongOrNull(JsonParser p) throws IOException {
    return isNull(p) ? null : quantityLong(p);
  }

  // ------------------------------------------------------------------ byte strings

  private static byte[] hexBytes(JsonParser p, int exactBytes, int maxDigits, String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(p, "expected " + what + " (0x-hex string), found " + describe(p.currentToken()));
    }
    char[] buf = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len < 2 || buf[off] != '0' || (buf[off + 1] != 'x' && buf[off + 1] != 'X')) {
      throw malformed(p, what + " must start with 0x");
    }
    int digits = len - 2;
    if (exactBytes >= 0 && digits != exactBytes * 2) {
      throw malformed(p, what + " must have " + exactBytes * 2 + " hex digits, has " + digits);
    }
    if (digits > maxDigits) {
      throw malformed(p, what + " has " + digits + " hex digits, at most " + maxDigits + " allowed");
    }
    if ((digits & 1) != 0) {
      throw malformed(p, what + " has an odd number of hex digits");
    }
    if (digits == 0) {
      return EMPTY;
    }
    byte[] out = new byte[digits >>> 1];
    int q = off + 2;
    for (int i = 0; i < out.length; i++) {
      int hi = hexValue(buf[q + 2 * i]);
      int lo = hexValue(buf[q + 2 * i + 1]);
      if (hi < 0 || lo < 0) {
        throw malformed(p, what + " has a non-hex character at offset " + (2 + 2 * i + (hi < 0 ? 0 : 1)));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Arbitrary-length data ({@code 0x} + an even number of hex digits). */
  public static byte[] data(JsonParser p) throws IOException {
    return hexBytes(p, -1, MAX_DATA_DIGITS, "data");
  }

  /** Data of exactly {@code n} bytes. */
  public static byte[] fixedData(JsonParser p, int n) throws IOException {
    return hexBytes(p, n, n * 2, n + "-byte data");
  }

  /** A 32-byte hash. */
  public static byte[] hash(JsonParser p) throws IOException {
    return hexBytes(p, 32, 64, "32-byte hash");
  }

  /** A 32-byte hash, or {@code null} for JSON null. */
  public static byte[] hashOrNull(JsonParser p) throws IOException {
    return isNull(p) ? null : hash(p);
  }

  /**
   * A storage slot key: {@code 0x} and 1 to 64 hex digits (nodes echo the caller's form),
   * left-padded to 32 bytes.
   */
  public static byte[] slotKey(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(p, "expected a storage key (0x-hex string), found " + describe(p.currentToken()));
    }
    char[] buf = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len < 3 || len > 66 || buf[off] != '0' || (buf[off + 1] != 'x' && buf[off + 1] != 'X')) {
      throw malformed(p, "storage key must be 0x followed by 1 to 64 hex digits");
    }
    byte[] out = new byte[32];
    int digit = 0;
    for (int i = len - 1; i >= 2; i--, digit++) {
      int v = hexValue(buf[off + i]);
      if (v < 0) {
        throw malformed(p, "storage key has a non-hex character at offset " + i);
      }
      out[31 - (digit >>> 1)] |= (byte) ((digit & 1) == 0 ? v : v << 4);
    }
    return out;
  }

  /** A 20-byte address (case-insensitive; a node's answer is not checksum-validated). */
  public static Address address(JsonParser p) throws IOException {
    return Address.of(hexBytes(p, 20, 40, "address"));
  }

  /** An address, or {@code null} for JSON null. */
  public static Address addressOrNull(JsonParser p) throws IOException {
    return isNull(p) ? null : address(p);
  }

  /** A JSON boolean. */
  public static boolean bool(JsonParser p) {
    return JsonValues.bool(p);
  }

  /** A JSON string. */
  public static String string(JsonParser p) throws IOException {
    return JsonValues.string(p);
  }

  /** A JSON number as a double (finite). */
  public static double number(JsonParser p) throws IOException {
    return JsonValues.number(p);
  }

  /** A JSON array, each element read by {@code element}; immutable. */
  public static <T> List<T> list(JsonParser p, ResultReader<T> element) throws IOException {
    return JsonValues.list(p, element);
  }

  /** The current value as compact JSON text (for raw results and error data). */
  public static String rawJson(JsonParser p) throws IOException {
    return JsonValues.rawJson(p);
  }

  // ------------------------------------------------------------------ writing

  /** Writes a quantity ({@code 0x0}, {@code 0x1f}, ...); {@code v} must be non-negative. */
  public static void writeQuantity(JsonGenerator g, long v) throws IOException {
    if (v < 0) {
      throw new IllegalArgumentException("quantity is negative: " + v);
    }
    char[] c = new char[18];
    int pos = 18;
    do {
      c[--pos] = DIGITS[(int) (v & 0xf)];
      v >>>= 4;
    } while (v != 0);
    c[--pos] = 'x';
    c[--pos] = '0';
    g.writeString(c, pos, 18 - pos);
  }

  /** Writes a non-negative quantity. */
  public static void writeQuantity(JsonGenerator g, BigInteger v) throws IOException {
    if (v.signum() < 0) {
      throw new IllegalArgumentException("quantity is negative: " + v);
    }
    if (v.bitLength() < 63) {
      writeQuantity(g, v.longValue());
    } else {
      g.writeString("0x" + v.toString(16));
    }
  }

  /** Writes {@code 0x}-prefixed lowercase hex of {@code b}. */
  public static void writeData(JsonGenerator g, byte[] b) throws IOException {
    char[] c = new char[2 + 2 * b.length];
    c[0] = '0';
    c[1] = 'x';
    for (int i = 0; i < b.length; i++) {
      c[2 + 2 * i] = DIGITS[(b[i] >>> 4) & 0xf];
      c[3 + 2 * i] = DIGITS[b[i] & 0xf];
    }
    g.writeString(c, 0, c.length);
  }

  /** Writes an address as lowercase hex. */
  public static void writeAddress(JsonGenerator g, Address a) throws IOException {
    writeData(g, a.bytes());
  }
}
