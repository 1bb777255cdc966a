package dev.cairn.abi;

import java.util.Objects;

/** Calldata decoded against a {@link Function}: the function and its arguments. Immutable. */
public final class DecodedCall {
  private final Function function;
  private final Tuple args;

  DecodedCall(Function function, Tuple args) {
    this.function = function;
    this.args = args;
  }

  /**
   * Strictly decodes calldata with the given function.
   *
   * @throws dev.cairn.core.encoding.DecodingException if the selector differs or the arguments are
   *     malformed
   */
  public static DecodedCall decode(Function function, byte[] calldata) {
    return new DecodedCall(function, function.decodeCall(calldata));
  }

  /** The function the calldata was decoded with. */
  public Function function() {
    return function;
  }

  /** The decoded arguments. */
  public Tuple args() {
    return args;
  }

  /**
   * The argument with this parameter name.
   *
   * @throws AbiException (INVALID_VALUE) if no input has that name
   */
  public Object get(String name) {
    TupleType in = function.inputs();
    for (int i = 0; i < in.size(); i++) {
      if (name.equals(in.name(i))) {
        return args.get(i);
      }
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE,
        "no input named \"" + name + "\" in " + function.signature());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedCall
        && function.equals(((DecodedCall) o).function)
        && args.equals(((DecodedCall) o).args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(function, args);
  }

  /** {@code transfer(address,uint256) (0x..., 5)}. */
  @Override
  public String toString() {
    return function.signature() + " " + args;
  }
}
