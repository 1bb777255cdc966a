package dev.cairn.abi.internal;

import dev.cairn.abi.AbiException;

/** Factories for the {@link AbiException}s the parsers throw. */
public final class AbiErrors {
  private AbiErrors() {}

  /** A syntax error at a character position. */
  public static AbiException parse(String problem, int position) {
    return new AbiException(AbiException.Reason.PARSE, problem, position);
  }

  /** An invalid type. */
  public static AbiException invalidType(String problem, int position) {
    return new AbiException(AbiException.Reason.INVALID_TYPE, problem, position);
  }

  /** A recognised construct the SDK does not support (fixed-point types). */
  public static AbiException unsupported(String problem, int position) {
    return new AbiException(AbiException.Reason.UNSUPPORTED, problem, position);
  }

  /** An unknown type name, or UNSUPPORTED for a fixed-point type. */
  public static AbiException unknownType(String prefix, String type, int position) {
    if (ElementaryTypes.isFixedPoint(type, 0, type.length())) {
      return unsupported(prefix + "fixed-point type \"" + type
          + "\" is not supported (fixed/ufixed have no encoder in Solidity either)", position);
    }
    return invalidType(prefix + "unknown type \"" + type + "\"", position);
  }
}
