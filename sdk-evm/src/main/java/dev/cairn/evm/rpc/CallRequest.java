package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The transaction object of {@code eth_call} and {@code eth_estimateGas}. Every field is optional
 * except what the node needs ({@code to} for calls to a contract). Immutable; build with {@link
 * #builder()} or {@link #call(Address, byte[])}.
 */
public final class CallRequest {
  private final Address from;
  private final Address to;
  private final Long gas;
  private final BigInteger gasPrice;
  private final BigInteger maxFeePerGas;
  private final BigInteger maxPriorityFeePerGas;
  private final BigInteger value;
  private final byte[] data;
  private final Long nonce;

  private CallRequest(Builder b) {
    this.from = b.from;
    this.to = b.to;
    this.gas = b.gas;
    this.gasPrice = b.gasPrice;
    this.maxFeePerGas = b.maxFeePerGas;
    this.maxPriorityFeePerGas = b.maxPriorityFeePerGas;
    this.value = b.value;
    this.data = b.data;
    this.nonce = b.nonce;
  }

  /** A call of {@code to} with {@code data} (e.g. {@code Function.encodeCall(...)}). */
  public static CallRequest call(Address to, byte[] data) {
    return builder().to(to).data(data).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (from != null) {
      g.writeFieldName("from");
      Json.writeAddress(g, from);
    }
    if (to != null) {
      g.writeFieldName("to");
      Json.writeAddress(g, to);
    }
    if (gas != null) {
      g.writeFieldName("gas");
      Json.writeQuantity(g, gas);
    }
    if (gasPrice != null) {
      g.writeFieldName("gasPrice");
      Json.writeQuantity(g, gasPrice);
    }
    if (maxFeePerGas != null) {
      g.writeFieldName("maxFeePerGas");
      Json.writeQuantity(g, maxFeePerGas);
    }
    if (maxPriorityFeePerGas != null) {
      g.writeFieldName("maxPriorityFeePerGas");
      Json.writeQuantity(g, maxPriorityFeePerGas);
    }
    if (value != null) {
      g.writeFieldName("value");
      Json.writeQuantity(g, value);
    }
    if (data != null) {
      g.writeFieldName("input");
      Json.writeData(g, data);
    }
    if (nonce != null) {
      g.writeFieldName("nonce");
      Json.writeQuantity(g, nonce);
    }
    g.writeEndObject();
  }

  /** Builds a {@link CallRequest}. Not thread-safe. */
  public static final class Builder {
    private Address from;
    private Address to;
    private Long gas;
    private BigInteger gasPrice;
    private BigInteger maxFeePerGas;
    private BigInteger maxPriorityFeePerGas;
    private BigInteger value;
    private byte[] data;
    private Long nonce;

    private Builder() {}

    /** The sender. */
    public Builder from(Address from) {
      this.from = from;
      return this;
    }

    /** The recipient; leave unset for contract creation. */
    public Builder to(Address to) {
      this.to = to;
      return this;
    }

    /** The gas limit. */
    public Builder gas(long gas) {
      if (gas < 0) {
        throw new IllegalArgumentException("gas is negative");
      }
      this.gas = gas;
      return this;
    }

    /** The legacy gas price in wei. */
    public Builder gasPrice(BigInteger gasPrice) {
      this.gasPrice = nonNegative(gasPrice, "gasPrice");
      return this;
    }

    /** EIP-1559 max fee per gas in wei. */
    public Builder maxFeePerGas(BigInteger v) {
      this.maxFeePerGas = nonNegative(v, "maxFeePerGas");
      return this;
    }

    /** EIP-1559 max priority fee per gas in wei. */
    public Builder maxPriorityFeePerGas(BigInteger v) {
      this.maxPriorityFeePerGas = nonNegative(v, "maxPriorityFeePerGas");
      return this;
    }

    /** The value in wei. */
    public Builder value(BigInteger value) {
      this.value = nonNegative(value, "value");
      return this;
    }

    /** Call data or init code (copied); sent as {@code input}. */
    public Builder data(byte[] data) {
      this.data = data == null ? null : data.clone();
      return this;
    }

    /** The nonce. */
    public Builder nonce(long nonce) {
      if (nonce < 0) {
        throw new IllegalArgumentException("nonce is negative");
      }
      this.nonce = nonce;
      return this;
    }

    /** The request. */
    public CallRequest build() {
      return new CallRequest(this);
    }

    private static BigInteger nonNegative(BigInteger v, String name) {
      if (v != null && v.signum() < 0) {
        throw new IllegalArgumentException(name + " is negative");
      }
      return v;
    }
  }
}
