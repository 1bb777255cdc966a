package dev.cairn.cosmos.tx;

import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import dev.cairn.core.encoding.DecodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code cosmos.tx.v1beta1.Fee}: the coins paid, the gas limit, and optionally a fee payer other
 * than the first signer and a fee granter (feegrant). Immutable.
 */
public final class Fee {
  private final List<Coin> amount;
  private final long gasLimit;
  private final String payer;
  private final String granter;

  private Fee(List<Coin> amount, long gasLimit, String payer, String granter) {
    this.amount = amount;
    this.gasLimit = gasLimit;
    this.payer = payer;
    this.granter = granter;
  }

  /** A fee paid by the first signer. */
  public static Fee of(List<Coin> amount, long gasLimit) {
    return of(amount, gasLimit, "", "");
  }

  /**
   * A fee with a payer and a granter ("" for none).
   *
   * @param gasLimit at most 2^53 - 1 (CosmJS and the Ledger app hold it as a safe integer)
   * @throws CosmosException (INVALID_INPUT) naming the field
   */
  public static Fee of(List<Coin> amount, long gasLimit, String payer, String granter) {
    if (amount == null) {
      throw CosmosException.invalid("fee.amount", "is null");
    }
    for (int i = 0; i < amount.size(); i++) {
      if (amount.get(i) == null) {
        throw CosmosException.invalid("fee.amount[" + i + "]", "is null");
      }
    }
    if (gasLimit < 0 || gasLimit > 9007199254740991L) {
      throw CosmosException.invalid("fee.gasLimit", "must be between 0 and 2^53-1");
    }
    return new Fee(Collections.unmodifiableList(new ArrayList<>(amount)), gasLimit,
        optionalAddress("fee.payer", payer), optionalAddress("fee.granter", granter));
  }

  private static String optionalAddress(String field, String a) {
    if (a == null || a.isEmpty()) {
      return "";
    }
    try {
      CosmosAddress.parse(a);
    } catch (DecodingException e) {
      throw CosmosException.invalid(field, "not a Bech32 address: " + e.getMessage());
    }
    return a;
  }

  public List<Coin> amount() {
    return amount;
  }

  /** The gas limit (unsigned; at most 2^53 - 1 when built here, any uint64 when decoded). */
  public long gasLimit() {
    return gasLimit;
  }

  /** The fee payer, or "" for the first signer. */
  public String payer() {
    return payer;
  }

  /** The fee granter, or "" for none. */
  public String granter() {
    return granter;
  }

  byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    for (Coin c : amount) {
      w.message(1, Wire.coin(c));
    }
    return w.uint64(2, gasLimit).string(3, payer).string(4, granter).toByteArray();
  }

  static Fee read(ProtoReader parent, byte[] b) {
    ProtoReader r = parent.nested(b, "Fee", parent.payloadOffset(b));
    List<Coin> amount = new ArrayList<>();
    long gas = 0;
    String payer = "";
    String granter = "";
    while (r.next()) {
      switch (r.field()) {
        case 1: {
          byte[] c = r.bytes("amount");
          amount.add(Wire.readCoin(r, c, "amount"));
          break;
        }
        case 2:
          gas = r.uint64("gas_limit");
          break;
        case 3:
          payer = r.string("payer");
          break;
        case 4:
          granter = r.string("granter");
          break;
        default:
          r.skip();
      }
    }
    try {
      // decoding accepts any uint64 gas limit (the chain does); building limits it to 2^53 - 1
      return new Fee(Collections.unmodifiableList(amount), gas, optionalAddress("fee.payer", payer),
          optionalAddress("fee.granter", granter));
    } catch (CosmosException e) {
      throw new DecodingException("Fee", r.start(), e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Fee)) {
      return false;
    }
    Fee f = (Fee) o;
    return f.amount.equals(amount) && f.gasLimit == gasLimit && f.payer.equals(payer) && f.granter.equals(granter);
  }

  @Override
  public int hashCode() {
    return amount.hashCode() * 31 + Long.hashCode(gasLimit);
  }

  @Override
  public String toString() {
    return "Fee{" + amount + ", gas=" + gasLimit + (payer.isEmpty() ? "" : ", payer=" + payer)
        + (granter.isEmpty() ? "" : ", granter=" + granter) + "}";
  }
}
