package dev.cairn.abi.codegen.internal;

import java.util.List;

/**
 * One entry of an ABI JSON array.
 *
 * @param index the position of the entry in the JSON array (for error messages)
 * @param kind {@code function}, {@code event}, {@code error}, {@code constructor}, {@code fallback}
 *     or {@code receive}
 * @param name the entry name (empty for constructor, fallback, receive)
 * @param inputs inputs
 * @param outputs outputs (functions only)
 * @param stateMutability {@code pure}, {@code view}, {@code nonpayable}, {@code payable}
 * @param anonymous whether an event is anonymous
 */
public record AbiEntry(
    int index,
    String kind,
    String name,
    List<AbiParam> inputs,
    List<AbiParam> outputs,
    String stateMutability,
    boolean anonymous) {
  /** Makes the lists immutable. */
  public AbiEntry {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** A short description for error messages, e.g. {@code entry #3 (function transfer)}. */
  public String describe() {
    return "entry #" + index + " (" + kind + (name.isEmpty() ? "" : " " + name) + ")";
  }
}
