package dev.cairn.abi.internal;

import dev.cairn.abi.Tuple;
import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import java.util.List;

/** Deep equality, hashing and printing of ABI values (byte arrays, lists, tuples). */
public final class Values {
  private Values() {}

  /** Deep equality where byte arrays compare by content and lists equal object arrays. */
  public static boolean deepEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof byte[]) {
      return b instanceof byte[] && Arrays.equals((byte[]) a, (byte[]) b);
    }
    if (a instanceof Object[] || a instanceof List) {
      List<?> la = a instanceof Object[] ? Arrays.asList((Object[]) a) : (List<?>) a;
      List<?> lb;
      if (b instanceof Object[]) {
        lb = Arrays.asList((Object[]) b);
      } else if (b instanceof List) {
        lb = (List<?>) b;
      } else {
        return false;
      }
      int n = la.size();
      if (n != lb.size()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!deepEquals(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (isInteger(a) && isInteger(b)) {
      return compareIntegers((Number) a, (Number) b);
    }
    return a.equals(b);
  }

  private static boolean isInteger(Object o) {
    return o instanceof Long || o instanceof Integer || o instanceof java.math.BigInteger || o instanceof Short
        || o instanceof Byte;
  }

  private static boolean compareIntegers(Number a, Number b) {
    if (a instanceof java.math.BigInteger || b instanceof java.math.BigInteger) {
      return toBig(a).equals(toBig(b));
    }
    return a.longValue() == b.longValue();
  }

  private static java.math.BigInteger toBig(Number n) {
    return n instanceof java.math.BigInteger ? (java.math.BigInteger) n : java.math.BigInteger.valueOf(n.longValue());
  }

  /** A hash code consistent with {@link #deepEquals}. */
  public static int deepHashCode(Object a) {
    if (a == null) {
      return 0;
    }
    if (a instanceof byte[]) {
      return Arrays.hashCode((byte[]) a);
    }
    if (a instanceof Object[] || a instanceof List) {
      List<?> l = a instanceof Object[] ? Arrays.asList((Object[]) a) : (List<?>) a;
      int h = 1;
      for (int i = 0, n = l.size(); i < n; i++) {
        h = 31 * h + deepHashCode(l.get(i));
      }
      return h;
    }
    if (isInteger(a)) {
      if (a instanceof java.math.BigInteger && ((java.math.BigInteger) a).bitLength() > 63) {
        return a.hashCode();
      }
      return Long.hashCode(((Number) a).longValue());
    }
    return a.hashCode();
  }

  /** Appends a readable form: byte arrays as 0x-hex, lists in brackets, tuples in parentheses. */
  public static void append(StringBuilder sb, Object v) {
    if (v instanceof byte[]) {
      sb.append(Hex.encodePrefixed((byte[]) v));
    } else if (v instanceof Object[]) {
      Object[] arr = (Object[]) v;
      sb.append('(');
      for (int i = 0; i < arr.length; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, arr[i]);
      }
      sb.append(')');
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof Tuple) {
      sb.append(v);
    } else if (v instanceof String) {
      sb.append('"').append(v).append('"');
    } else {
      sb.append(v);
    }
  }
}
