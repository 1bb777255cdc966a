package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.transport.ResultReader;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A block header as a node reports it: enough for reorg checks (number, hash, parent hash) and
 * state proofs (state root), plus the fee-market fields. Also what {@code newHeads}
 * subscriptions deliver. Fields of later forks are empty on chains without them. Immutable.
 */
public final class BlockHeader {
  private Long number;
  private Hash32 hash;
  private Hash32 parentHash;
  private byte[] nonce;
  private Hash32 sha3Uncles;
  private byte[] logsBloom;
  private Hash32 transactionsRoot;
  private Hash32 stateRoot;
  private Hash32 receiptsRoot;
  private Address miner;
  private BigInteger difficulty;
  private BigInteger totalDifficulty;
  private byte[] extraData;
  private Long size;
  private Long gasLimit;
  private Long gasUsed;
  private Long timestamp;
  private Hash32 mixHash;
  private BigInteger baseFeePerGas;
  private Hash32 withdrawalsRoot;
  private Long blobGasUsed;
  private Long excessBlobGas;
  private Hash32 parentBeaconBlockRoot;
  private Hash32 requestsHash;

  BlockHeader() {}

  /** A reader of this type's JSON form (for {@link EvmRpcClient#call} and subscriptions). */
  public static ResultReader<BlockHeader> reader() {
    return BlockHeader::read;
  }

  /** Reads a header-only object ({@code newHeads}). */
  static BlockHeader read(JsonParser p) throws IOException {
    Json.expectObject(p);
    BlockHeader h = new BlockHeader();
    String f;
    while ((f = Json.nextField(p)) != null) {
      if (!h.readField(f, p)) {
        Json.skip(p);
      }
    }
    h.check(p);
    return h;
  }

  /** Reads field {@code f} if it is a header field; returns false otherwise. */
  boolean readField(String f, JsonParser p) throws IOException {
    switch (f) {
      case "number": number = Json.quantityLongOrNull(p); return true;
      case "hash": hash = Log.wrapOrNull(Json.hashOrNull(p)); return true;
      case "parentHash": parentHash = Hash32.wrap(Json.hash(p)); return true;
      case "nonce": nonce = Json.isNull(p) ? null : Json.fixedData(p, 8); return true;
      case "sha3Uncles": sha3Uncles = Hash32.wrap(Json.hash(p)); return true;
      case "logsBloom": logsBloom = Json.isNull(p) ? null : Json.fixedData(p, 256); return true;
      case "transactionsRoot": transactionsRoot = Hash32.wrap(Json.hash(p)); return true;
      case "stateRoot": stateRoot = Hash32.wrap(Json.hash(p)); return true;
      case "receiptsRoot": receiptsRoot = Hash32.wrap(Json.hash(p)); return true;
      case "miner": miner = Json.addressOrNull(p); return true;
      case "difficulty": difficulty = Json.quantityOrNull(p); return true;
      case "totalDifficulty": totalDifficulty = Json.quantityOrNull(p); return true;
      case "extraData": extraData = Json.data(p); return true;
      case "size": size = Json.quantityLongOrNull(p); return true;
      case "gasLimit": gasLimit = Json.quantityLong(p); return true;
      case "gasUsed": gasUsed = Json.quantityLong(p); return true;
      case "timestamp": timestamp = Json.quantityLong(p); return true;
      case "mixHash": mixHash = Log.wrapOrNull(Json.hashOrNull(p)); return true;
      case "baseFeePerGas": baseFeePerGas = Json.quantityOrNull(p); return true;
      case "withdrawalsRoot": withdrawalsRoot = Log.wrapOrNull(Json.hashOrNull(p)); return true;
      case "blobGasUsed": blobGasUsed = Json.quantityLongOrNull(p); return true;
      case "excessBlobGas": excessBlobGas = Json.quantityLongOrNull(p); return true;
      case "parentBeaconBlockRoot": parentBeaconBlockRoot = Log.wrapOrNull(Json.hashOrNull(p)); return true;
      case "requestsHash": requestsHash = Log.wrapOrNull(Json.hashOrNull(p)); return true;
      default: return false;
    }
  }

