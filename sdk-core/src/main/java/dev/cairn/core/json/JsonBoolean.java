package dev.cairn.core.json;

/** JSON {@code true} or {@code false}. */
public final class JsonBoolean extends JsonValue {
  /** The built {@code true}. */
  public static final JsonBoolean TRUE = new JsonBoolean(true, -1);
  /** The built {@code false}. */
  public static final JsonBoolean FALSE = new JsonBoolean(false, -1);

  private final boolean value;

  JsonBoolean(boolean value, int offset) {
    super(offset);
    this.value = value;
  }

  /** {@link #TRUE} or {@link #FALSE}. */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The boolean. */
  public boolean value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.BOOLEAN;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonBoolean b && b.value == value;
  }

  @Override
  public int hashCode() {
    return value ? 1231 : 1237;
  }
}
