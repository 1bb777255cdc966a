package dev.cairn.abi;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;

/**
 * The value of an indexed event parameter of a dynamic or composite type ({@code string}, {@code
 * bytes}, arrays, tuples) as it appears in a log: only the 32-byte Keccak-256 hash of the value's
 * encoding is stored in the topic, so the value itself cannot be recovered. {@link
 * DecodedLog} returns such parameters as an {@code IndexedHash}, never as a value of the declared
 * type. Compare with {@link Event#topicFor(int, Object)} to test for a known value.
 */
public final class IndexedHash {
  private final byte[] hash;

  private IndexedHash(byte[] hash) {
    this.hash = hash;
  }

  /**
   * Wraps a topic.
   *
   * @throws AbiException (INVALID_VALUE) unless {@code hash} has 32 bytes
   */
  public static IndexedHash of(byte[] hash) {
    if (hash == null || hash.length != 32) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, "indexed hash: expected 32 bytes");
    }
    return new IndexedHash(hash.clone());
  }

  /** The 32-byte hash (a copy). */
  public byte[] hash() {
    return hash.clone();
  }

  /** True when this is the hash of the given 32 bytes. */
  public boolean matches(byte[] topic) {
    return topic != null && Arrays.equals(hash, topic);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexedHash && Arrays.equals(hash, ((IndexedHash) o).hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  /** {@code IndexedHash[0x...]}. */
  @Override
  public String toString() {
    return "IndexedHash[0x" + Hex.encode(hash) + "]";
  }
}
