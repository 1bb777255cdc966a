package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A validator withdrawal (EIP-4895, Shanghai and later) as a block reports it: a transfer from the
 * beacon chain to an execution-layer address, credited outside of any transaction. The amount is
 * in gwei, as on the consensus layer. Immutable.
 */
public final class Withdrawal {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private final long index;
  private final long validatorIndex;
  private final Address address;
  private final BigInteger amountGwei;

  private Withdrawal(long index, long validatorIndex, Address address, BigInteger amountGwei) {
    this.index = index;
    this.validatorIndex = validatorIndex;
    this.address = address;
    this.amountGwei = amountGwei;
  }

  /**
   * A withdrawal from its fields.
   *
   * @param index the withdrawal's global index (non-negative)
   * @param validatorIndex the index of the validator withdrawn from (non-negative)
   * @param address the recipient
   * @param amountGwei the amount in gwei (non-negative)
   * @throws IllegalArgumentException if a value is null or negative
   */
  public static Withdrawal of(long index, long validatorIndex, Address address, BigInteger amountGwei) {
    if (index < 0) {
      throw new IllegalArgumentException("withdrawal.index is negative: " + index);
    }
    if (validatorIndex < 0) {
      throw new IllegalArgumentException("withdrawal.validatorIndex is negative: " + validatorIndex);
    }
    if (address == null) {
      throw new IllegalArgumentException("withdrawal.address is null");
    }
    if (amountGwei == null || amountGwei.signum() < 0) {
      throw new IllegalArgumentException("withdrawal.amount is " + (amountGwei == null ? "null" : "negative"));
    }
    return new Withdrawal(index, validatorIndex, address, amountGwei);
  }

  /** Reads one element of a block's {@code withdrawals} array. */
  static Withdrawal read(JsonParser p) throws IOException {
    Json.expectObject(p);
    Long index = null;
    Long validatorIndex = null;
    Address address = null;
    BigInteger amount = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "index": index = Json.quantityLong(p); break;
        case "validatorIndex": validatorIndex = Json.quantityLong(p); break;
        case "address": address = Json.address(p); break;
        case "amount": amount = Json.quantity(p); break;
        default: Json.skip(p);
      }
    }
    if (index == null) {
      throw Json.missing(p, "index");
    }
    if (validatorIndex == null) {
      throw Json.missing(p, "validatorIndex");
    }
    if (address == null) {
      throw Json.missing(p, "address");
    }
    if (amount == null) {
      throw Json.missing(p, "amount");
    }
    return new Withdrawal(index, validatorIndex, address, amount);
  }

  /** The withdrawal's global index (increases by one per withdrawal across the chain). */
  public long index() {
    return index;
  }

  /** The index of the validator the amount was withdrawn from. */
  public long validatorIndex() {
    return validatorIndex;
  }

  /** The execution-layer address credited. */
  public Address address() {
    return address;
  }

  /** The amount in gwei, as reported. */
  public BigInteger amountGwei() {
    return amountGwei;
  }

  /** The amount in wei ({@link #amountGwei()} times 10^9). */
  public BigInteger amountWei() {
    return amountGwei.multiply(GWEI);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Withdrawal)) {
      return false;
    }
    Withdrawal w = (Withdrawal) o;
    return index == w.index && validatorIndex == w.validatorIndex && address.equals(w.address)
        && amountGwei.equals(w.amountGwei);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, validatorIndex, address, amountGwei);
  }

  @Override
  public String toString() {
    return "Withdrawal{index=" + index + ", validatorIndex=" + validatorIndex + ", address=" + address
        + ", amountGwei=" + amountGwei + "}";
  }
}
