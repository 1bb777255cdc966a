package dev.cairn.svm.borsh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a Borsh enum: the variant's name and its fields — none (a unit variant), a map of
 * named fields, or a list of tuple fields. Immutable.
 *
 * <pre>{@code
 * BorshEnum e = BorshEnum.of("Transfer", Map.of("amount", BigInteger.TEN));
 * }</pre>
 */
public final class BorshEnum {
  private final String variant;
  private final Object fields;

  private BorshEnum(String variant, Object fields) {
    this.variant = Objects.requireNonNull(variant, "variant");
    this.fields = fields;
  }

  /** A unit variant. */
  public static BorshEnum of(String variant) {
    return new BorshEnum(variant, null);
  }

  /** A variant with named fields (order does not matter; the type's order is used). */
  public static BorshEnum of(String variant, Map<String, ?> fields) {
    return new BorshEnum(variant, Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields"))));
  }

  /** A variant with tuple fields (elements may be null only where the field is an option). */
  public static BorshEnum ofTuple(String variant, List<?> fields) {
    return new BorshEnum(variant, Collections.unmodifiableList(new java.util.ArrayList<>(Objects.requireNonNull(fields, "fields"))));
  }

  /** The variant's name. */
  public String variant() {
    return variant;
  }

  /** True for a unit variant (no fields). */
  public boolean isUnit() {
    return fields == null;
  }

  /** The named fields (empty for unit and tuple variants). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> namedFields() {
    return fields instanceof Map ? (Map<String, Object>) fields : Collections.emptyMap();
  }

  /** The tuple fields (empty for unit and named variants). */
  @SuppressWarnings("unchecked")
  public List<Object> tupleFields() {
    return fields instanceof List ? (List<Object>) fields : Collections.emptyList();
  }

  Object rawFields() {
    return fields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BorshEnum && ((BorshEnum) o).variant.equals(variant) && Objects.equals(((BorshEnum) o).fields, fields);
  }

  @Override
  public int hashCode() {
    return variant.hashCode() * 31 + Objects.hashCode(fields);
  }

  @Override
  public String toString() {
    return fields == null ? variant : variant + fields;
  }
}
