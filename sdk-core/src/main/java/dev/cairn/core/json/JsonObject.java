package dev.cairn.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object: members in insertion (document) order, keys unique. Equality is that of maps
 * (order does not matter); {@link Json#write} keeps the order, {@link Json#writeCanonical} sorts.
 */
public final class JsonObject extends JsonValue {
  private static final JsonObject EMPTY = new JsonObject(Collections.emptyMap(), -1);

  private final Map<String, JsonValue> members;

  JsonObject(Map<String, JsonValue> members, int offset) {
    super(offset);
    this.members = members;
  }

  /** An object with the members of {@code members}, in its iteration order (copied). */
  public static JsonObject of(Map<String, ? extends JsonValue> members) {
    if (members.isEmpty()) {
      return EMPTY;
    }
    Map<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
    for (Map.Entry<String, ? extends JsonValue> e : members.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
    }
    return new JsonObject(Collections.unmodifiableMap(copy), -1);
  }

  /** A builder that keeps insertion order and rejects duplicate keys. */
  public static Builder builder() {
    return new Builder();
  }

  /** The members, unmodifiable, in document order. */
  public Map<String, JsonValue> members() {
    return members;
  }

  /** The member {@code key}, or {@code null} when absent. */
  public JsonValue get(String key) {
    return members.get(key);
  }

  /** Whether the member {@code key} is present. */
  public boolean has(String key) {
    return members.containsKey(key);
  }

  /** The number of members. */
  public int size() {
    return members.size();
  }

  @Override
  public Kind kind() {
    return Kind.OBJECT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject j && j.members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  /** Builds a {@link JsonObject}; not thread-safe, single use. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a member.
     *
     * @throws IllegalArgumentException if {@code key} was already added
     */
    public Builder put(String key, JsonValue value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (members.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException("duplicate key \"" + key + "\"");
      }
      return this;
    }

    /** Adds a string member. */
    public Builder put(String key, String value) {
      return put(key, JsonString.of(value));
    }

    /** Adds a number member. */
    public Builder put(String key, long value) {
      return put(key, JsonNumber.of(value));
    }

    /** Adds a boolean member. */
    public Builder put(String key, boolean value) {
      return put(key, JsonBoolean.of(value));
    }

    /** The object. */
    public JsonObject build() {
      return members.isEmpty()
          ? EMPTY
          : new JsonObject(Collections.unmodifiableMap(new LinkedHashMap<>(members)), -1);
    }
  }
}
