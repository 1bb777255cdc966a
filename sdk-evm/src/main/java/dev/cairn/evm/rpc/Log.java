package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import dev.cairn.transport.ResultReader;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event log, as returned by {@code eth_getLogs}, in receipts and by {@code logs}
 * subscriptions. Block and transaction fields are empty for pending logs. Immutable.
 */
public final class Log {
  private final Address address;
  private final List<Hash32> topics;
  private final byte[] data;
  private final Long blockNumber;
  private final Hash32 blockHash;
  private final Hash32 transactionHash;
  private final Integer transactionIndex;
  private final Integer logIndex;
  private final boolean removed;

  private Log(Address address, List<Hash32> topics, byte[] data, Long blockNumber, Hash32 blockHash,
      Hash32 transactionHash, Integer transactionIndex, Integer logIndex, boolean removed) {
    this.address = address;
    this.topics = topics;
    this.data = data;
    this.blockNumber = blockNumber;
    this.blockHash = blockHash;
    this.transactionHash = transactionHash;
    this.transactionIndex = transactionIndex;
    this.logIndex = logIndex;
    this.removed = removed;
  }

  /** A reader of this type's JSON form (for {@link EvmRpcClient#call} and subscriptions). */
  public static ResultReader<Log> reader() {
    return Log::read;
  }

  static Log read(JsonParser p) throws IOException {
    Json.expectObject(p);
    Address address = null;
    List<Hash32> topics = null;
    byte[] data = null;
    Long blockNumber = null;
    Hash32 blockHash = null;
    Hash32 txHash = null;
    Integer txIndex = null;
    Integer logIndex = null;
    boolean removed = false;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "address": address = Json.address(p); break;
        case "topics": topics = Json.list(p, q -> Hash32.wrap(Json.hash(q))); break;
        case "data": data = Json.data(p); break;
        case "blockNumber": blockNumber = Json.quantityLongOrNull(p); break;
        case "blockHash": blockHash = wrapOrNull(Json.hashOrNull(p)); break;
        case "transactionHash": txHash = wrapOrNull(Json.hashOrNull(p)); break;
        case "transactionIndex": txIndex = Json.isNull(p) ? null : Json.quantityInt(p); break;
        case "logIndex": logIndex = Json.isNull(p) ? null : Json.quantityInt(p); break;
        case "removed": removed = Json.bool(p); break;
        default: Json.skip(p);
      }
    }
    if (address == null) {
      throw Json.missing(p, "address");
    }
    if (topics == null) {
      throw Json.missing(p, "topics");
    }
    if (data == null) {
      throw Json.missing(p, "data");
    }
    if (topics.size() > 4) {
      throw Json.malformed(p, "a log has at most 4 topics, found " + topics.size());
    }
    return new Log(address, topics, data, blockNumber, blockHash, txHash, txIndex, logIndex, removed);
  }

  static Hash32 wrapOrNull(byte[] b) {
    return b == null ? null : Hash32.wrap(b);
  }

  /** The emitting contract. */
  public Address address() {
    return address;
  }

  /** The topics (0 to 4; topic 0 is the event signature hash for non-anonymous events). */
  public List<Hash32> topics() {
    return topics;
  }

  /** A copy of the non-indexed data. */
  public byte[] data() {
    return data.clone();
  }

  /** The block number; empty for pending logs. */
  public Optional<Long> blockNumber() {
    return Optional.ofNullable(blockNumber);
  }

  /** The block hash; empty for pending logs. */
  public Optional<Hash32> blockHash() {
    return Optional.ofNullable(blockHash);
  }

  /** The transaction hash; empty for pending logs. */
  public Optional<Hash32> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }

  /** The transaction's index in the block; empty for pending logs. */
  public Optional<Integer> transactionIndex() {
    return Optional.ofNullable(transactionIndex);
  }

  /** The log's index in the block; empty for pending logs. */
  public Optional<Integer> logIndex() {
    return Optional.ofNullable(logIndex);
  }

  /** Whether the log was removed by a reorg (subscriptions and filters only). */
  public boolean removed() {
    return removed;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Log)) {
      return false;
    }
    Log l = (Log) o;
    return removed == l.removed && address.equals(l.address) && topics.equals(l.topics) && Arrays.equals(data, l.data)
        && Objects.equals(blockNumber, l.blockNumber) && Objects.equals(blockHash, l.blockHash)
        && Objects.equals(transactionHash, l.transactionHash) && Objects.equals(transactionIndex, l.transactionIndex)
        && Objects.equals(logIndex, l.logIndex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, topics, blockHash, transactionHash, logIndex, removed) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Log{" + address + ", block=" + blockNumber + ", tx=" + transactionHash + ", index=" + logIndex
        + ", topics=" + topics.size() + ", data=" + data.length + " bytes" + (removed ? ", removed" : "") + "}";
  }
}
