package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A block ({@code eth_getBlockByNumber} / {@code eth_getBlockByHash}): its header, its
 * transactions (hashes only, or full objects when requested), its uncles' hashes and, from
 * Shanghai on, its validator withdrawals. The header fields of later forks (withdrawals root,
 * blob gas, parent beacon block root, requests hash) are in {@link #header()}. Immutable.
 */
public final class Block {
  private final BlockHeader header;
  private final boolean fullTransactions;
  private final List<Hash32> transactionHashes;
  private final List<RpcTransaction> transactions;
  private final List<Hash32> uncles;
  private final List<Withdrawal> withdrawals;

  private Block(BlockHeader header, boolean full, List<Hash32> hashes, List<RpcTransaction> txs, List<Hash32> uncles,
      List<Withdrawal> withdrawals) {
    this.header = header;
    this.fullTransactions = full;
    this.transactionHashes = hashes;
    this.transactions = txs;
    this.uncles = uncles;
    this.withdrawals = withdrawals;
  }

  static Block read(JsonParser p, boolean full) throws IOException {
    Json.expectObject(p);
    BlockHeader h = new BlockHeader();
    List<Hash32> hashes = null;
    List<RpcTransaction> txs = Collections.emptyList();
    List<Hash32> uncles = Collections.emptyList();
    List<Withdrawal> withdrawals = null;
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
      } else if (f.equals("withdrawals")) {
        withdrawals = Json.isNull(p) ? null : Json.list(p, Withdrawal::read);
      } else if (!h.readField(f, p)) {
        Json.skip(p);
      }
    }
    h.check(p);
    if (hashes == null) {
      throw Json.missing(p, "transactions");
    }
    return new Block(h, full, hashes, txs, uncles, withdrawals);
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

  /**
   * The validator withdrawals (EIP-4895), in order: present (possibly empty) on Shanghai and later
   * blocks, empty on older blocks and nodes that omit the field.
   */
  public Optional<List<Withdrawal>> withdrawals() {
    return Optional.ofNullable(withdrawals);
  }

  @Override
  public String toString() {
    return "Block{number=" + header.number().orElse(null) + ", hash=" + header.hash().orElse(null)
        + ", transactions=" + transactionHashes.size() + "}";
  }
}
