package dev.cairn.cosmos.rpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** CometBFT {@code block}: the block id, header fields and the raw transactions. Immutable. */
public final class BlockInfo {
  private final String hash;
  private final String chainId;
  private final long height;
  private final String time;
  private final String appHash;
  private final String proposerAddress;
  private final List<byte[]> txs;

  private BlockInfo(String hash, String chainId, long height, String time, String appHash, String proposerAddress,
      List<byte[]> txs) {
    this.hash = hash;
    this.chainId = chainId;
    this.height = height;
    this.time = time;
    this.appHash = appHash;
    this.proposerAddress = proposerAddress;
    this.txs = txs;
  }

  /** A block. */
  public static BlockInfo of(String hash, String chainId, long height, String time, String appHash,
      String proposerAddress, List<byte[]> txs) {
    List<byte[]> copy = new ArrayList<>(txs.size());
    for (byte[] t : txs) {
      copy.add(t.clone());
    }
    return new BlockInfo(Objects.requireNonNull(hash, "hash"), Objects.requireNonNull(chainId, "chainId"), height,
        time == null ? "" : time, appHash == null ? "" : appHash, proposerAddress == null ? "" : proposerAddress,
        Collections.unmodifiableList(copy));
  }

  /** {@code block_id.hash}, upper-case hex. */
  public String hash() {
    return hash;
  }

  /** {@code header.chain_id}. */
  public String chainId() {
    return chainId;
  }

  /** {@code header.height}. */
  public long height() {
    return height;
  }

  /** {@code header.time} as rendered (RFC 3339). */
  public String time() {
    return time;
  }

  /** {@code header.app_hash}, upper-case hex. */
  public String appHash() {
    return appHash;
  }

  /** {@code header.proposer_address}, upper-case hex. */
  public String proposerAddress() {
    return proposerAddress;
  }

  /** How many transactions the block holds. */
  public int txCount() {
    return txs.size();
  }

  /** Transaction {@code i}'s bytes (a {@code TxRaw}), a copy. */
  public byte[] tx(int i) {
    return txs.get(i).clone();
  }

  @Override
  public String toString() {
    return "BlockInfo{" + chainId + " @" + height + ", " + txs.size() + " txs}";
  }
}
