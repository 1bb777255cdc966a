package dev.cairn.core.json;

import dev.cairn.core.encoding.DecodingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number, kept as its exact literal text (no rounding through {@code double}). Two numbers
 * are equal when their literals are equal ({@code 1} and {@code 1.0} differ); compare {@link
 * #bigDecimalValue()}s for numeric equality.
 *
 * <p>The accessors convert on demand and throw {@link DecodingException} (field {@code "json
 * number"}, the value's offset) when the number has a fraction or does not fit, instead of
 * rounding or truncating. Integral conversions refuse results of more than {@value
 * #MAX_INTEGER_DIGITS} digits, so {@code 1e999999999} cannot make them allocate without bound.
 */
public final class JsonNumber extends JsonValue {
  /** Most decimal digits an integral accessor produces. */
  public static final int MAX_INTEGER_DIGITS = 1000;

  private static final String FIELD = "json number";
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final String literal;

  JsonNumber(String literal, int offset) {
    super(offset);
    this.literal = literal;
  }

  /**
   * A number from its JSON literal, e.g. {@code "-12.5e3"}.
   *
   * @throws DecodingException if {@code literal} is not an RFC 8259 number
   */
  public static JsonNumber of(String literal) {
    Objects.requireNonNull(literal, "literal");
    int bad = invalidAt(literal);
    if (bad >= 0) {
      throw new DecodingException(FIELD, bad, "not a JSON number literal");
    }
    return new JsonNumber(literal, -1);
  }

  /** The number {@code value}. */
  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value), -1);
  }

  /** The number {@code value}. */
  public static JsonNumber of(BigInteger value) {
    return new JsonNumber(value.toString(), -1);
  }

  /** The number {@code value}, written as {@link BigDecimal#toString()} (which is valid JSON). */
  public static JsonNumber of(BigDecimal value) {
    return new JsonNumber(value.toString(), -1);
  }

  /** Index of the first character that breaks the number grammar, or -1 when it is valid. */
  static int invalidAt(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return i;
    }
    char c = s.charAt(i);
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    } else {
      return i;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return i;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return i;
      }
    }
    return i == n ? -1 : i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The literal text, exactly as parsed or built. */
  public String literal() {
    return literal;
  }

  /** Whether the literal has neither a fraction nor an exponent (e.g. {@code -42}). */
  public boolean isPlainInteger() {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  /**
   * The exact value as a {@link BigDecimal}.
   *
   * @throws DecodingException if the exponent is beyond {@code BigDecimal}'s range
   */
  public BigDecimal bigDecimalValue() {
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new DecodingException(FIELD, offset, "number out of range");
    }
  }

  /**
   * The value as a {@link BigInteger}; {@code 1.0} and {@code 2e3} are integers.
   *
   * @throws DecodingException if the value has a fraction, or more than {@value
   *     #MAX_INTEGER_DIGITS} digits
   */
  public BigInteger bigIntegerValue() {
    if (isPlainInteger()) {
      if (literal.length() > MAX_INTEGER_DIGITS + 1) {
        throw tooBig();
      }
      return new BigInteger(literal);
    }
    BigDecimal d = bigDecimalValue();
    if (d.signum() == 0) {
      return BigInteger.ZERO;
    }
    // precision - scale = digits before the point; bound it before computing 10^-scale
    long intDigits = (long) d.precision() - d.scale();
    if (intDigits > MAX_INTEGER_DIGITS) {
      throw tooBig();
    }
    if (intDigits <= 0) {
      throw new DecodingException(FIELD, offset, "not an integer");
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new DecodingException(FIELD, offset, "not an integer");
    }
  }

  /**
   * The value as a {@code long}.
   *
   * @throws DecodingException if it has a fraction or lies outside the {@code long} range
   */
  public long longValue() {
    if (isPlainInteger() && literal.length() <= 18) {
      return Long.parseLong(literal);
    }
    BigInteger b = bigIntegerValue();
    if (b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0) {
      throw new DecodingException(FIELD, offset, "number out of the long range");
    }
    return b.longValue();
  }

  /**
   * The value as an {@code int}.
   *
   * @throws DecodingException if it has a fraction or lies outside the {@code int} range
   */
  public int intValue() {
    long v;
    try {
      v = longValue();
    } catch (DecodingException e) {
      if (e.getMessage().endsWith("not an integer")) {
        throw e;
      }
      throw new DecodingException(FIELD, offset, "number out of the int range");
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new DecodingException(FIELD, offset, "number out of the int range");
    }
    return (int) v;
  }

  private DecodingException tooBig() {
    return new DecodingException(
        FIELD, offset, "integer of more than " + MAX_INTEGER_DIGITS + " digits");
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNumber n && n.literal.equals(literal);
  }

  @Override
  public int hashCode() {
    return literal.hashCode();
  }
}
