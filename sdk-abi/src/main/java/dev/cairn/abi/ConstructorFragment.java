package dev.cairn.abi;

import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.FragmentSpec;
import java.util.List;

/**
 * A contract's constructor: its inputs and whether it is payable. Deployment data is the creation
 * bytecode followed by the ABI-encoded constructor arguments. Immutable.
 */
public final class ConstructorFragment {
  private final List<Param> inputs;
  private final TupleType inputType;
  private final String stateMutability;

  ConstructorFragment(List<Param> inputs, String stateMutability) {
    this.inputs = inputs;
    this.inputType = Fragments.tupleOf(inputs);
    this.stateMutability = stateMutability;
  }

  static ConstructorFragment fromSpec(FragmentSpec s) {
    return new ConstructorFragment(Fragments.resolveAll(s.inputs()), s.stateMutability());
  }

  /**
   * Parses {@code constructor(address token, uint8 initial) payable}.
   *
   * @throws AbiException with the character position on malformed input
   */
  public static ConstructorFragment parse(String fragment) {
    return fromSpec(FragmentParser.parse(fragment, FragmentSpec.Kind.CONSTRUCTOR));
  }

  /** The inputs. */
  public List<Param> inputs() {
    return inputs;
  }

  /** The tuple type of the inputs. */
  public TupleType inputType() {
    return inputType;
  }

  /** {@code payable} or {@code nonpayable}. */
  public String stateMutability() {
    return stateMutability;
  }

  /** Whether the deployment may send value. */
  public boolean isPayable() {
    return stateMutability.equals("payable");
  }

  /**
   * The ABI-encoded constructor arguments.
   *
   * @throws AbiException (INVALID_VALUE) if they do not fit the inputs
   */
  public byte[] encodeArgs(Object... args) {
    return inputType.encode(Tuple.of(args == null ? new Object[0] : args));
  }

  /**
   * Deployment data: {@code bytecode} followed by the encoded arguments.
   *
   * @throws AbiException (INVALID_VALUE) if {@code bytecode} is null or the arguments do not fit
   *     the inputs
   */
  public byte[] deployData(byte[] bytecode, Object... args) {
    if (bytecode == null) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "bytecode: null");
    }
    byte[] a = encodeArgs(args);
    byte[] out = new byte[bytecode.length + a.length];
    System.arraycopy(bytecode, 0, out, 0, bytecode.length);
    System.arraycopy(a, 0, out, bytecode.length, a.length);
    return out;
  }

  /**
   * Strictly decodes encoded constructor arguments.
   *
   * @throws dev.cairn.core.encoding.DecodingException on malformed data
   */
  public Tuple decodeArgs(byte[] encodedArgs) {
    return inputType.decode(encodedArgs);
  }

  FragmentSpec spec() {
    return new FragmentSpec(
        FragmentSpec.Kind.CONSTRUCTOR, "", Fragments.specs(inputs), List.of(), stateMutability, false);
  }

  /** {@code constructor(address token) payable}. */
  @Override
  public String toString() {
    return FragmentFormatter.format(spec());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstructorFragment
        && Fragments.sameParams(inputs, ((ConstructorFragment) o).inputs)
        && stateMutability.equals(((ConstructorFragment) o).stateMutability);
  }

  @Override
  public int hashCode() {
    return inputType.hashCode() * 31 + stateMutability.hashCode();
  }
}
