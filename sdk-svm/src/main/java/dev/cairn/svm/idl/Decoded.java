package dev.cairn.svm.idl;

import java.util.Map;
import java.util.Objects;

/**
 * A decoded instruction, account or event: the IDL name and the fields (Java values as {@link
 * dev.cairn.svm.borsh.BorshType} documents them, in declaration order). Immutable.
 */
public final class Decoded {
  private final String name;
  private final Map<String, Object> fields;

  Decoded(String name, Map<String, Object> fields) {
    this.name = name;
    this.fields = fields;
  }

  /** The instruction, account or event name. */
  public String name() {
    return name;
  }

  /** Field name to value (unmodifiable). */
  public Map<String, Object> fields() {
    return fields;
  }

  /** One field's value, or null when there is no such field. */
  public Object get(String field) {
    return fields.get(field);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decoded && ((Decoded) o).name.equals(name) && ((Decoded) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fields);
  }

  @Override
  public String toString() {
    return name + fields;
  }
}
