package dev.cairn.abi;

import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.FragmentSpec;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Solidity custom error ({@code error InsufficientBalance(uint256 available, uint256 required)}),
 * also used for the built-in {@code Error(string)} and {@code Panic(uint256)}. Revert data of an
 * error is its 4-byte selector followed by the ABI encoding of its inputs. Immutable and
 * thread-safe. (Named {@code AbiError} so as not to clash with {@link java.lang.Error}.)
 */
public final class AbiError {
  private final String name;
  private final List<Param> inputs;
  private final TupleType inputType;
  private final String signature;
  private final byte[] selector;

  AbiError(String name, List<Param> inputs) {
    this.name = name;
    this.inputs = inputs;
    this.inputType = Fragments.tupleOf(inputs);
    StringBuilder sig = new StringBuilder(name.length() + 16 * inputs.size());
    sig.append(name).append('(');
    for (int i = 0; i < inputs.size(); i++) {
      if (i > 0) {
        sig.append(',');
      }
      sig.append(inputs.get(i).canonicalType());
    }
    this.signature = sig.append(')').toString();
    byte[] h = Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
    this.selector = new byte[] {h[0], h[1], h[2], h[3]};
  }

  static AbiError fromSpec(FragmentSpec s) {
    return new AbiError(s.name(), Fragments.resolveAll(s.inputs()));
  }

  /**
   * Parses {@code error InsufficientBalance(uint256 available, uint256 required)}; the {@code error}
   * keyword may be omitted ({@code Error(string)}).
   *
   * @throws AbiException with the character position for a syntax error or an invalid type
   */
  public static AbiError parse(String fragment) {
    return fromSpec(FragmentParser.parse(fragment, FragmentSpec.Kind.ERROR));
  }

  /**
   * An error with the given inputs.
   *
   * @throws AbiException (INVALID_TYPE) if the name is empty
   */
  public static AbiError of(String name, List<Param> inputs) {
    if (name == null || name.isEmpty()) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "error name is empty");
    }
    return new AbiError(name, List.copyOf(inputs));
  }

  /** The error name. */
  public String name() {
    return name;
  }

  /** The inputs. */
  public List<Param> inputs() {
    return inputs;
  }

  /** The tuple type of the inputs (with their names). */
  public TupleType inputType() {
    return inputType;
  }

  /** The canonical signature, e.g. {@code InsufficientBalance(uint256,uint256)}. */
  public String signature() {
    return signature;
  }

  /** The 4-byte selector (a copy). */
  public byte[] selector() {
    return selector.clone();
  }

  /** The selector as a big-endian int (for indexes). */
  public int selectorInt() {
    return ((selector[0] & 0xff) << 24)
        | ((selector[1] & 0xff) << 16)
        | ((selector[2] & 0xff) << 8)
        | (selector[3] & 0xff);
  }

  /** Whether {@code revertData} starts with this error's selector. */
  public boolean matches(byte[] revertData) {
    return revertData != null
        && revertData.length >= 4
        && revertData[0] == selector[0]
        && revertData[1] == selector[1]
        && revertData[2] == selector[2]
        && revertData[3] == selector[3];
  }

  /**
   * Strictly decodes revert data of this error.
   *
   * @throws DecodingException (field {@code revertData}) if the selector differs, or (field {@code
   *     abi...}) for malformed arguments
   */
  public Tuple decode(byte[] revertData) {
    if (revertData == null) {
      throw new DecodingException("revertData", -1, "missing");
    }
    if (!matches(revertData)) {
      throw new DecodingException(
          "revertData",
          0,
          "selector 0x"
              + Hex.encode(revertData, 0, Math.min(4, revertData.length))
              + " is not the selector 0x"
              + Hex.encode(selector)
              + " of "
              + signature);
    }
    return inputType.decode(revertData, 4, revertData.length - 4);
  }

  /**
   * Encodes revert data: selector and ABI-encoded arguments.
   *
   * @throws AbiException (INVALID_VALUE) if the arguments do not fit
   */
  public byte[] encode(Object... args) {
    byte[] body = inputType.encode(Tuple.of(args == null ? new Object[0] : args));
    byte[] out = new byte[4 + body.length];
    System.arraycopy(selector, 0, out, 0, 4);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  FragmentSpec spec() {
    return new FragmentSpec(
        FragmentSpec.Kind.ERROR, name, Fragments.specs(inputs), List.of(), "nonpayable", false);
  }

  /** The human-readable form, e.g. {@code error E(uint256 a)}. */
  public String toHumanReadable() {
    return FragmentFormatter.format(spec());
  }

  /** Errors are equal when names and inputs (types and names) are; internal types are ignored. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AbiError
        && name.equals(((AbiError) o).name)
        && Fragments.sameParams(inputs, ((AbiError) o).inputs);
  }

  @Override
  public int hashCode() {
    return signature.hashCode();
  }

  /** The human-readable form. */
  @Override
  public String toString() {
    return toHumanReadable();
  }
}
