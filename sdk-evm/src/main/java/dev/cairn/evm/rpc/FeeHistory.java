package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;

/**
 * {@code eth_feeHistory}: for {@code n} blocks starting at {@link #oldestBlock()}, the base fee
 * (n + 1 values: the last is the next block's), the gas used ratio, and the requested reward
 * percentiles of each block's effective priority fees. Immutable.
 */
public final class FeeHistory {
  private final long oldestBlock;
  private final List<BigInteger> baseFeePerGas;
  private final List<Double> gasUsedRatio;
  private final List<List<BigInteger>> reward;
  private final List<BigInteger> baseFeePerBlobGas;
  private final List<Double> blobGasUsedRatio;

  private FeeHistory(long oldestBlock, List<BigInteger> baseFeePerGas, List<Double> gasUsedRatio,
      List<List<BigInteger>> reward, List<BigInteger> baseFeePerBlobGas, List<Double> blobGasUsedRatio) {
    this.oldestBlock = oldestBlock;
    this.baseFeePerGas = baseFeePerGas;
    this.gasUsedRatio = gasUsedRatio;
    this.reward = reward;
    this.baseFeePerBlobGas = baseFeePerBlobGas;
    this.blobGasUsedRatio = blobGasUsedRatio;
  }

  static FeeHistory read(JsonParser p) throws IOException {
    Json.expectObject(p);
    Long oldest = null;
    List<BigInteger> base = null;
    List<Double> ratio = null;
    List<List<BigInteger>> reward = Collections.emptyList();
    List<BigInteger> blobBase = Collections.emptyList();
    List<Double> blobRatio = Collections.emptyList();
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "oldestBlock": oldest = Json.quantityLong(p); break;
        case "baseFeePerGas": base = Json.list(p, Json::quantity); break;
        case "gasUsedRatio": ratio = Json.list(p, Json::number); break;
        case "reward": reward = Json.isNull(p) ? Collections.emptyList() : Json.list(p, q -> Json.list(q, Json::quantity)); break;
        case "baseFeePerBlobGas": blobBase = Json.isNull(p) ? Collections.emptyList() : Json.list(p, Json::quantity); break;
        case "blobGasUsedRatio": blobRatio = Json.isNull(p) ? Collections.emptyList() : Json.list(p, Json::number); break;
        default: Json.skip(p);
      }
    }
    if (oldest == null) {
      throw Json.missing(p, "oldestBlock");
    }
    if (base == null) {
      throw Json.missing(p, "baseFeePerGas");
    }
    if (ratio == null) {
      throw Json.missing(p, "gasUsedRatio");
    }
    return new FeeHistory(oldest, base, ratio, reward, blobBase, blobRatio);
  }

  /** The first block covered. */
  public long oldestBlock() {
    return oldestBlock;
  }

  /** Base fee per gas of each block, plus the next block's as the last element. */
  public List<BigInteger> baseFeePerGas() {
    return baseFeePerGas;
  }

  /** The next block's base fee (last element of {@link #baseFeePerGas()}), or 0 if none reported. */
  public BigInteger nextBaseFeePerGas() {
    return baseFeePerGas.isEmpty() ? BigInteger.ZERO : baseFeePerGas.get(baseFeePerGas.size() - 1);
  }

  /** Gas used / gas limit of each block. */
  public List<Double> gasUsedRatio() {
    return gasUsedRatio;
  }

  /** Per block, the priority fee at each requested percentile; empty when none were requested. */
  public List<List<BigInteger>> reward() {
    return reward;
  }

  /** Base fee per blob gas (Cancun and later); may be empty. */
  public List<BigInteger> baseFeePerBlobGas() {
    return baseFeePerBlobGas;
  }

  /** Blob gas used ratio (Cancun and later); may be empty. */
  public List<Double> blobGasUsedRatio() {
    return blobGasUsedRatio;
  }

  @Override
  public String toString() {
    return "FeeHistory{oldest=" + oldestBlock + ", blocks=" + gasUsedRatio.size() + ", nextBaseFee=" + nextBaseFeePerGas() + "}";
  }
}
