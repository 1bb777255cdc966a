package dev.cairn.abi.type;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;
import java.math.BigInteger;

/**
 * {@code intN} / {@code uintN} for N a multiple of 8 in 8..256. Values are {@link Long} when every
 * value of the type fits a long ({@code int8..int64}, {@code uint8..uint56}), else {@link
 * BigInteger}; encoders accept Byte, Short, Integer, Long or BigInteger and check the range.
 *
 * @param <J> {@code Long} or {@code BigInteger}
 */
public final class IntType<J extends Number> extends AbiType<J> {
  private static final IntType<?>[] UNSIGNED = new IntType<?>[33];
  private static final IntType<?>[] SIGNED = new IntType<?>[33];

  static {
    for (int i = 1; i <= 32; i++) {
      UNSIGNED[i] = create(i * 8, false);
      SIGNED[i] = create(i * 8, true);
    }
  }

  private final int bits;
  private final boolean signed;
  private final boolean longValued;
  private final long minLong;
  private final long maxLong;

  private IntType(int bits, boolean signed, Class<J> cls) {
    super((signed ? "int" : "uint") + bits, false, 32, cls);
    this.bits = bits;
    this.signed = signed;
    this.longValued = cls == Long.class;
    if (signed) {
      minLong = bits >= 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
      maxLong = bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    } else {
      minLong = 0;
      maxLong = bits >= 64 ? Long.MAX_VALUE : (1L << bits) - 1;
    }
  }

  private static IntType<?> create(int bits, boolean signed) {
    if (signed ? bits <= 64 : bits <= 56) {
      return new IntType<>(bits, signed, Long.class);
    }
    return new IntType<>(bits, signed, BigInteger.class);
  }

