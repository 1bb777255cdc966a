package dev.cairn.core.json;

/** JSON {@code null}. */
public final class JsonNull extends JsonValue {
  /** The built {@code null} value. */
  public static final JsonNull INSTANCE = new JsonNull(-1);

  JsonNull(int offset) {
    super(offset);
  }

  @Override
  public Kind kind() {
    return Kind.NULL;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNull;
  }

  @Override
  public int hashCode() {
    return 0x6e756c6c;
  }
}
