package dev.cairn.abi;

import dev.cairn.core.encoding.DecodingException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * Decoding of revert data returned by {@code eth_call} or in a failed transaction's trace:
 * {@code Error(string)} (selector {@code 0x08c379a0}), {@code Panic(uint256)} ({@code 0x4e487b71},
 * with the meaning of each code, see {@link PanicCode}) and custom errors by selector. Decoding
 * never throws for arbitrary data: whatever matches nothing known, or does not decode strictly,
 * comes back as {@link DecodedRevert.Kind#UNKNOWN} with the raw bytes.
 */
public final class Reverts {
  /** {@code Error(string)}. */
  public static final AbiError ERROR = AbiError.parse("Error(string)");
  /** {@code Panic(uint256)}. */
  public static final AbiError PANIC = AbiError.parse("Panic(uint256)");

  private Reverts() {}

  /** Decodes {@code Error(string)}, {@code Panic(uint256)} or empty data; else UNKNOWN. */
  public static DecodedRevert decode(byte[] revertData) {
    return decode(revertData, List.of());
  }

  /** Decodes the built-in errors and the custom errors of {@code abi}. */
  public static DecodedRevert decode(byte[] revertData, ContractAbi abi) {
    if (abi == null) {
      return decode(revertData);
    }
    byte[] data = revertData == null ? new byte[0] : revertData;
    DecodedRevert builtin = builtin(data);
    if (builtin != null) {
      return builtin;
    }
    return abi.errorBySelector(data)
        .map(e -> tryCustom(e, data))
        .orElseGet(() -> unknown(data));
  }

  /**
   * Decodes the built-in errors and any of the given custom errors whose selector matches and whose
   * arguments decode strictly (the first such one).
   */
  public static DecodedRevert decode(byte[] revertData, Collection<AbiError> customErrors) {
    byte[] data = revertData == null ? new byte[0] : revertData;
    DecodedRevert builtin = builtin(data);
    if (builtin != null) {
      return builtin;
    }
    for (AbiError e : customErrors) {
      if (e.matches(data)) {
        DecodedRevert r = tryCustom(e, data);
        if (r.kind() == DecodedRevert.Kind.CUSTOM_ERROR) {
          return r;
        }
      }
    }
    return unknown(data);
  }

  /** The {@code Error(string)} revert data for a reason. */
  public static byte[] encodeError(String reason) {
    return ERROR.encode(reason);
  }

  /** The {@code Panic(uint256)} revert data for a code. */
  public static byte[] encodePanic(BigInteger code) {
    return PANIC.encode(code);
  }

  private static DecodedRevert builtin(byte[] data) {
    if (data.length == 0) {
      return new DecodedRevert(DecodedRevert.Kind.EMPTY, data.clone(), null, null, null, Tuple.EMPTY);
    }
    if (data.length < 4) {
      return unknown(data);
    }
    if (ERROR.matches(data)) {
      try {
        Tuple t = ERROR.decode(data);
        return new DecodedRevert(
            DecodedRevert.Kind.ERROR_STRING, data.clone(), t.getString(0), null, ERROR, t);
      } catch (DecodingException e) {
        return unknown(data);
      }
    }
    if (PANIC.matches(data)) {
      try {
        Tuple t = PANIC.decode(data);
        return new DecodedRevert(
            DecodedRevert.Kind.PANIC, data.clone(), null, t.getBigInteger(0), PANIC, t);
      } catch (DecodingException e) {
        return unknown(data);
      }
    }
    return null;
  }

  private static DecodedRevert tryCustom(AbiError e, byte[] data) {
    try {
      Tuple t = e.decode(data);
      return new DecodedRevert(DecodedRevert.Kind.CUSTOM_ERROR, data.clone(), null, null, e, t);
    } catch (DecodingException ex) {
      return unknown(data);
    }
  }

  private static DecodedRevert unknown(byte[] data) {
    return new DecodedRevert(DecodedRevert.Kind.UNKNOWN, data.clone(), null, null, null, Tuple.EMPTY);
  }
}
