package dev.cairn.abi.codegen.internal;

import java.util.List;

/**
 * One parameter of an ABI entry as written in the JSON (inputs, outputs, tuple components).
 *
 * @param name the parameter name, possibly empty
 * @param type the JSON {@code type} string, e.g. {@code uint256}, {@code tuple[2][]}
 * @param internalType the solc {@code internalType}, or {@code null} when absent
 * @param indexed whether an event parameter is indexed
 * @param components tuple components (empty for non-tuple types)
 */
public record AbiParam(
    String name, String type, String internalType, boolean indexed, List<AbiParam> components) {
  /** Makes the component list immutable. */
  public AbiParam {
    components = List.copyOf(components);
  }
}
