package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** A transaction receipt ({@code eth_getTransactionReceipt}). Immutable. */
public final class Receipt {
  private final Hash32 transactionHash;
  private final int transactionIndex;
  private final Hash32 blockHash;
  private final long blockNumber;
  private final Address from;
  private final Address to;
  private final long cumulativeGasUsed;
  private final long gasUsed;
  private final BigInteger effectiveGasPrice;
  private final Address contractAddress;
  private final List<Log> logs;
  private final byte[] logsBloom;
  private final int type;
  private final int status;
  private final Hash32 root;
  private final Long blobGasUsed;
  private final BigInteger blobGasPrice;

  private Receipt(Hash32 transactionHash, int transactionIndex, Hash32 blockHash, long blockNumber, Address from,
      Address to, long cumulativeGasUsed, long gasUsed, BigInteger effectiveGasPrice, Address contractAddress,
      List<Log> logs, byte[] logsBloom, int type, int status, Hash32 root, Long blobGasUsed, BigInteger blobGasPrice) {
    this.transactionHash = transactionHash;
    this.transactionIndex = transactionIndex;
    this.blockHash = blockHash;
    this.blockNumber = blockNumber;
    this.from = from;
    this.to = to;
    this.cumulativeGasUsed = cumulativeGasUsed;
    this.gasUsed = gasUsed;
    this.effectiveGasPrice = effectiveGasPrice;
    this.contractAddress = contractAddress;
    this.logs = logs;
    this.logsBloom = logsBloom;
    this.type = type;
    this.status = status;
    this.root = root;
    this.blobGasUsed = blobGasUsed;
    this.blobGasPrice = blobGasPrice;
  }

  static Receipt read(JsonParser p) throws IOException {
    Json.expectObject(p);
    Hash32 txHash = null;
    Integer txIndex = null;
    Hash32 blockHash = null;
    Long blockNumber = null;
    Address from = null;
    Address to = null;
    Long cumulative = null;
    Long gasUsed = null;
    BigInteger egp = null;
    Address contract = null;
    List<Log> logs = null;
    byte[] bloom = null;
    int type = 0;
    int status = -1;
    Hash32 root = null;
    Long blobGasUsed = null;
    BigInteger blobGasPrice = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "transactionHash": txHash = Hash32.wrap(Json.hash(p)); break;
        case "transactionIndex": txIndex = Json.quantityInt(p); break;
        case "blockHash": blockHash = Hash32.wrap(Json.hash(p)); break;
        case "blockNumber": blockNumber = Json.quantityLong(p); break;
        case "from": from = Json.address(p); break;
        case "to": to = Json.addressOrNull(p); break;
        case "cumulativeGasUsed": cumulative = Json.quantityLong(p); break;
        case "gasUsed": gasUsed = Json.quantityLong(p); break;
        case "effectiveGasPrice": egp = Json.quantityOrNull(p); break;
        case "contractAddress": contract = Json.addressOrNull(p); break;
        case "logs": logs = Json.list(p, Log::read); break;
        case "logsBloom": bloom = Json.fixedData(p, 256); break;
        case "type": type = Json.quantityInt(p); break;
        case "status": {
          status = Json.quantityInt(p);
          if (status > 1) {
            throw Json.malformed(p, "status must be 0x0 or 0x1");
          }
          break;
        }
        case "root": root = Log.wrapOrNull(Json.hashOrNull(p)); break;
        case "blobGasUsed": blobGasUsed = Json.quantityLongOrNull(p); break;
        case "blobGasPrice": blobGasPrice = Json.quantityOrNull(p); break;
        default: Json.skip(p);
      }
    }
    if (txHash == null) {
      throw Json.missing(p, "transactionHash");
    }
    if (txIndex == null) {
      throw Json.missing(p, "transactionIndex");
    }
    if (blockHash == null) {
      throw Json.missing(p, "blockHash");
    }
    if (blockNumber == null) {
      throw Json.missing(p, "blockNumber");
    }
    if (from == null) {
      throw Json.missing(p, "from");
    }
    if (cumulative == null) {
      throw Json.missing(p, "cumulativeGasUsed");
    }
    if (gasUsed == null) {
      throw Json.missing(p, "gasUsed");
    }
    if (logs == null) {
      throw Json.missing(p, "logs");
    }
    if (status < 0 && root == null) {
      throw Json.missing(p, "status");
    }
    return new Receipt(txHash, txIndex, blockHash, blockNumber, from, to, cumulative, gasUsed, egp, contract, logs,
        bloom, type, status, root, blobGasUsed, blobGasPrice);
  }

  /** The transaction hash. */
  public Hash32 transactionHash() {
    return transactionHash;
  }

  /** The transaction's index in the block. */
  public int transactionIndex() {
    return transactionIndex;
  }

  /** The including block's hash. */
  public Hash32 blockHash() {
    return blockHash;
  }

  /** The including block's number. */
  public long blockNumber() {
    return blockNumber;
  }

  /** The sender. */
  public Address from() {
    return from;
  }

  /** The recipient; empty for contract creation. */
  public Optional<Address> to() {
    return Optional.ofNullable(to);
  }

  /** Gas used by this and all earlier transactions of the block. */
  public long cumulativeGasUsed() {
    return cumulativeGasUsed;
  }

  /** Gas used by this transaction. */
  public long gasUsed() {
    return gasUsed;
  }

  /** The price per gas actually paid (base fee + tip), in wei; empty on pre-London nodes that omit it. */
  public Optional<BigInteger> effectiveGasPrice() {
    return Optional.ofNullable(effectiveGasPrice);
  }

  /** The created contract's address, for contract creations. */
  public Optional<Address> contractAddress() {
    return Optional.ofNullable(contractAddress);
  }

  /** The logs emitted. */
  public List<Log> logs() {
    return logs;
  }

  /** A copy of the 256-byte logs bloom, or an empty array if the node omitted it. */
  public byte[] logsBloom() {
    return logsBloom == null ? new byte[0] : logsBloom.clone();
  }

  /** The transaction type (0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844, 4 EIP-7702). */
  public int type() {
    return type;
  }

  /** 1 for success, 0 for failure, -1 for pre-Byzantium receipts (which carry {@link #root()} instead). */
  public int status() {
    return status;
  }

  /** Whether the transaction succeeded (status 1). */
  public boolean isSuccess() {
    return status == 1;
  }

  /** The post-state root of pre-Byzantium receipts. */
  public Optional<Hash32> root() {
    return Optional.ofNullable(root);
  }

  /** Blob gas used (EIP-4844 transactions). */
  public Optional<Long> blobGasUsed() {
    return Optional.ofNullable(blobGasUsed);
  }

  /** Blob gas price (EIP-4844 transactions). */
  public Optional<BigInteger> blobGasPrice() {
    return Optional.ofNullable(blobGasPrice);
  }

  @Override
  public String toString() {
    return "Receipt{tx=" + transactionHash + ", block=" + blockNumber + ", status=" + status + ", gasUsed=" + gasUsed
        + ", logs=" + logs.size() + (contractAddress == null ? "" : ", contract=" + contractAddress) + "}";
  }
}
