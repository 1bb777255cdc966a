package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The filter of {@code eth_getLogs} and {@code logs} subscriptions: addresses (any of), topics
 * by position ({@code null} = any; several = any of them), and either a block range or a single
 * block hash. Immutable; build with {@link #builder()}.
 */
public final class LogFilter {
  private final List<Address> addresses;
  private final List<List<Hash32>> topics;
  private final BlockId fromBlock;
  private final BlockId toBlock;
  private final Hash32 blockHash;

  private LogFilter(Builder b) {
    this.addresses = Collections.unmodifiableList(new ArrayList<>(b.addresses));
    List<List<Hash32>> t = new ArrayList<>();
    for (List<Hash32> pos : b.topics) {
      t.add(pos == null ? null : Collections.unmodifiableList(new ArrayList<>(pos)));
    }
    this.topics = Collections.unmodifiableList(t);
    this.fromBlock = b.fromBlock;
    this.toBlock = b.toBlock;
    this.blockHash = b.blockHash;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The addresses (empty = any). */
  public List<Address> addresses() {
    return addresses;
  }

  /** Topics by position; a {@code null} position matches anything. */
  public List<List<Hash32>> topics() {
    return topics;
  }

  /** The first block, or {@code null}. */
  public BlockId fromBlock() {
    return fromBlock;
  }

  /** The last block, or {@code null}. */
  public BlockId toBlock() {
    return toBlock;
  }

  /** The single block hash, or {@code null}. */
  public Hash32 blockHash() {
    return blockHash;
  }

  /** This filter over blocks {@code from..to} (numbers, inclusive), without a block hash. */
  public LogFilter withRange(long from, long to) {
    Builder b = toBuilder();
    b.blockHash = null;
    return b.fromBlock(BlockId.number(from)).toBlock(BlockId.number(to)).build();
  }

  /** A builder with this filter's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.addresses.addAll(addresses);
    b.topics.addAll(topics);
    b.fromBlock = fromBlock;
    b.toBlock = toBlock;
    b.blockHash = blockHash;
    return b;
  }

  /**
   * Writes the filter as a JSON object; {@code withRange} false omits the block range and hash
   * (as {@code logs} subscriptions expect).
   */
  public void write(JsonGenerator g, boolean withRange) throws IOException {
    g.writeStartObject();
    if (addresses.size() == 1) {
      g.writeFieldName("address");
      Json.writeAddress(g, addresses.get(0));
    } else if (!addresses.isEmpty()) {
      g.writeArrayFieldStart("address");
      for (Address a : addresses) {
        Json.writeAddress(g, a);
      }
      g.writeEndArray();
    }
    if (!topics.isEmpty()) {
      g.writeArrayFieldStart("topics");
      for (List<Hash32> pos : topics) {
        if (pos == null) {
          g.writeNull();
        } else if (pos.size() == 1) {
          g.writeString(pos.get(0).toHex());
        } else {
          g.writeStartArray();
          for (Hash32 h : pos) {
            g.writeString(h.toHex());
          }
          g.writeEndArray();
        }
      }
      g.writeEndArray();
    }
    if (withRange) {
      if (blockHash != null) {
        g.writeStringField("blockHash", blockHash.toHex());
      } else {
        if (fromBlock != null) {
          g.writeFieldName("fromBlock");
          fromBlock.writeTagOrNumber(g);
        }
        if (toBlock != null) {
          g.writeFieldName("toBlock");
          toBlock.writeTagOrNumber(g);
        }
      }
    }
    g.writeEndObject();
  }

  /** Builds a {@link LogFilter}. Not thread-safe. */
  public static final class Builder {
    private final List<Address> addresses = new ArrayList<>();
    private final List<List<Hash32>> topics = new ArrayList<>();
    private BlockId fromBlock;
    private BlockId toBlock;
    private Hash32 blockHash;

    private Builder() {}

    /** Adds emitting contracts (any of them matches). */
    public Builder address(Address... addresses) {
      this.addresses.addAll(Arrays.asList(addresses));
      return this;
    }

    /**
     * Sets the topic at {@code position} (0 to 3): no hashes or {@code null} means any; several
     * mean any of them.
     */
    public Builder topic(int position, Hash32... anyOf) {
      if (position < 0 || position > 3) {
        throw new IllegalArgumentException("topic position must be 0..3: " + position);
      }
      while (topics.size() <= position) {
        topics.add(null);
      }
      topics.set(position, anyOf == null || anyOf.length == 0 ? null : Arrays.asList(anyOf.clone()));
      return this;
    }

    /** The first block (number or tag; not a hash). */
    public Builder fromBlock(BlockId from) {
      if (from != null && from.isHash()) {
        throw new IllegalArgumentException("fromBlock cannot be a hash; use blockHash");
      }
      this.fromBlock = from;
      return this;
    }

    /** The last block (number or tag; not a hash). */
    public Builder toBlock(BlockId to) {
      if (to != null && to.isHash()) {
        throw new IllegalArgumentException("toBlock cannot be a hash; use blockHash");
      }
      this.toBlock = to;
      return this;
    }

    /** A single block by hash (EIP-234); excludes a range. */
    public Builder blockHash(Hash32 hash) {
      this.blockHash = hash;
      return this;
    }

    /** The filter. */
    public LogFilter build() {
      if (blockHash != null && (fromBlock != null || toBlock != null)) {
        throw new IllegalArgumentException("a log filter takes either blockHash or fromBlock/toBlock");
      }
      return new LogFilter(this);
    }
  }
}
