package dev.cairn.svm.rpc;

import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.Pubkey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as the node returns it: lamports, owner program, data (raw bytes, or the node's
 * parsed JSON when asked for {@link AccountEncoding#JSON_PARSED} and the node has a parser),
 * executable flag, rent epoch and data size. Immutable.
 */
public final class AccountInfo {
  private static final byte[] EMPTY = new byte[0];

  private final long lamports;
  private final Pubkey owner;
  private final byte[] data;
  private final JsonValue parsed;
  private final boolean executable;
  private final long rentEpoch;
  private final long space;

  private AccountInfo(long lamports, Pubkey owner, byte[] data, JsonValue parsed, boolean executable, long rentEpoch, long space) {
    this.lamports = lamports;
    this.owner = owner;
    this.data = data;
    this.parsed = parsed;
    this.executable = executable;
    this.rentEpoch = rentEpoch;
    this.space = space;
  }

  /** An account with raw data (copied). */
  public static AccountInfo of(long lamports, Pubkey owner, byte[] data, boolean executable, long rentEpoch) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(data, "data");
    return new AccountInfo(lamports, owner, data.clone(), null, executable, rentEpoch, data.length);
  }

  /** An account whose data the node returned parsed ({@code space} is the data length). */
  public static AccountInfo parsed(long lamports, Pubkey owner, JsonValue parsed, boolean executable, long rentEpoch, long space) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(parsed, "parsed");
    return new AccountInfo(lamports, owner, EMPTY, parsed, executable, rentEpoch, space);
  }

  /** The balance in lamports (a u64: read with {@link Long#toUnsignedString(long)} above 2^63-1). */
  public long lamports() {
    return lamports;
  }

  /** The owner program. */
  public Pubkey owner() {
    return owner;
  }

  /** The raw data (a copy); empty when the node returned it {@link #parsed()}. */
  public byte[] data() {
    return data.clone();
  }

  /** The data length in bytes. */
  public int dataLength() {
    return data.length;
  }

  /** The node's parsed form of the data ({@code {"program":..,"parsed":..,"space":..}}), when asked for and available. */
  public Optional<JsonValue> parsed() {
    return Optional.ofNullable(parsed);
  }

  /** Whether the account holds a program. */
  public boolean executable() {
    return executable;
  }

  /** The rent epoch, a u64 ({@code 18446744073709551615}, i.e. {@code -1L}, for rent-exempt accounts). */
  public long rentEpoch() {
    return rentEpoch;
  }

  /** The data size the node reports ({@code space}), or the raw data's length when it reports none. */
  public long space() {
    return space;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccountInfo)) {
      return false;
    }
    AccountInfo a = (AccountInfo) o;
    return lamports == a.lamports && owner.equals(a.owner) && Arrays.equals(data, a.data) && Objects.equals(parsed, a.parsed)
        && executable == a.executable && rentEpoch == a.rentEpoch && space == a.space;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lamports, owner, Arrays.hashCode(data), parsed, executable, rentEpoch, space);
  }

  @Override
  public String toString() {
    return "AccountInfo[" + Long.toUnsignedString(lamports) + " lamports, owner " + owner.toBase58() + ", "
        + (parsed != null ? "parsed" : data.length + " bytes") + (executable ? ", executable" : "") + "]";
  }
}
