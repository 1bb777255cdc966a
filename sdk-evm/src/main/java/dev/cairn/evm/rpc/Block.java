package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A block ({@code eth_getBlockByNumber} / {@code eth_getBlockByHash}): its header, its
 * transactions (hashes only, or full objects when requested) and its uncles' hashes. Immutable.
 */
public final class Block {
  private final BlockHeader header;
  private final boolean fullTransactions;
  private final List<Hash32> transactionHashes;
  private final List<RpcTransaction> transactions;
  private final List<Hash32> uncles;

  private Block(BlockHeader header, boolean full, List<Hash32> hashes, List<RpcTransaction> txs, List<Hash32> uncles) {
    this.header = header;
    this.fullTransactions = full;
    this.transactionHashes = hashes;
    this.transactions = txs;
    this.uncles = uncles;
  }

  static Block read(JsonParser p, boolean full) throws IOException {
    Json.expectObject(p);
    BlockHeader h = new BlockHeader();
    List<Hash32> hashes = null;
    List<RpcTransaction> txs = Collections.emptyList();
    List<Hash32> uncles = Collections.emptyList();
    String f;
    while ((f = Json.nextField(p)) != null) {
      if (f.equals("transactions")) {
        if (full) {
          txs = Json.list(p, RpcTransaction::read);
          List<Hash32> hs = new ArrayList<>(txs.size());
          for (RpcTransaction t : txs) {
            hs.add(t.hash());
          }
          hashes = Collections.unmodifiableList(hs);
        } else {
          Json.expect(p, JsonToken.START_ARRAY, "an array of transaction hashes");
          List<Hash32> hs = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              throw Json.malformed(p, "unexpected end of input in array");
            }
            if (t == JsonToken.START_OBJECT) {
              throw Json.malformed(p, "expected a transaction hash, found a full transaction object");
            }
            hs.add(Hash32.wrap(Json.hash(p)));
          }
          hashes = Collections.unmodifiableList(hs);
        }
      } else if (f.equals("uncles")) {
        uncles = Json.list(p, q -> Hash32.wrap(Json.hash(q)));
      } else if (!h.readField(f, p)) {
        Json.skip(p);
      }
    }
    h.check(p);
    if (hashes == null) {
      throw Json.missing(p, "transactions");
    }
    return new Block(h, full, hashes, txs, uncles);
  }

  /** The header. */
  public BlockHeader header() {
    return header;
  }

  /** Shortcut for {@code header().numberOrMinusOne()}. */
  public long number() {
    return header.numberOrMinusOne();
  }

  /** Whether full transaction objects were requested and are in {@link #transactions()}. */
  public boolean hasFullTransactions() {
    return fullTransactions;
  }

  /** The hashes of the block's transactions, in order (always available). */
  public List<Hash32> transactionHashes() {
    return transactionHashes;
  }

  /** The full transactions, in order; empty unless {@link #hasFullTransactions()}. */
  public List<RpcTransaction> transactions() {
    return transactions;
  }

  /** The uncles' hashes. */
  public List<Hash32> uncles() {
    return uncles;
  }

  @Override
  public String toString() {
    return "Block{number=" + header.number().orElse(null) + ", hash=" + header.hash().orElse(null)
        + ", transactions=" + transactionHashes.size() + "}";
  }
}
