package dev.cairn.core.json;

import dev.cairn.core.encoding.DecodingException;

/**
 * A JSON value: one of {@link JsonObject}, {@link JsonArray}, {@link JsonString}, {@link
 * JsonNumber}, {@link JsonBoolean} or {@link JsonNull} (no other subclasses exist). Values are
 * immutable. A value read by {@link Json#parse(String)} remembers where it started in the document
 * ({@link #offset()}), for error messages of code that interprets it; the offset takes no part in
 * {@code equals}.
 */
public abstract class JsonValue {
  /** The six kinds of JSON value. */
  public enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  final int offset;

  JsonValue(int offset) {
    this.offset = offset;
  }

  /** The kind of this value. */
  public abstract Kind kind();

  /**
   * The character offset at which this value starts in the parsed document, or {@code -1} for a
   * value that was built rather than parsed.
   */
  public final int offset() {
    return offset;
  }

  /** Whether this is JSON {@code null}. */
  public final boolean isNull() {
    return kind() == Kind.NULL;
  }

  /** This value as an object, or a {@link DecodingException} naming {@code field}. */
  public final JsonObject asObject(String field) {
    if (this instanceof JsonObject o) {
      return o;
    }
    throw mismatch(field, "an object");
  }

  /** This value as an array, or a {@link DecodingException} naming {@code field}. */
  public final JsonArray asArray(String field) {
    if (this instanceof JsonArray a) {
      return a;
    }
    throw mismatch(field, "an array");
  }

  /** This value's string, or a {@link DecodingException} naming {@code field}. */
  public final String asString(String field) {
    if (this instanceof JsonString s) {
      return s.value();
    }
    throw mismatch(field, "a string");
  }

  /** This value as a number, or a {@link DecodingException} naming {@code field}. */
  public final JsonNumber asNumber(String field) {
    if (this instanceof JsonNumber n) {
      return n;
    }
    throw mismatch(field, "a number");
  }

  /** This value's boolean, or a {@link DecodingException} naming {@code field}. */
  public final boolean asBoolean(String field) {
    if (this instanceof JsonBoolean b) {
      return b.value();
    }
    throw mismatch(field, "a boolean");
  }

  private DecodingException mismatch(String field, String expected) {
    return new DecodingException(
        field, offset, "expected " + expected + ", found " + kind().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The compact JSON text of this value (member order kept), as {@link Json#write}. */
  @Override
  public String toString() {
    return Json.write(this);
  }
}
