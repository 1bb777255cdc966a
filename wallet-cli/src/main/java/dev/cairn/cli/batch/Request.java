package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One parsed batch request: typed access to its fields following the value conventions of the
 * specification. Every accessor that fails throws a {@link BatchException} naming the field.
 * Values read with {@link #secretString} are remembered so that the engine can make sure no error
 * message quotes them.
 */
public final class Request {
  /** Longest decimal or hex integer string accepted (a uint256 needs 78 decimal digits). */
  static final int MAX_INTEGER_CHARS = 100;

  private final ObjectNode node;
  private final String op;
  private final List<String> secrets = new ArrayList<>(2);

  Request(ObjectNode node, String op) {
    this.node = node;
    this.op = op;
  }

  /** The op name. */
  public String op() {
    return op;
  }

  /** Secret values read so far (for scrubbing error messages). */
  List<String> secrets() {
    return Collections.unmodifiableList(secrets);
  }

  /**
   * Rejects fields other than {@code id}, {@code op} and the given ones: a misspelt optional field
   * (say {@code pasphrase}) would otherwise be ignored silently and derive a different wallet.
   */
  void checkFields(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("id") && !name.equals("op") && !allowed.contains(name)) {
        throw BatchException.badRequest(
            "unknown field '" + Text.clip(name) + "' for op " + op + " (expected: "
                + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  private JsonNode present(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  private JsonNode required(String field) {
    JsonNode v = present(field);
    if (v == null) {
      throw BatchException.badRequest("missing field '" + field + "' for op " + op);
    }
    return v;
  }

  /** Whether the field is present and not null. */
  public boolean has(String field) {
    return present(field) != null;
  }

  /** A required field as raw JSON (not null). */
  public JsonNode json(String field) {
    return required(field);
  }

  /**
   * A field that must be present but may be JSON {@code null}: the raw node, {@code null} for JSON
   * null. A missing field is {@code BAD_REQUEST}.
   */
  public JsonNode jsonOrNull(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw BatchException.badRequest("missing field '" + field + "' for op " + op);
    }
    return v.isNull() ? null : v;
  }

  /** A required JSON array of strings; anything else is a malformed request. */
  public List<String> stringArray(String field) {
    JsonNode v = required(field);
    if (!v.isArray()) {
      throw BatchException.badRequest(
          "field '" + field + "' must be a JSON array of strings, got " + Text.typeName(v));
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual()) {
        throw BatchException.badRequest(
            "field '" + field + "[" + i + "]' must be a JSON string, got " + Text.typeName(e));
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** A required JSON array of secret strings (keys): each remembered for scrubbing. */
  public List<String> secretStringArray(String field) {
    List<String> out = stringArray(field);
    secrets.addAll(out);
    return out;
  }

  /** A required JSON string. */
  public String string(String field) {
    return asString(field, required(field));
  }

  /** An optional JSON string; {@code def} when absent or null. */
  public String optString(String field, String def) {
    JsonNode v = present(field);
    return v == null ? def : asString(field, v);
  }

  /** A required string that is secret (mnemonic, key): remembered for scrubbing. */
  public String secretString(String field) {
    String s = asString(field, required(field));
    secrets.add(s);
    return s;
  }

  /** An optional secret string (passphrase). */
  public String optSecretString(String field, String def) {
    JsonNode v = present(field);
    if (v == null) {
      return def;
    }
    String s = asString(field, v);
    secrets.add(s);
    return s;
  }

  private static String asString(String field, JsonNode v) {
    if (!v.isTextual()) {
      throw BatchException.invalid(
          "field '" + field + "' must be a JSON string, got " + Text.typeName(v));
    }
    return v.textValue();
  }

  /**
   * A required integer: a JSON number without fraction or exponent, a decimal string
   * ({@code "-12"}, {@code "12"}) or a 0x-prefixed hex string ({@code "0x0c"}).
   */
  public BigInteger integer(String field) {
    return parseInteger(field, required(field));
  }

  /** An integer that must fit an {@code int} in [min, max]. */
  public int intInRange(String field, int min, int max) {
    BigInteger v = integer(field);
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw BatchException.invalid(
          "field '" + field + "' is out of range [" + min + ", " + max + "]");
    }
    return v.intValueExact();
  }

  static BigInteger parseInteger(String field, JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue();
    }
    if (v.isNumber()) {
      throw BatchException.invalid(
          "field '" + field + "' must be an integer, got a number with a fraction or exponent");
    }
    if (!v.isTextual()) {
      throw BatchException.invalid(
          "field '" + field + "' must be an integer (JSON number, decimal string or 0x-hex string),"
              + " got " + Text.typeName(v));
    }
    String s = v.textValue();
    if (s.length() > MAX_INTEGER_CHARS) {
      throw BatchException.invalid(
          "field '" + field + "' is too long for an integer (" + s.length() + " characters)");
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      if (s.length() == 2) {
        throw BatchException.invalid("field '" + field + "': hex integer has no digits");
      }
      for (int i = 2; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
          throw BatchException.invalid(
              "field '" + field + "': not a hex digit at position " + i);
        }
      }
      return new BigInteger(s.substring(2), 16);
    }
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      throw BatchException.invalid(
          "field '" + field + "' must be an integer (JSON number, decimal string or 0x-hex string)");
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw BatchException.invalid(
            "field '" + field + "': not a decimal digit at position " + i
                + " (hex integers need the 0x prefix)");
      }
    }
    return new BigInteger(s);
  }
}
