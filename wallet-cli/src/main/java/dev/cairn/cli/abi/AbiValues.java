package dev.cairn.cli.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.Address;
import dev.cairn.abi.Tuple;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts between the JSON value conventions of the {@code wallet} tool and the Java values of the
 * sdk-abi codec, guided by canonical type strings.
 *
 * <p>In: integers as a JSON number, a decimal string or a 0x-hex string (range-checked against the
 * type); bytes, bytesN and function as 0x-hex (bytesN and function of exactly their length);
 * addresses in any case (mixed case must pass EIP-55); bool as {@code true}/{@code false}; string as
 * a JSON string; tuples and arrays as JSON arrays. Out: integers as decimal strings, bytes as
 * lowercase 0x-hex, addresses EIP-55, tuples and arrays as JSON arrays.
 *
 * <p>Every error names the value's path, e.g. {@code values[2][0]}.
 */
public final class AbiValues {
  /** Longest accepted integer string (a uint256 has 78 decimal digits). */
  static final int MAX_INTEGER_CHARS = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean lenient;

  private AbiValues(boolean lenient) {
    this.lenient = lenient;
  }

  /** The strict converter of the batch interface (bool only as JSON true/false). */
  public static AbiValues strict() {
    return new AbiValues(false);
  }

  /**
   * The converter of the human commands, where every scalar arrives as text: it also accepts
   * {@code "true"}/{@code "false"} for bool.
   */
  public static AbiValues lenient() {
    return new AbiValues(true);
  }

  /**
   * Converts a JSON value for the canonical type {@code type}.
   *
   * @throws AbiInputException naming {@code path}
   */
  public Object toJava(String type, JsonNode value, String path) {
    return toJava(TypeShape.parse(type), value, path);
  }

  /**
   * Converts a JSON array of values for a list of canonical types into a {@link Tuple}.
   *
   * @throws AbiInputException naming {@code path[i]} for a bad element, or {@code path} when the
   *     count is wrong
   */
  public Tuple toTuple(List<String> types, JsonNode values, String path) {
    if (values == null || !values.isArray()) {
      throw AbiInputException.invalid(path, "must be a JSON array, got " + typeName(values));
    }
    if (values.size() != types.size()) {
      throw AbiInputException.invalid(path, "expected " + types.size() + " value"
          + (types.size() == 1 ? "" : "s") + ", got " + values.size());
    }
    Object[] out = new Object[types.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toJava(TypeShape.parse(types.get(i)), values.get(i), path + "[" + i + "]");
    }
    return Tuple.of(out);
  }

