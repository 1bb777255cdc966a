package dev.cairn.cosmos.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ABCI event of a transaction or block ({@code type} and its key/value attributes), as the
 * Cosmos REST gateway and CometBFT 0.37+ render it (attributes as plain strings). Immutable.
 */
public final class TxEvent {
  private final String type;
  private final List<Attribute> attributes;

  private TxEvent(String type, List<Attribute> attributes) {
    this.type = type;
    this.attributes = attributes;
  }

  /** An event. */
  public static TxEvent of(String type, List<Attribute> attributes) {
    return new TxEvent(Objects.requireNonNull(type, "type"),
        Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(attributes, "attributes"))));
  }

  /** The event type, e.g. {@code transfer}, {@code wasm}, {@code message}. */
  public String type() {
    return type;
  }

  /** The attributes in order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The value of the first attribute named {@code key}. */
  public Optional<String> attribute(String key) {
    for (Attribute a : attributes) {
      if (a.key.equals(key)) {
        return Optional.of(a.value);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxEvent && ((TxEvent) o).type.equals(type) && ((TxEvent) o).attributes.equals(attributes);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + attributes.hashCode();
  }

  @Override
  public String toString() {
    return type + attributes;
  }

  /** One key/value attribute of an event. Immutable. */
  public static final class Attribute {
    private final String key;
    private final String value;
    private final boolean index;

    private Attribute(String key, String value, boolean index) {
      this.key = key;
      this.value = value;
      this.index = index;
    }

    /** An attribute ({@code value} may be empty, never null). */
    public static Attribute of(String key, String value, boolean index) {
      return new Attribute(Objects.requireNonNull(key, "key"), value == null ? "" : value, index);
    }

    /** The key. */
    public String key() {
      return key;
    }

    /** The value ({@code ""} when the node sent none). */
    public String value() {
      return value;
    }

    /** Whether the node indexes it. */
    public boolean index() {
      return index;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Attribute && ((Attribute) o).key.equals(key) && ((Attribute) o).value.equals(value)
          && ((Attribute) o).index == index;
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + value.hashCode() + (index ? 1 : 0);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
