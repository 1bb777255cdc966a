package dev.cairn.abi.codegen.internal;

import dev.cairn.abi.AbiError;
import dev.cairn.abi.ConstructorFragment;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.abi.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One entry of a parsed {@link ContractAbi} that the generator binds, with its parameters as
 * sdk-abi {@link Param}s (resolved types, names, indexed flags, {@code internalType}s).
 *
 * @param index the position of the entry in the JSON {@code abi} array (for error messages)
 * @param kind {@code function}, {@code event}, {@code error} or {@code constructor}
 * @param name the entry name (empty for the constructor)
 * @param inputs inputs
 * @param outputs outputs (functions only)
 * @param stateMutability {@code pure}, {@code view}, {@code nonpayable}, {@code payable}
 * @param anonymous whether an event is anonymous
 */
public record AbiEntry(
    int index,
    String kind,
    String name,
    List<Param> inputs,
    List<Param> outputs,
    String stateMutability,
    boolean anonymous) {
  /** Makes the lists immutable. */
  public AbiEntry {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * The functions, events, errors and constructor of an ABI in source order (fallback and receive
   * have nothing to bind).
   */
  public static List<AbiEntry> of(ContractAbi abi) {
    List<AbiEntry> out = new ArrayList<>();
    for (Function f : abi.functions()) {
      out.add(
          new AbiEntry(
              abi.sourceIndex(f),
              "function",
              f.name(),
              abi.inputsOf(f),
              abi.outputsOf(f),
              f.stateMutability(),
              false));
    }
    for (Event e : abi.events()) {
      out.add(
          new AbiEntry(
              abi.sourceIndex(e), "event", e.name(), e.inputs(), List.of(), "nonpayable", e.isAnonymous()));
    }
    for (AbiError e : abi.errors()) {
      out.add(new AbiEntry(abi.sourceIndex(e), "error", e.name(), e.inputs(), List.of(), "nonpayable", false));
    }
    ConstructorFragment c = abi.constructor().orElse(null);
    if (c != null) {
      out.add(new AbiEntry(abi.sourceIndex(c), "constructor", "", c.inputs(), List.of(), c.stateMutability(), false));
    }
    out.sort(Comparator.comparingInt(AbiEntry::index));
    return out;
  }

  /** A short description for error messages, e.g. {@code abi[3] (function transfer)}. */
  public String describe() {
    return "abi[" + index + "] (" + kind + (name.isEmpty() ? "" : " " + name) + ")";
  }
}
