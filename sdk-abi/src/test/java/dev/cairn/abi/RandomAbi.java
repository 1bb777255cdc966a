package dev.cairn.abi;

import dev.cairn.abi.type.AddressType;
import dev.cairn.abi.type.ArrayType;
import dev.cairn.abi.type.BoolType;
import dev.cairn.abi.type.BytesType;
import dev.cairn.abi.type.FixedBytesType;
import dev.cairn.abi.type.FunctionType;
import dev.cairn.abi.type.IntType;
import dev.cairn.abi.type.StringType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random ABI types (nested tuples and arrays, every elementary type) and values for property tests. */
final class RandomAbi {
  private RandomAbi() {}

  /** A type and a value of it. */
  record Case(TupleType type, Tuple value) {
    @Override
    public String toString() {
      return type.canonicalType() + " = " + value;
    }
  }

  static Case randomCase(Random r) {
    int n = r.nextInt(4);
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(randomTypeString(r, 0));
    }
    TupleType t = AbiTypes.parseTuple(sb.append(')').toString());
    return new Case(t, (Tuple) randomValue(t, r));
  }

  static String randomTypeString(Random r, int depth) {
    int k = r.nextInt(depth >= 3 ? 10 : 14);
    String base;
    switch (k) {
      case 0:
      case 1:
        base = (r.nextBoolean() ? "int" : "uint") + (8 * (1 + r.nextInt(32)));
        break;
      case 2:
        base = "address";
        break;
      case 3:
        base = "bool";
        break;
      case 4:
        base = "bytes" + (1 + r.nextInt(32));
        break;
      case 5:
        base = "bytes";
        break;
      case 6:
        base = "string";
        break;
      case 7:
        base = "function";
        break;
      case 8:
        base = r.nextBoolean() ? "uint256" : "int256";
        break;
      case 9:
        base = "uint8";
        break;
      default:
        int m = 1 + r.nextInt(3);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < m; i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append(randomTypeString(r, depth + 1));
        }
        base = sb.append(')').toString();
    }
    if (depth < 3 && r.nextInt(3) == 0) {
      base += r.nextBoolean() ? "[]" : "[" + (1 + r.nextInt(3)) + "]";
      if (r.nextInt(4) == 0) {
        base += r.nextBoolean() ? "[]" : "[" + (1 + r.nextInt(2)) + "]";
      }
    }
    return base;
  }

  static Object randomValue(AbiType<?> t, Random r) {
    if (t instanceof TupleType) {
      TupleType tt = (TupleType) t;
      Object[] v = new Object[tt.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = randomValue(tt.get(i), r);
      }
      return Tuple.of(v);
    }
    if (t instanceof ArrayType) {
      ArrayType at = (ArrayType) t;
      int n = at.length() == ArrayType.DYNAMIC ? r.nextInt(4) : at.length();
      List<Object> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(randomValue(at.elementType(), r));
      }
      return l;
    }
    if (t instanceof IntType) {
      IntType<?> it = (IntType<?>) t;
      BigInteger v = randomInt(it.bits(), it.isSigned(), r);
      return it.valueClass() == Long.class ? (Object) v.longValueExact() : v;
    }
    if (t instanceof AddressType) {
      byte[] b = new byte[20];
      r.nextBytes(b);
      return Address.of(b);
    }
    if (t instanceof BoolType) {
      return r.nextBoolean();
    }
    if (t instanceof FixedBytesType) {
      byte[] b = new byte[((FixedBytesType) t).length()];
      r.nextBytes(b);
      return b;
    }
    if (t instanceof FunctionType) {
      byte[] b = new byte[24];
      r.nextBytes(b);
      return b;
    }
    if (t instanceof BytesType) {
      byte[] b = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(70)];
      r.nextBytes(b);
      return b;
    }
    if (t instanceof StringType) {
      int n = r.nextInt(12);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        switch (r.nextInt(4)) {
          case 0:
            sb.append((char) ('a' + r.nextInt(26)));
            break;
          case 1:
            sb.append((char) (0x80 + r.nextInt(0x780)));
            break;
          case 2:
            sb.append((char) (0x800 + r.nextInt(0xd000 - 0x800)));
            break;
          default:
            sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
        }
      }
      return sb.toString();
    }
    throw new AssertionError(t);
  }

  static BigInteger randomInt(int bits, boolean signed, Random r) {
    BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    switch (r.nextInt(6)) {
      case 0:
        return max;
      case 1:
        return min;
      case 2:
        return BigInteger.valueOf(r.nextInt(3) - (signed ? 1 : 0));
      default:
        BigInteger v = new BigInteger(1 + r.nextInt(bits), r);
        if (signed) {
          v = v.min(max);
          if (r.nextBoolean()) {
            v = v.negate().max(min);
          }
        }
        return v.min(max);
    }
  }
}
