package dev.cairn.benchmarks.abi;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * web3j's struct classes for the ABI benchmarks, written as web3j's code generator writes them:
 * web3j decodes structs by reflecting on such classes, and it sizes a static struct by counting its
 * public fields, so the fields are not optional (without them it decodes every array element from
 * the first element's offset).
 */
public final class Web3jStructs {

  private Web3jStructs() {}

  /** {@code (uint8,bool)}. */
  public static final class Flag extends StaticStruct {
    /** The uint8. */
    public BigInteger kind;

    /** The bool. */
    public Boolean on;

    /** From web3j types (the decoder calls this one). */
    public Flag(Uint8 kind, Bool on) {
      super(kind, on);
      this.kind = kind.getValue();
      this.on = on.getValue();
    }
  }

  /** {@code (address,bytes32)}. */
  public static final class Leg extends StaticStruct {
    /** The address (hex). */
    public String target;

    /** The bytes32. */
    public byte[] key;

    /** From web3j types. */
    public Leg(Address target, Bytes32 key) {
      super(target, key);
      this.target = target.getValue();
      this.key = key.getValue();
    }
  }

  /** {@code (uint256,(address,bytes32)[])}. */
  public static final class Route extends DynamicStruct {
    /** The uint256. */
    public BigInteger amount;

    /** The legs. */
    public List<Leg> legs;

    /** From web3j types. */
    public Route(Uint256 amount, DynamicArray<Leg> legs) {
      super(amount, legs);
      this.amount = amount.getValue();
      this.legs = legs.getValue();
    }
  }
}
