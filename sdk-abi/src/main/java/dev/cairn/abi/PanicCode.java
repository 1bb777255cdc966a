package dev.cairn.abi;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The codes of Solidity's {@code Panic(uint256)} error (Solidity 0.8+), raised by the compiler's
 * checks rather than by {@code revert}/{@code require}.
 */
public enum PanicCode {
  /** 0x00: generic compiler-inserted panic. */
  GENERIC(0x00, "generic compiler panic"),
  /** 0x01: {@code assert} with a false argument. */
  ASSERTION_FAILED(0x01, "assertion failed"),
  /** 0x11: arithmetic overflow or underflow outside an {@code unchecked} block. */
  ARITHMETIC_OVERFLOW(0x11, "arithmetic overflow or underflow"),
  /** 0x12: division or modulo by zero. */
  DIVISION_BY_ZERO(0x12, "division or modulo by zero"),
  /** 0x21: a value too big or negative converted to an enum. */
  ENUM_CONVERSION(0x21, "invalid enum conversion"),
  /** 0x22: access to an incorrectly encoded storage byte array. */
  STORAGE_BYTE_ARRAY_ENCODING(0x22, "incorrectly encoded storage byte array"),
  /** 0x31: {@code .pop()} on an empty array. */
  POP_EMPTY_ARRAY(0x31, "pop() on an empty array"),
  /** 0x32: array, bytesN or slice index out of bounds or negative. */
  ARRAY_INDEX_OUT_OF_BOUNDS(0x32, "array index out of bounds"),
  /** 0x41: too much memory allocated or an array too large. */
  OUT_OF_MEMORY(0x41, "too much memory allocated or array too large"),
  /** 0x51: call of a zero-initialized variable of internal function type. */
  ZERO_FUNCTION_POINTER(0x51, "call to a zero-initialized internal function");

  private final int code;
  private final String description;

  PanicCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The numeric code. */
  public int code() {
    return code;
  }

  /** What the code means, in a few words. */
  public String description() {
    return description;
  }

  /** The known panic code with this value, or empty for codes Solidity does not define. */
  public static Optional<PanicCode> of(BigInteger code) {
    if (code == null || code.signum() < 0 || code.bitLength() > 8) {
      return Optional.empty();
    }
    int c = code.intValue();
    for (PanicCode p : values()) {
      if (p.code == c) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
