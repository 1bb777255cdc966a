package dev.cairn.evm.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.util.Objects;

/**
 * Which block a state query refers to: a tag ({@code latest}, {@code pending}, {@code safe},
 * {@code finalized}, {@code earliest}), a number, or a hash (EIP-1898, optionally requiring the
 * block to be canonical). Immutable.
 */
public final class BlockId {
  /** The latest block. */
  public static final BlockId LATEST = new BlockId("latest", -1, null, false);
  /** The pending block. */
  public static final BlockId PENDING = new BlockId("pending", -1, null, false);
  /** The latest safe block. */
  public static final BlockId SAFE = new BlockId("safe", -1, null, false);
  /** The latest finalized block. */
  public static final BlockId FINALIZED = new BlockId("finalized", -1, null, false);
  /** The genesis block. */
  public static final BlockId EARLIEST = new BlockId("earliest", -1, null, false);

  private final String tag;
  private final long number;
  private final Hash32 hash;
  private final boolean requireCanonical;

  private BlockId(String tag, long number, Hash32 hash, boolean requireCanonical) {
    this.tag = tag;
    this.number = number;
    this.hash = hash;
    this.requireCanonical = requireCanonical;
  }

  /** The block with this number (at least 0). */
  public static BlockId number(long number) {
    if (number < 0) {
      throw new IllegalArgumentException("block number is negative: " + number);
    }
    return new BlockId(null, number, null, false);
  }

  /** The block with this hash (EIP-1898 {@code {"blockHash": ...}}). */
  public static BlockId hash(Hash32 hash) {
    return new BlockId(null, -1, Objects.requireNonNull(hash, "hash"), false);
  }

  /** The block with this hash, failing if it is not canonical (EIP-1898 {@code requireCanonical}). */
  public static BlockId hash(Hash32 hash, boolean requireCanonical) {
    return new BlockId(null, -1, Objects.requireNonNull(hash, "hash"), requireCanonical);
  }

  /** Whether this is a block hash. */
  public boolean isHash() {
    return hash != null;
  }

  /** Whether this is a block number. */
  public boolean isNumber() {
    return tag == null && hash == null;
  }

  /** The block number; -1 unless {@link #isNumber()}. */
  public long blockNumber() {
    return number;
  }

  /** The tag, or {@code null} unless this is a tag. */
  public String tag() {
    return tag;
  }

  /** The hash, or {@code null} unless {@link #isHash()}. */
  public Hash32 blockHash() {
    return hash;
  }

  /** Writes the tag or number form (for methods that take no hash, e.g. {@code eth_getBlockByNumber}). */
  void writeTagOrNumber(JsonGenerator g) throws IOException {
    if (hash != null) {
      throw new IllegalArgumentException("this method takes a block number or tag, not a hash");
    }
    if (tag != null) {
      g.writeString(tag);
    } else {
      Json.writeQuantity(g, number);
    }
  }

  /** Writes the EIP-1898 form. */
  void write(JsonGenerator g) throws IOException {
    if (hash == null) {
      writeTagOrNumber(g);
      return;
    }
    g.writeStartObject();
    g.writeFieldName("blockHash");
    Json.writeData(g, hash.bytes());
    if (requireCanonical) {
      g.writeBooleanField("requireCanonical", true);
    }
    g.writeEndObject();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BlockId)) {
      return false;
    }
    BlockId b = (BlockId) o;
    return number == b.number && requireCanonical == b.requireCanonical && Objects.equals(tag, b.tag)
        && Objects.equals(hash, b.hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tag, number, hash, requireCanonical);
  }

  @Override
  public String toString() {
    return tag != null ? tag : hash != null ? hash.toHex() : Long.toString(number);
  }
}
