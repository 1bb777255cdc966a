package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Strict, chain-neutral readers for {@link ResultReader}s on Jackson's streaming API. Readers expect
 * the parser positioned on the value's first token and leave it on the value's last token; every
 * problem is a {@link TransportException} of kind {@code MALFORMED_RESPONSE} naming the JSON pointer
 * of the value (the method is filled in by the transport).
 *
 * <pre>{@code
 * ResultReader<List<String>> names = p -> JsonValues.list(p, JsonValues::string);
 * }</pre>
 */
public final class JsonValues {
  private JsonValues() {}

  /** The JSON pointer of the parser's current value. */
  public static String path(JsonParser p) {
    return p.getParsingContext().pathAsPointer().toString();
  }

  /** A malformed-response exception at the parser's current value (method filled in later). */
  public static TransportException malformed(JsonParser p, String problem) {
    return TransportException.malformed(null, path(p), problem);
  }

  /** A malformed-response exception for a missing member of the object the parser just closed. */
  public static TransportException missing(JsonParser p, String field) {
    String base = path(p);
    return TransportException.malformed(null, (base.equals("/") ? "" : base) + "/" + field, "missing required field");
  }

  /** A short description of a token for error messages ("a string", "an object", ...). */
  public static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      case START_OBJECT: return "an object";
      case START_ARRAY: return "an array";
      default: return t.name();
    }
  }

  /** Requires the current token to be {@code expected}. */
  public static void expect(JsonParser p, JsonToken expected, String what) {
    if (p.currentToken() != expected) {
      throw malformed(p, "expected " + what + ", found " + describe(p.currentToken()));
    }
  }

  /** Requires the current token to start an object. */
  public static void expectObject(JsonParser p) {
    expect(p, JsonToken.START_OBJECT, "an object");
  }

  /** Whether the current token is JSON {@code null}. */
  public static boolean isNull(JsonParser p) {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Reads the value of the next object member, returning its name, or {@code null} at the object's end. */
  public static String nextField(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    if (t != JsonToken.FIELD_NAME) {
      throw malformed(p, "expected a field name, found " + describe(t));
    }
    String name = p.currentName();
    p.nextToken();
    return name;
  }

  /** Skips the current value (and its children). */
  public static void skip(JsonParser p) throws IOException {
    p.skipChildren();
  }

  /** A JSON boolean. */
  public static boolean bool(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw malformed(p, "expected a boolean, found " + describe(t));
  }

  /** A JSON string. */
  public static String string(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(p, "expected a string, found " + describe(p.currentToken()));
    }
    return p.getText();
  }

  /** A JSON integer that fits a {@code long}. */
  public static long longValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
        && p.getNumberType() != JsonParser.NumberType.LONG) {
      throw malformed(p, "expected an integer that fits 64 bits, found " + describe(p.currentToken()));
    }
    return p.getLongValue();
  }

  /** A JSON number as a double (finite). */
  public static double number(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw malformed(p, "expected a number, found " + describe(t));
    }
    double d = p.getDoubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw malformed(p, "number is out of range");
    }
    return d;
  }

  /** A JSON array, each element read by {@code element}; immutable. */
  public static <T> List<T> list(JsonParser p, ResultReader<T> element) throws IOException {
    expect(p, JsonToken.START_ARRAY, "an array");
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      return Collections.emptyList();
    }
    List<T> out = new ArrayList<>();
    while (t != JsonToken.END_ARRAY) {
      if (t == null) {
        throw malformed(p, "unexpected end of input in array");
      }
      out.add(element.read(p));
      t = p.nextToken();
    }
    return Collections.unmodifiableList(out);
  }

  /** The current value as compact JSON text (for raw results and error data). */
  public static String rawJson(JsonParser p) throws IOException {
    java.io.StringWriter w = new java.io.StringWriter(64);
    try (JsonGenerator g = JsonLimits.jsonFactory().createGenerator(w)) {
      g.copyCurrentStructure(p);
    }
    return w.toString();
  }
}