  Object toJava(TypeShape t, JsonNode v, String path) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      throw AbiInputException.invalid(path, "missing value for " + t.canonical);
    }
    switch (t.kind) {
      case INT:
        return integer(t, v, path);
      case ADDRESS:
        {
          String s = text(v, path, t);
          try {
            return Address.parse(path, s);
          } catch (AbiException e) {
            throw new AbiInputException(false, e.getMessage());
          }
        }
      case BOOL:
        if (v.isBoolean()) {
          return v.booleanValue();
        }
        if (lenient && v.isTextual()) {
          String s = v.textValue().trim().toLowerCase(Locale.ROOT);
          if (s.equals("true")) {
            return Boolean.TRUE;
          }
          if (s.equals("false")) {
            return Boolean.FALSE;
          }
        }
        throw AbiInputException.invalid(path, "bool must be true or false, got " + typeName(v));
      case STRING:
        if (!v.isTextual()) {
          throw AbiInputException.invalid(path, "string must be a JSON string, got "
              + typeName(v));
        }
        return v.textValue();
      case BYTES:
        return hex(v, path, t, -1);
      case FIXED_BYTES:
      case FUNCTION:
        return hex(v, path, t, t.size);
      case ARRAY:
        {
          if (!v.isArray()) {
            throw AbiInputException.invalid(path, t.canonical + " must be a JSON array, got "
                + typeName(v));
          }
          if (t.size >= 0 && v.size() != t.size) {
            throw AbiInputException.invalid(path, t.canonical + " needs exactly " + t.size
                + " elements, got " + v.size());
          }
          List<Object> out = new ArrayList<>(v.size());
          for (int i = 0; i < v.size(); i++) {
            out.add(toJava(t.element, v.get(i), path + "[" + i + "]"));
          }
          return out;
        }
      case TUPLE:
        {
          if (!v.isArray()) {
            throw AbiInputException.invalid(path, "tuple " + t.canonical
                + " must be a JSON array, got " + typeName(v));
          }
          if (v.size() != t.components.size()) {
            throw AbiInputException.invalid(path, "tuple " + t.canonical + " needs "
                + t.components.size() + " elements, got " + v.size());
          }
          Object[] out = new Object[t.components.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = toJava(t.components.get(i), v.get(i), path + "[" + i + "]");
          }
          return Tuple.of(out);
        }
      default:
        throw new IllegalStateException("unhandled ABI kind " + t.kind);
    }
  }

  private static String text(JsonNode v, String path, TypeShape t) {
    if (!v.isTextual()) {
      throw AbiInputException.invalid(path, t.canonical + " must be a JSON string, got "
          + typeName(v));
    }
    return v.textValue();
  }

  private static byte[] hex(JsonNode v, String path, TypeShape t, int length) {
    String s = text(v, path, t);
    if (!Hex.hasPrefix(s)) {
      throw AbiInputException.decode(path, t.canonical + " must be 0x-prefixed hex");
    }
    byte[] out;
    try {
      out = Hex.decode(path, s);
    } catch (DecodingException e) {
      throw AbiInputException.decode(path, t.canonical + ": " + problem(e));
    }
    if (length >= 0 && out.length != length) {
      throw AbiInputException.invalid(path, t.canonical + " needs exactly " + length
          + " bytes, got " + out.length);
    }
    return out;
  }

  private static String problem(DecodingException e) {
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return colon >= 0 ? m.substring(colon + 2) : m;
  }

  private static BigInteger integer(TypeShape t, JsonNode v, String path) {
    BigInteger value;
    if (v.isIntegralNumber()) {
      value = v.bigIntegerValue();
    } else if (v.isNumber()) {
      throw AbiInputException.invalid(path, t.canonical
          + " must be an integer, got a number with a fraction or exponent");
    } else if (v.isTextual()) {
      value = parseInteger(v.textValue().trim(), path, t);
    } else {
      throw AbiInputException.invalid(path, t.canonical
          + " must be an integer (JSON number, decimal string or 0x-hex string), got "
          + typeName(v));
    }
    BigInteger min = t.signed ? BigInteger.ONE.shiftLeft(t.size - 1).negate() : BigInteger.ZERO;
    BigInteger max = t.signed
        ? BigInteger.ONE.shiftLeft(t.size - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(t.size).subtract(BigInteger.ONE);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw AbiInputException.invalid(path, "value out of range for " + t.canonical + " ["
          + min + ", " + max + "]");
    }
    return value;
  }

  private static BigInteger parseInteger(String s, String path, TypeShape t) {
    if (s.length() > MAX_INTEGER_CHARS) {
      throw AbiInputException.invalid(path, "integer string too long (" + s.length()
          + " characters)");
    }
    boolean negative = s.startsWith("-");
    String body = negative ? s.substring(1) : s;
    int radix = 10;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      body = body.substring(2);
      radix = 16;
    }
    if (body.isEmpty()) {
      throw AbiInputException.invalid(path, t.canonical + " must be an integer, got \""
          + clip(s) + "\"");
    }
    for (int i = 0; i < body.length(); i++) {
      if (Character.digit(body.charAt(i), radix) < 0 || body.charAt(i) > 0x7f) {
        throw AbiInputException.invalid(path, "not a " + (radix == 16 ? "hex" : "decimal")
            + " digit in integer \"" + clip(s) + "\""
            + (radix == 10 ? " (hex integers need the 0x prefix)" : ""));
      }
    }
    BigInteger v = new BigInteger(body, radix);
    return negative ? v.negate() : v;
  }

  private static String clip(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 40; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7f || c == '"' ? '?' : c);
    }
    return s.length() > 40 ? sb + "..." : sb.toString();
  }

  /**
   * Converts a decoded Java value of the canonical type {@code type} to JSON.
   *
   * @throws IllegalStateException if the value does not have the type's Java class (a codec bug)
   */
  public static JsonNode toJson(String type, Object value) {
    return toJson(TypeShape.parse(type), value);
  }

  /** Converts decoded values of the given canonical types (a tuple) to a JSON array. */
  public static ArrayNode toJson(List<String> types, Tuple values) {
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < types.size(); i++) {
      out.add(toJson(TypeShape.parse(types.get(i)), values.get(i)));
    }
    return out;
  }

  static JsonNode toJson(TypeShape t, Object v) {
    switch (t.kind) {
      case INT:
        return TextNode.valueOf(v.toString()); // Long or BigInteger: decimal
      case ADDRESS:
        return TextNode.valueOf(((Address) v).toChecksumString());
      case BOOL:
        return BooleanNode.valueOf((Boolean) v);
      case STRING:
        return TextNode.valueOf((String) v);
      case BYTES:
      case FIXED_BYTES:
      case FUNCTION:
        return TextNode.valueOf(Hex.encodePrefixed((byte[]) v));
      case ARRAY:
        {
          ArrayNode out = NODES.arrayNode();
          if (v instanceof Object[] arr) {
            for (Object o : arr) {
              out.add(toJson(t.element, o));
            }
          } else {
            for (Object o : (List<?>) v) {
              out.add(toJson(t.element, o));
            }
          }
          return out;
        }
      case TUPLE:
        {
          Tuple tuple = (Tuple) v;
          ArrayNode out = NODES.arrayNode();
          for (int i = 0; i < t.components.size(); i++) {
            out.add(toJson(t.components.get(i), tuple.get(i)));
          }
          return out;
        }
      default:
        throw new IllegalStateException("unhandled ABI kind " + t.kind);
    }
  }

  /**
   * Splits a canonical tuple type {@code (a,b,...)} into its component types.
   *
   * @throws IllegalArgumentException if it is not a tuple type
   */
  public static List<String> components(String tupleType) {
    TypeShape t = TypeShape.parse(tupleType);
    if (t.kind != TypeShape.Kind.TUPLE) {
      throw new IllegalArgumentException("not a tuple type: " + tupleType);
    }
    List<String> out = new ArrayList<>(t.components.size());
    for (TypeShape c : t.components) {
      out.add(c.canonical);
    }
    return out;
  }

  static String typeName(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    switch (v.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case BOOLEAN:
        return "a boolean";
      case NUMBER:
        return "a number";
      case STRING:
        return "a string";
      default:
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
