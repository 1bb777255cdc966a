package dev.cairn.abi;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A decoded event log: the {@link Event} and its inputs' values in declaration order. Indexed
 * inputs of value types hold their decoded value; indexed inputs of {@code string}, {@code bytes},
 * array and tuple types hold an {@link IndexedHash}, since the log stores only their hash.
 * Immutable.
 */
public final class DecodedLog {
  private final Event event;
  private final Object[] values;

  DecodedLog(Event event, Object[] values) {
    this.event = event;
    this.values = values;
  }

  /** The event whose log this is. */
  public Event event() {
    return event;
  }

  /** Number of inputs. */
  public int size() {
    return values.length;
  }

  /** The value of input {@code i} (an {@link IndexedHash} for hashed indexed inputs). */
  public Object get(int i) {
    if (i < 0 || i >= values.length) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "index " + i + " out of range for " + values.length + " inputs of " + event.signature());
    }
    return values[i];
  }

  /**
   * The value of the input with this name.
   *
   * @throws AbiException (INVALID_VALUE) if no input has that name
   */
  public Object get(String name) {
    List<Param> inputs = event.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).name().equals(name)) {
        return values[i];
      }
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE, "no input named \"" + name + "\" in " + event.signature());
  }

  /** Whether input {@code i} came back as a hash only. */
  public boolean isHashed(int i) {
    return get(i) instanceof IndexedHash;
  }

  /** The values in declaration order. */
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** The values as a tuple (hashed inputs as {@link IndexedHash}). */
  public Tuple toTuple() {
    return Tuple.of(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedLog
        && event.equals(((DecodedLog) o).event)
        && toTuple().equals(((DecodedLog) o).toTuple());
  }

  @Override
  public int hashCode() {
    return 31 * event.hashCode() + toTuple().hashCode();
  }

  /** {@code Transfer(from=0x..., to=0x..., value=5)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(event.name()).append('(');
    List<Param> inputs = event.inputs();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String n = inputs.get(i).name();
      if (!n.isEmpty()) {
        sb.append(n).append('=');
      }
      Object v = values[i];
      sb.append(v instanceof byte[] ? "0x" + dev.cairn.core.encoding.Hex.encode((byte[]) v) : v);
    }
    return sb.append(')').toString();
  }
}