  /**
   * The type {@code intN} ({@code signed}) or {@code uintN}.
   *
   * @throws AbiException (INVALID_TYPE) unless {@code bits} is a multiple of 8 in 8..256
   */
  public static IntType<?> of(int bits, boolean signed) {
    if (bits < 8 || bits > 256 || (bits & 7) != 0) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          (signed ? "int" : "uint") + bits + ": the bit size must be a multiple of 8 in 8..256");
    }
    return signed ? SIGNED[bits >> 3] : UNSIGNED[bits >> 3];
  }

  /** The bit size N. */
  public int bits() {
    return bits;
  }

  /** True for {@code intN}. */
  public boolean isSigned() {
    return signed;
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  /** Range-checks a value. */
  private void check(Object value) {
    if (!longValued && value instanceof BigInteger) {
      checkBig((BigInteger) value);
      return;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long v = ((Number) value).longValue();
      if (v < minLong || v > maxLong) {
        throw PathException.value(v + " out of range for " + canonicalType());
      }
      return;
    }
    if (value instanceof BigInteger) {
      checkBig((BigInteger) value);
      return;
    }
    throw PathException.value(
        "expected an integer (Long, Integer, BigInteger) for " + canonicalType() + ", got "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  private void checkBig(BigInteger b) {
    boolean ok = signed ? b.bitLength() < bits : b.signum() >= 0 && b.bitLength() <= bits;
    if (!ok) {
      throw PathException.value(b + " out of range for " + canonicalType());
    }
  }

  @Override
  public int encodedLength(Object value) {
    check(value);
    return 32;
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    if (value instanceof Long) {
      putLong(out, off, 32, (Long) value);
    } else if (value instanceof BigInteger) {
      putWord(out, off, (BigInteger) value);
    } else {
      putLong(out, off, 32, ((Number) value).longValue());
    }
    return off + 32;
  }

  /** Writes {@code v} sign-extended into {@code width} bytes (width >= 8). */
  private static void putLong(byte[] out, int off, int width, long v) {
    if (v < 0) {
      for (int i = 0; i < width - 8; i++) {
        out[off + i] = (byte) 0xff;
      }
    }
    Words.putLong(out, off + width - 8, v);
  }

  /** Writes a range-checked BigInteger as a 32-byte word; up to 127 bits without toByteArray(). */
  private static void putWord(byte[] out, int off, BigInteger b) {
    int bl = b.bitLength();
    if (bl <= 63) {
      putLong(out, off, 32, b.longValue());
    } else if (bl <= 127) {
      long high = b.shiftRight(64).longValue(); // arithmetic shift: sign-extended high half
      if (high < 0) {
        Words.putLong(out, off, -1L);
        Words.putLong(out, off + 8, -1L);
      }
      Words.putLong(out, off + 16, high);
      Words.putLong(out, off + 24, b.longValue());
    } else {
      putBig(out, off, 32, b);
    }
  }

  private static void putBig(byte[] out, int off, int width, BigInteger b) {
    if (b.bitLength() <= 63) {
      long v = b.longValue();
      if (width >= 8) {
        putLong(out, off, width, v);
      } else {
        putNarrow(out, off, width, v);
      }
      return;
    }
    byte[] raw = b.toByteArray();
    int n = Math.min(raw.length, width);
    System.arraycopy(raw, raw.length - n, out, off + width - n, n);
    if (b.signum() < 0) {
      for (int i = 0; i < width - n; i++) {
        out[off + i] = (byte) 0xff;
      }
    }
  }

  private static void putNarrow(byte[] out, int off, int width, long v) {
    for (int i = width - 1; i >= 0; i--) {
      out[off + i] = (byte) v;
      v >>= 8;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public J decodeAt(DecodeContext ctx, int off) {
    byte[] d = ctx.data;
    if (off > ctx.limit - 32) {
      throw PathException.decoding(off, "truncated: " + canonicalType() + " needs 32 bytes");
    }
    long low = Words.getLong(d, off + 24);
    if (longValued) {
      if (signed) {
        long ext = low < 0 ? -1L : 0L;
        if (Words.getLong(d, off) != ext
            || Words.getLong(d, off + 8) != ext
            || Words.getLong(d, off + 16) != ext
            || low < minLong
            || low > maxLong) {
          throw PathException.decoding(off, "value out of range or not sign-extended for " + canonicalType());
        }
      } else if (Words.getLong(d, off) != 0
          || Words.getLong(d, off + 8) != 0
          || Words.getLong(d, off + 16) != 0
          || (low >>> bits) != 0) {
        throw PathException.decoding(off, "non-zero padding above " + canonicalType());
      }
      ctx.end = off + 32;
      return (J) Long.valueOf(low);
    }
    int bytes = bits >> 3;
    int pad = 32 - bytes;
    BigInteger result;
    if (signed) {
      byte ext = d[off + pad] < 0 ? (byte) -1 : 0;
      if (!Words.isAll(d, off, pad, ext)) {
        throw PathException.decoding(off, "value not sign-extended for " + canonicalType());
      }
      long e = low < 0 ? -1L : 0L;
      if (Words.getLong(d, off) == e && Words.getLong(d, off + 8) == e && Words.getLong(d, off + 16) == e) {
        result = BigInteger.valueOf(low);
      } else {
        result = new BigInteger(java.util.Arrays.copyOfRange(d, off + pad, off + 32)); // (byte[], int, int) is API 33 on Android
      }
    } else {
      if (!Words.isZero(d, off, pad)) {
        throw PathException.decoding(off, "non-zero padding above " + canonicalType());
      }
      if (low >= 0 && Words.getLong(d, off) == 0 && Words.getLong(d, off + 8) == 0 && Words.getLong(d, off + 16) == 0) {
        result = BigInteger.valueOf(low);
      } else {
        result = new BigInteger(1, java.util.Arrays.copyOfRange(d, off + pad, off + 32));
      }
    }
    ctx.end = off + 32;
    return (J) result;
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    check(value);
    return inArray ? 32 : bits >> 3;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    if (inArray) {
      return encodeTo(value, out, off);
    }
    int width = bits >> 3;
    if (value instanceof BigInteger) {
      putBig(out, off, width, (BigInteger) value);
    } else {
      long v = ((Number) value).longValue();
      if (width >= 8) {
        putLong(out, off, width, v);
      } else {
        putNarrow(out, off, width, v);
      }
    }
    return off + width;
  }
}
