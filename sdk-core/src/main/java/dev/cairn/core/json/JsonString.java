package dev.cairn.core.json;

import java.util.Objects;

/**
 * A JSON string. A built string may hold any {@code String}, lone surrogates included (the writer
 * escapes them as {@code JSON.stringify} does); a parsed string never holds a lone surrogate.
 */
public final class JsonString extends JsonValue {
  private final String value;

  JsonString(String value, int offset) {
    super(offset);
    this.value = value;
  }

  /** A string value. */
  public static JsonString of(String value) {
    return new JsonString(Objects.requireNonNull(value, "value"), -1);
  }

  /** The (unescaped) string. */
  public String value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonString s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
