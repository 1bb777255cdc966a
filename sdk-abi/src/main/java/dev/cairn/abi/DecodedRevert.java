package dev.cairn.abi;

import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Revert data decoded by {@link Reverts}: an {@code Error(string)} reason, a {@code
 * Panic(uint256)} code, a custom error with its arguments, empty data, or data that matched
 * nothing known (kept raw). Immutable.
 */
public final class DecodedRevert {

  /** What the revert data was. */
  public enum Kind {
    /** No revert data ({@code revert()}, {@code require(false)} without a message, out of gas...). */
    EMPTY,
    /** {@code Error(string)}: a {@code require}/{@code revert} reason string. */
    ERROR_STRING,
    /** {@code Panic(uint256)}: a compiler-inserted check failed. */
    PANIC,
    /** A custom error of the ABI that was given. */
    CUSTOM_ERROR,
    /** Data with an unknown selector, too short for one, or not decodable; see {@link #data()}. */
    UNKNOWN
  }

  private final Kind kind;
  private final byte[] data;
  private final String reason;
  private final BigInteger panicCode;
  private final AbiError error;
  private final Tuple args;

  DecodedRevert(Kind kind, byte[] data, String reason, BigInteger panicCode, AbiError error, Tuple args) {
    this.kind = kind;
    this.data = data;
    this.reason = reason;
    this.panicCode = panicCode;
    this.error = error;
    this.args = args;
  }

  /** What the data was. */
  public Kind kind() {
    return kind;
  }

  /** The raw revert data (a copy). */
  public byte[] data() {
    return data.clone();
  }

  /** The reason string of an {@code Error(string)}. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** The code of a {@code Panic(uint256)}. */
  public Optional<BigInteger> panicCode() {
    return Optional.ofNullable(panicCode);
  }

  /** The known meaning of the panic code (empty for codes Solidity does not define). */
  public Optional<PanicCode> panic() {
    return panicCode == null ? Optional.empty() : PanicCode.of(panicCode);
  }

  /** The error: {@link Reverts#ERROR}, {@link Reverts#PANIC} or the matched custom error. */
  public Optional<AbiError> error() {
    return Optional.ofNullable(error);
  }

  /** The decoded arguments of the error; empty for EMPTY and UNKNOWN. */
  public Tuple args() {
    return args;
  }

  /**
   * A one-line description: {@code reverted: insufficient funds}, {@code panic 0x11: arithmetic
   * overflow or underflow}, {@code InsufficientBalance(available=1, required=2)}, {@code empty
   * revert data}, {@code unknown revert data 0x...}.
   */
  public String message() {
    switch (kind) {
      case EMPTY:
        return "empty revert data";
      case ERROR_STRING:
        return "reverted: " + reason;
      case PANIC:
        return "panic 0x"
            + panicCode.toString(16)
            + ": "
            + panic().map(PanicCode::description).orElse("unknown panic code");
      case CUSTOM_ERROR:
        {
          StringBuilder sb = new StringBuilder(error.name()).append('(');
          for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
              sb.append(", ");
            }
            String n = error.inputs().get(i).name();
            if (!n.isEmpty()) {
              sb.append(n).append('=');
            }
            Object v = args.get(i);
            sb.append(v instanceof byte[] ? "0x" + Hex.encode((byte[]) v) : String.valueOf(v));
          }
          return sb.append(')').toString();
        }
      default:
        return "unknown revert data 0x" + Hex.encode(data);
    }
  }

  /** Same as {@link #message()}. */
  @Override
  public String toString() {
    return message();
  }
}
