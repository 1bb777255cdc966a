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

  /** An invalid value. */
  public static AbiException invalidValue(String problem) {
    return new AbiException(AbiException.Reason.INVALID_VALUE, problem);
  }
}
