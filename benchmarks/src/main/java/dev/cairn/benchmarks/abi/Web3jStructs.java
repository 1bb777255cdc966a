package dev.cairn.benchmarks.abi;

import java.math.BigInteger;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * web3j's struct classes for the ABI benchmarks, written as web3j's code generator writes them
 * (web3j decodes structs by reflecting on such classes).
 */
public final class Web3jStructs {

  private Web3jStructs() {}

  /** {@code (uint8,bool)}. */
  public static final class Flag extends StaticStruct {
    /** From web3j types (the decoder calls this one). */
    public Flag(Uint8 kind, Bool on) {
      super(kind, on);
    }

    /** From Java values. */
    public Flag(BigInteger kind, boolean on) {
      this(new Uint8(kind), new Bool(on));
    }
  }

  /** {@code (address,bytes32)}. */
  public static final class Leg extends StaticStruct {
    /** From web3j types. */
    public Leg(Address target, Bytes32 key) {
      super(target, key);
    }
  }

  /** {@code (uint256,(address,bytes32)[])}. */
  public static final class Route extends DynamicStruct {
    /** From web3j types. */
    public Route(Uint256 amount, DynamicArray<Leg> legs) {
      super(amount, legs);
    }
  }
}
