package dev.cairn.core.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A JSON array: an immutable list of values. */
public final class JsonArray extends JsonValue {
  private static final JsonArray EMPTY = new JsonArray(Collections.emptyList(), -1);

  private final List<JsonValue> elements;

  JsonArray(List<JsonValue> elements, int offset) {
    super(offset);
    this.elements = elements;
  }

  /** An array of the given values (copied). */
  public static JsonArray of(List<? extends JsonValue> elements) {
    if (elements.isEmpty()) {
      return EMPTY;
    }
    List<JsonValue> copy = new ArrayList<>(elements.size());
    for (JsonValue v : elements) {
      copy.add(Objects.requireNonNull(v, "element"));
    }
    return new JsonArray(Collections.unmodifiableList(copy), -1);
  }

  /** An array of the given values. */
  public static JsonArray of(JsonValue... elements) {
    return of(Arrays.asList(elements));
  }

  /** The elements, unmodifiable. */
  public List<JsonValue> elements() {
    return elements;
  }

  /** The element at {@code index}. */
  public JsonValue get(int index) {
    return elements.get(index);
  }

  /** The number of elements. */
  public int size() {
    return elements.size();
  }

  @Override
  public Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonArray a && a.elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }
}
