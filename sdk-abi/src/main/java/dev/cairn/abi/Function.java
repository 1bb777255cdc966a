package dev.cairn.abi;

import dev.cairn.abi.internal.TypeParser;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A contract function: name, input and output tuple types, state mutability, and its 4-byte
 * selector (the first bytes of the Keccak-256 of the canonical signature). Immutable and
 * thread-safe; parse once and reuse.
 */
public final class Function {
  private final String name;
  private final TupleType inputs;
  private final TupleType outputs;
  private final String stateMutability;
  private final String signature;
  private final byte[] selector;
  private final int selectorInt;

  private Function(String name, TupleType inputs, TupleType outputs, String stateMutability) {
    this.name = name;
    this.inputs = inputs;
    this.outputs = outputs;
    this.stateMutability = stateMutability;
    this.signature = name + inputs.canonicalType();
    this.selector = selector(signature);
    this.selectorInt = ((selector[0] & 0xff) << 24) | ((selector[1] & 0xff) << 16) | ((selector[2] & 0xff) << 8) | (selector[3] & 0xff);
  }

  /**
   * A function from its parts.
   *
   * @param name the function name (an identifier)
   * @param inputs parameter types
   * @param outputs return types
   * @param stateMutability {@code pure}, {@code view}, {@code nonpayable} or {@code payable}
   * @throws AbiException (INVALID_TYPE) on a bad name or state mutability
   */
  public static Function of(String name, TupleType inputs, TupleType outputs, String stateMutability) {
    if (name == null || !isIdentifier(name)) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "function name: not an identifier: " + name);
    }
    if (inputs == null || outputs == null) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "function " + name + ": null inputs or outputs");
    }
    String sm = stateMutability == null ? "nonpayable" : stateMutability;
    if (!sm.equals("pure") && !sm.equals("view") && !sm.equals("nonpayable") && !sm.equals("payable")) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "function " + name + ": unknown state mutability " + sm);
    }
    return new Function(name, inputs, outputs, sm);
  }

  /**
   * Parses a canonical signature such as {@code transfer(address,uint256)} or a human-readable
   * fragment such as {@code function balanceOf(address owner) view returns (uint256)} (parameter
   * names, data locations and visibility keywords are accepted; struct names are not).
   *
   * @throws AbiException (PARSE with a position) on a malformed signature
   */
  public static Function parse(String signature) {
    if (signature == null) {
      throw new AbiException(AbiException.Reason.PARSE, "function signature: null");
    }
    int paren = signature.indexOf('(');
    if (paren > 0 && signature.indexOf(' ') < 0 && signature.endsWith(")") && isIdentifier(signature.substring(0, paren))) {
      AbiType<?> t;
      try {
        t = AbiTypes.parse(signature.substring(paren));
      } catch (AbiException e) {
        throw new AbiException(e.reason(), e.getMessage(), e.position() < 0 ? -1 : e.position() + paren);
      }
      if (t instanceof TupleType) {
        return new Function(signature.substring(0, paren), (TupleType) t, TupleType.EMPTY, "nonpayable");
      }
    }
    TypeParser p = TypeParser.human(signature, 0);
    String name = p.identifier();
    if ("function".equals(name)) {
      name = p.identifier();
    }
    if (name == null) {
      throw p.error("expected a function name");
    }
    TupleType in = p.params(false).toTuple();
    TupleType out = TupleType.EMPTY;
    String sm = "nonpayable";
    while (!p.atEnd()) {
      int at = p.pos();
      String word = p.identifier();
      if (word == null) {
        throw p.error("unexpected character");
      }
      switch (word) {
        case "view":
        case "pure":
        case "payable":
        case "nonpayable":
          sm = word;
          break;
        case "constant":
          sm = "view";
          break;
        case "external":
        case "public":
        case "internal":
        case "private":
        case "virtual":
        case "override":
          break;
        case "returns":
          out = p.params(false).toTuple();
          break;
        default:
          throw new AbiException(AbiException.Reason.PARSE, "unexpected word '" + word + "' in \"" + signature + "\"", at);
      }
    }
    return new Function(name, in, out, sm);
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The 4-byte selector of a canonical signature such as {@code transfer(address,uint256)}. */
  public static byte[] selector(String canonicalSignature) {
    byte[] h = Keccak256.hash(canonicalSignature.getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(h, 4);
  }

  /** The function name. */
  public String name() {
    return name;
  }

  /** The parameter types (with names if known). */
  public TupleType inputs() {
    return inputs;
  }

  /** The return types (empty if unknown or none). */
  public TupleType outputs() {
    return outputs;
  }

  /** {@code pure}, {@code view}, {@code nonpayable} or {@code payable}. */
  public String stateMutability() {
    return stateMutability;
  }

  /** The canonical signature, e.g. {@code transfer(address,uint256)}. */
  public String signature() {
    return signature;
  }

  /** The 4-byte selector (a copy). */
  public byte[] selector() {
    return selector.clone();
  }

  /** The selector as a big-endian int. */
  public int selectorAsInt() {
    return selectorInt;
  }

  /**
   * Calldata: the selector followed by the encoded arguments.
   *
   * <p>A single {@link Tuple} argument selects {@link #encodeCall(Tuple)} (the whole argument
   * list); to pass one struct to a function taking one struct, write {@code
   * encodeCall(Tuple.of(struct))}.
   *
   * @param args one value per parameter
   * @return the calldata
   * @throws AbiException (INVALID_VALUE) naming the argument path, e.g. {@code args[1][0]}
   */
  public byte[] encodeCall(Object... args) {
    if (args == null) {
      args = new Object[] {null};
    }
    return encodeCall(Tuple.wrap(args));
  }

  /** Calldata: the selector followed by the encoded arguments. */
  public byte[] encodeCall(Tuple args) {
    int len = inputs.lengthOrThrow(args);
    byte[] out = new byte[4 + len];
    out[0] = selector[0];
    out[1] = selector[1];
    out[2] = selector[2];
    out[3] = selector[3];
    inputs.encodeTo(args, out, 4);
    return out;
  }

  /**
   * Decodes calldata: checks the selector and strictly decodes the arguments.
   *
   * @throws DecodingException on a wrong selector or malformed arguments
   */
  public Tuple decodeCall(byte[] calldata) {
    if (calldata == null || calldata.length < 4) {
      throw new DecodingException("calldata", 0, "shorter than a 4-byte selector");
    }
    if (calldata[0] != selector[0] || calldata[1] != selector[1] || calldata[2] != selector[2] || calldata[3] != selector[3]) {
      throw new DecodingException(
          "calldata", 0, "selector 0x" + Hex.encode(calldata, 0, 4) + " is not " + signature + " (0x" + Hex.encode(selector) + ")");
    }
    return inputs.decode(calldata, 4, calldata.length - 4);
  }

  /** Strictly decodes return data. */
  public Tuple decodeReturn(byte[] returnData) {
    return outputs.decode(returnData);
  }

  /** Encodes return values. */
  public byte[] encodeReturn(Tuple values) {
    return outputs.encode(values);
  }

  /** Human-readable form, e.g. {@code function f(uint256) view returns (bool)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("function ").append(signature);
    if (!stateMutability.equals("nonpayable")) {
      sb.append(' ').append(stateMutability);
    }
    if (outputs.size() > 0) {
      sb.append(" returns ").append(outputs.canonicalType());
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Function)) {
      return false;
    }
    Function f = (Function) o;
    return signature.equals(f.signature) && outputs.equals(f.outputs) && stateMutability.equals(f.stateMutability);
  }

  @Override
  public int hashCode() {
    return signature.hashCode();
  }

}
