package dev.cairn.benchmarks.abi;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Setup-time only: turns the decoded values of each library into one comparable form (lists,
 * {@code BigInteger}, {@code Boolean}, tagged strings for addresses, bytes and text), so that the
 * benchmark setups can check that the three libraries decoded the same thing.
 */
final class Canonical {

  private Canonical() {}

  /** A Cairn value ({@code dev.cairn.abi}). */
  static Object cairn(Object v) {
    if (v instanceof dev.cairn.abi.Tuple t) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        out.add(cairn(t.get(i)));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(cairn(o));
      }
      return out;
    }
    if (v instanceof dev.cairn.abi.Address a) {
      return "address:" + a.toHexLowercase();
    }
    return scalar(v);
  }

  /** A headlong value. */
  static Object headlong(Object v) {
    if (v instanceof com.esaulpaugh.headlong.abi.Tuple t) {
      List<Object> out = new ArrayList<>();
      for (Object o : t) {
        out.add(headlong(o));
      }
      return out;
    }
    if (v instanceof com.esaulpaugh.headlong.abi.Address a) {
      return "address:0x" + String.format("%040x", a.value());
    }
    if (v != null && v.getClass().isArray() && !(v instanceof byte[])) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(v); i++) {
        out.add(headlong(Array.get(v, i)));
      }
      return out;
    }
    return scalar(v);
  }

  /** A web3j value ({@code org.web3j.abi.datatypes.Type}). */
  static Object web3j(Object v) {
    if (v instanceof org.web3j.abi.datatypes.Address a) {
      return "address:" + a.toString().toLowerCase(Locale.ROOT);
    }
    if (v instanceof org.web3j.abi.datatypes.Type<?> t) {
      return web3j(t.getValue());
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(web3j(o));
      }
      return out;
    }
    return scalar(v);
  }

  private static Object scalar(Object v) {
    if (v instanceof BigInteger b) {
      return b;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof byte[] b) {
      return "bytes:" + HexFormat.of().formatHex(b);
    }
    if (v instanceof String s) {
      return "string:" + s;
    }
    if (v instanceof Boolean) {
      return v;
    }
    throw new IllegalStateException(
        "unexpected decoded value type " + (v == null ? "null" : v.getClass().getName()));
  }
}