  /** Checks required fields once the object is closed. */
  void check(JsonParser p) {
    if (parentHash == null) {
      throw Json.missing(p, "parentHash");
    }
    if (stateRoot == null) {
      throw Json.missing(p, "stateRoot");
    }
    if (transactionsRoot == null) {
      throw Json.missing(p, "transactionsRoot");
    }
    if (receiptsRoot == null) {
      throw Json.missing(p, "receiptsRoot");
    }
    if (gasLimit == null) {
      throw Json.missing(p, "gasLimit");
    }
    if (gasUsed == null) {
      throw Json.missing(p, "gasUsed");
    }
    if (timestamp == null) {
      throw Json.missing(p, "timestamp");
    }
  }

  /** The block number; empty only for the pending block. */
  public Optional<Long> number() {
    return Optional.ofNullable(number);
  }

  /** The block number, or -1 for the pending block (convenience for reorg loops). */
  public long numberOrMinusOne() {
    return number == null ? -1 : number;
  }

  /** The block hash; empty only for the pending block. */
  public Optional<Hash32> hash() {
    return Optional.ofNullable(hash);
  }

  /** The parent block's hash. */
  public Hash32 parentHash() {
    return parentHash;
  }

  /** A copy of the 8-byte proof-of-work nonce, if reported. */
  public Optional<byte[]> nonce() {
    return nonce == null ? Optional.empty() : Optional.of(nonce.clone());
  }

  /** The ommers hash, if reported. */
  public Optional<Hash32> sha3Uncles() {
    return Optional.ofNullable(sha3Uncles);
  }

  /** A copy of the 256-byte logs bloom, if reported. */
  public Optional<byte[]> logsBloom() {
    return logsBloom == null ? Optional.empty() : Optional.of(logsBloom.clone());
  }

  /** The transactions trie root. */
  public Hash32 transactionsRoot() {
    return transactionsRoot;
  }

  /** The state trie root (the anchor of {@code eth_getProof} proofs). */
  public Hash32 stateRoot() {
    return stateRoot;
  }

  /** The receipts trie root. */
  public Hash32 receiptsRoot() {
    return receiptsRoot;
  }

  /** The fee recipient. */
  public Optional<Address> miner() {
    return Optional.ofNullable(miner);
  }

  /** The difficulty (0 after the merge). */
  public Optional<BigInteger> difficulty() {
    return Optional.ofNullable(difficulty);
  }

  /** The total difficulty, on nodes that still report it. */
  public Optional<BigInteger> totalDifficulty() {
    return Optional.ofNullable(totalDifficulty);
  }

  /** A copy of the extra data (empty if not reported). */
  public byte[] extraData() {
    return extraData == null ? new byte[0] : extraData.clone();
  }

  /** The block size in bytes, if reported. */
  public Optional<Long> size() {
    return Optional.ofNullable(size);
  }

  /** The gas limit. */
  public long gasLimit() {
    return gasLimit;
  }

  /** The gas used. */
  public long gasUsed() {
    return gasUsed;
  }

  /** The timestamp in seconds since the epoch. */
  public long timestamp() {
    return timestamp;
  }

  /** The mix hash / prevRandao, if reported. */
  public Optional<Hash32> mixHash() {
    return Optional.ofNullable(mixHash);
  }

  /** The EIP-1559 base fee per gas (London and later). */
  public Optional<BigInteger> baseFeePerGas() {
    return Optional.ofNullable(baseFeePerGas);
  }

  /** The withdrawals root (Shanghai and later). */
  public Optional<Hash32> withdrawalsRoot() {
    return Optional.ofNullable(withdrawalsRoot);
  }

  /** Blob gas used (Cancun and later). */
  public Optional<Long> blobGasUsed() {
    return Optional.ofNullable(blobGasUsed);
  }

  /** Excess blob gas (Cancun and later). */
  public Optional<Long> excessBlobGas() {
    return Optional.ofNullable(excessBlobGas);
  }

  /** The parent beacon block root (Cancun and later). */
  public Optional<Hash32> parentBeaconBlockRoot() {
    return Optional.ofNullable(parentBeaconBlockRoot);
  }

  /** The EIP-7685 requests hash (Prague and later). */
  public Optional<Hash32> requestsHash() {
    return Optional.ofNullable(requestsHash);
  }

  @Override
  public String toString() {
    return "BlockHeader{number=" + number + ", hash=" + hash + ", parent=" + parentHash + "}";
  }
}
