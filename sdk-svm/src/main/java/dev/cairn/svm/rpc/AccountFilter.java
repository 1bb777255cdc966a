package dev.cairn.svm.rpc;

import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Base64;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code getProgramAccounts} filter: the data size, or bytes at an offset ({@code memcmp}, sent
 * base58- or base64-encoded). Immutable.
 *
 * <pre>{@code
 * List<AccountFilter> filters = List.of(AccountFilter.dataSize(165), AccountFilter.memcmp(32, owner.bytes()));
 * }</pre>
 */
public final class AccountFilter {
  /** The most bytes a memcmp filter may compare (the node's limit). */
  public static final int MAX_MEMCMP_BYTES = 128;

  private final long dataSize;
  private final long offset;
  private final byte[] bytes;
  private final boolean base64;

  private AccountFilter(long dataSize, long offset, byte[] bytes, boolean base64) {
    this.dataSize = dataSize;
    this.offset = offset;
    this.bytes = bytes;
    this.base64 = base64;
  }

  /** Accounts whose data is exactly {@code size} bytes. */
  public static AccountFilter dataSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("dataSize: must not be negative, got " + size);
    }
    return new AccountFilter(size, -1, null, false);
  }

  /** Accounts whose data holds {@code bytes} at {@code offset}; sent base58-encoded. */
  public static AccountFilter memcmp(long offset, byte[] bytes) {
    return memcmp(offset, bytes, false);
  }

  /** As {@link #memcmp(long, byte[])}, sent base64-encoded ({@code "encoding":"base64"}, nodes 1.14+). */
  public static AccountFilter memcmpBase64(long offset, byte[] bytes) {
    return memcmp(offset, bytes, true);
  }

  private static AccountFilter memcmp(long offset, byte[] bytes, boolean base64) {
    Objects.requireNonNull(bytes, "bytes");
    if (offset < 0) {
      throw new IllegalArgumentException("memcmp.offset: must not be negative, got " + offset);
    }
    if (bytes.length == 0 || bytes.length > MAX_MEMCMP_BYTES) {
      throw new IllegalArgumentException("memcmp.bytes: must be 1.." + MAX_MEMCMP_BYTES + " bytes, got " + bytes.length);
    }
    return new AccountFilter(-1, offset, bytes.clone(), base64);
  }

  /** Whether this is a data-size filter. */
  public boolean isDataSize() {
    return bytes == null;
  }

  /** The data size of a data-size filter, else -1. */
  public long dataSizeValue() {
    return dataSize;
  }

  /** The offset of a memcmp filter, else -1. */
  public long offset() {
    return offset;
  }

  /** The bytes of a memcmp filter (a copy), else empty. */
  public byte[] bytes() {
    return bytes == null ? new byte[0] : bytes.clone();
  }

  /** Whether a memcmp filter is sent base64-encoded. */
  public boolean isBase64() {
    return base64;
  }

  /** The wire form of the encoded bytes. */
  public String encodedBytes() {
    return bytes == null ? "" : base64 ? Base64.encode(bytes) : Base58.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccountFilter)) {
      return false;
    }
    AccountFilter f = (AccountFilter) o;
    return dataSize == f.dataSize && offset == f.offset && Arrays.equals(bytes, f.bytes) && base64 == f.base64;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataSize, offset, Arrays.hashCode(bytes), base64);
  }

  @Override
  public String toString() {
    return isDataSize() ? "dataSize(" + dataSize + ")" : "memcmp(" + offset + ", " + encodedBytes() + ")";
  }
}
