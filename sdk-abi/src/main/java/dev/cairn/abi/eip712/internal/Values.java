package dev.cairn.abi.eip712.internal;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion of EIP-712 member values (JSON-derived or Java values) into their 32-byte encodings,
 * with range and format checks that name the value's path.
 */
public final class Values {
  /** Longest integer string accepted (decimal or hex, with sign or prefix); 2^256 has 78 digits. */
  private static final int MAX_INTEGER_CHARS = 100;

  private Values() {}

  /**
   * A deep, unmodifiable copy of a Java value tree: maps and lists are copied, {@code Object[]}
   * becomes a list, {@code byte[]} is cloned; other values are kept (they are immutable).
   *
   * @throws AbiException INVALID_VALUE when the tree is nested deeper than the typed-data limit
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> snapshot(Map<String, ?> map, int depth) {
    return map == null ? null : (Map<String, Object>) copy(map, depth);
  }

  private static Object copy(Object v, int depth) {
    if (depth > dev.cairn.abi.eip712.TypedData.MAX_DEPTH) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "typed data: values nested deeper than " + dev.cairn.abi.eip712.TypedData.MAX_DEPTH);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new AbiException(
              AbiException.Reason.INVALID_VALUE, "typed data: map key is not a string");
        }
        out.put(k, copy(e.getValue(), depth + 1));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copy(o, depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Object[] a) {
      return copy(Arrays.asList(a), depth);
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }

  /** A short description of a value's kind for error messages (never the value itself). */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List || v instanceof Object[]) {
      return "an array";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof byte[]) {
      return "a byte array";
    }
    return "a " + v.getClass().getSimpleName();
  }

  /** An array value as a list. */
  public static List<?> list(Object v, String path) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof Object[] a) {
      return Arrays.asList(a);
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE, path + ": expected an array, got " + describe(v));
  }

  /**
   * A {@code bytes} ({@code length} -1) or {@code bytesN} value: {@code byte[]} or a {@code 0x} hex
   * string with an even number of digits; for bytesN exactly N bytes.
   */
  public static byte[] bytes(Object v, String path, int length) {
    byte[] b;
    if (v instanceof byte[] raw) {
      b = raw;
    } else if (v instanceof String s) {
      b = hex(s, path);
    } else {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          path + ": expected 0x-prefixed hex bytes, got " + describe(v));
    }
    if (length >= 0 && b.length != length) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          path + ": expected " + length + " bytes for bytes" + length + ", got " + b.length);
    }
    return b;
  }

  private static byte[] hex(String s, String path) {
    if (s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, path + ": hex bytes must start with 0x");
    }
    if ((s.length() & 1) != 0) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, path + ": odd number of hex digits");
    }
    byte[] out = new byte[(s.length() - 2) / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 + 2 * i), 16);
      int lo = Character.digit(s.charAt(3 + 2 * i), 16);
      if (hi < 0 || lo < 0 || s.charAt(2 + 2 * i) > 'f' || s.charAt(3 + 2 * i) > 'f') {
        throw new AbiException(
            AbiException.Reason.INVALID_VALUE,
            path + ": invalid hex digit at character " + (hi < 0 ? 2 + 2 * i : 3 + 2 * i));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** A {@code string} value as UTF-8; strings with unpaired surrogates are rejected. */
  public static byte[] utf8(Object v, String path) {
    if (!(v instanceof String s)) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, path + ": expected a string, got " + describe(v));
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        throw unpaired(path, i);
      }
      if (Character.isLowSurrogate(c)) {
        throw unpaired(path, i);
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static AbiException unpaired(String path, int i) {
    return new AbiException(
        AbiException.Reason.INVALID_VALUE,
        path + ": unpaired UTF-16 surrogate at index " + i + " (not encodable as UTF-8)");
  }

  /** An {@code address} value: {@link Address}, 20 bytes, or a string accepted by Address.parse. */
  public static byte[] address(Object v, String path) {
    if (v instanceof Address a) {
      return a.bytes();
    }
    if (v instanceof byte[] b && b.length == 20) {
      return b;
    }
    if (v instanceof String s) {
      return Address.parse(path, s).bytes();
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE, path + ": expected an address, got " + describe(v));
  }

  /** A {@code bool} value: a Boolean. */
  public static boolean bool(Object v, String path) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE, path + ": expected a boolean, got " + describe(v));
  }

  /**
   * Writes an {@code intN}/{@code uintN} value as a 32-byte two's-complement word at out[off].
   * Accepts any integral {@link Number}, an integral BigDecimal/Double, a decimal string with an
   * optional minus sign, or a non-negative {@code 0x} hex string.
   */
  public static void integerWord(
      Object v, boolean signed, int bits, String path, byte[] out, int off) {
    BigInteger x = integer(v, path);
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger maxExcl = signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits);
    if (x.compareTo(min) < 0 || x.compareTo(maxExcl) >= 0) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          path + ": value out of range for " + (signed ? "int" : "uint") + bits);
    }
    byte[] b = x.toByteArray();
    byte fill = x.signum() < 0 ? (byte) 0xff : 0;
    int n = Math.min(b.length, 32);
    Arrays.fill(out, off, off + 32 - n, fill);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }

  private static BigInteger integer(Object v, String path) {
    if (v instanceof BigInteger b) {
      return b;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigDecimal d) {
      return integral(d, path);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw notInteger(path);
      }
      return integral(new BigDecimal(d), path);
    }
    if (v instanceof String s) {
      return parseInteger(s, path);
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE,
        path + ": expected an integer (number, decimal or 0x hex string), got " + describe(v));
  }

  private static BigInteger integral(BigDecimal d, String path) {
    BigDecimal s = d.stripTrailingZeros();
    // digits left of the point; 2^256 has 78 decimal digits
    if (s.precision() - s.scale() > 80) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, path + ": value out of range");
    }
    try {
      return s.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw notInteger(path);
    }
  }

  private static AbiException notInteger(String path) {
    return new AbiException(AbiException.Reason.INVALID_VALUE, path + ": not an integer");
  }

  private static BigInteger parseInteger(String s, String path) {
    int n = s.length();
    if (n == 0 || n > MAX_INTEGER_CHARS) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          path + (n == 0 ? ": empty integer string" : ": integer string too long"));
    }
    if (n > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      for (int i = 2; i < n; i++) {
        char c = s.charAt(i);
        if (Character.digit(c, 16) < 0 || c > 'f') {
          throw new AbiException(
              AbiException.Reason.INVALID_VALUE, path + ": invalid hex digit at character " + i);
        }
      }
      return new BigInteger(s.substring(2), 16);
    }
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == n) {
      throw notInteger(path);
    }
    for (int i = start; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new AbiException(
            AbiException.Reason.INVALID_VALUE,
            path + ": invalid character in decimal integer at index " + i);
      }
    }
    return new BigInteger(s, 10);
  }
}
