package dev.cairn.svm.rpc;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.tx.AddressLookupTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An address lookup table account's state ({@code getAddressLookupTable}): the addresses, the
 * authority (absent once frozen), and the deactivation and last-extension slots. {@link #table()}
 * is what v0 message compilation takes. Immutable.
 */
public final class LookupTableAccount {
  /** Size of the table's header before the addresses. */
  public static final int META_SIZE = 56;
  /** The deactivation slot of an active table (u64 max). */
  public static final long ACTIVE = -1L;

  private final Pubkey key;
  private final long deactivationSlot;
  private final long lastExtendedSlot;
  private final int lastExtendedSlotStartIndex;
  private final Pubkey authority;
  private final AddressLookupTable table;

  private LookupTableAccount(Pubkey key, long deactivationSlot, long lastExtendedSlot, int lastExtendedSlotStartIndex,
      Pubkey authority, AddressLookupTable table) {
    this.key = key;
    this.deactivationSlot = deactivationSlot;
    this.lastExtendedSlot = lastExtendedSlot;
    this.lastExtendedSlotStartIndex = lastExtendedSlotStartIndex;
    this.authority = authority;
    this.table = table;
  }

  /**
   * Decodes a lookup table account's data (owner: the Address Lookup Table program).
   *
   * @throws DecodingException naming the field when the data is not a lookup table
   */
  public static LookupTableAccount decode(Pubkey key, byte[] data) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
    if (data.length < META_SIZE) {
      throw new DecodingException("lookupTable", data.length, "account data is " + data.length + " bytes, shorter than the " + META_SIZE + "-byte header");
    }
    long type = u32(data, 0);
    if (type != 1) {
      throw new DecodingException("lookupTable.type", 0, "not a lookup table (state type " + type + ")");
    }
    long deactivation = u64(data, 4);
    long lastExtended = u64(data, 12);
    int startIndex = data[20] & 0xFF;
    Pubkey authority;
    switch (data[21]) {
      case 0:
        authority = null;
        break;
      case 1:
        authority = Pubkey.of(Arrays.copyOfRange(data, 22, 54));
        break;
      default:
        throw new DecodingException("lookupTable.authority", 21, "invalid option tag " + (data[21] & 0xFF));
    }
    if ((data.length - META_SIZE) % Pubkey.LENGTH != 0) {
      throw new DecodingException("lookupTable.addresses", META_SIZE, (data.length - META_SIZE) + " bytes is not a whole number of addresses");
    }
    int n = (data.length - META_SIZE) / Pubkey.LENGTH;
    if (n > AddressLookupTable.MAX_ADDRESSES) {
      throw new DecodingException("lookupTable.addresses", META_SIZE, n + " addresses, more than " + AddressLookupTable.MAX_ADDRESSES);
    }
    List<Pubkey> addresses = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int off = META_SIZE + i * Pubkey.LENGTH;
      addresses.add(Pubkey.of(Arrays.copyOfRange(data, off, off + Pubkey.LENGTH)));
    }
    return new LookupTableAccount(key, deactivation, lastExtended, startIndex, authority,
        AddressLookupTable.of(key, Collections.unmodifiableList(addresses)));
  }

  private static long u32(byte[] d, int o) {
    return (d[o] & 0xFFL) | (d[o + 1] & 0xFFL) << 8 | (d[o + 2] & 0xFFL) << 16 | (d[o + 3] & 0xFFL) << 24;
  }

  private static long u64(byte[] d, int o) {
    return u32(d, o) | u32(d, o + 4) << 32;
  }

  /** The table's address. */
  public Pubkey key() {
    return key;
  }

  /** The addresses, as the v0 compiler takes them. */
  public AddressLookupTable table() {
    return table;
  }

  /** The addresses. */
  public List<Pubkey> addresses() {
    return table.addresses();
  }

  /** The authority that may extend, deactivate and close it; empty once frozen. */
  public Optional<Pubkey> authority() {
    return Optional.ofNullable(authority);
  }

  /** Whether the table is active (not deactivated). */
  public boolean isActive() {
    return deactivationSlot == ACTIVE;
  }

  /** The slot it was deactivated in ({@link #ACTIVE} when active). */
  public long deactivationSlot() {
    return deactivationSlot;
  }

  /** The slot of the last extension (addresses added then are usable from the next slot). */
  public long lastExtendedSlot() {
    return lastExtendedSlot;
  }

  /** The index of the first address added in {@link #lastExtendedSlot()}. */
  public int lastExtendedSlotStartIndex() {
    return lastExtendedSlotStartIndex;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LookupTableAccount)) {
      return false;
    }
    LookupTableAccount t = (LookupTableAccount) o;
    return key.equals(t.key) && deactivationSlot == t.deactivationSlot && lastExtendedSlot == t.lastExtendedSlot
        && lastExtendedSlotStartIndex == t.lastExtendedSlotStartIndex && Objects.equals(authority, t.authority)
        && table.equals(t.table);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, deactivationSlot, lastExtendedSlot, authority, table);
  }

  @Override
  public String toString() {
    return "LookupTableAccount[" + key.toBase58() + ", " + addresses().size() + " addresses, "
        + (isActive() ? "active" : "deactivated at " + Long.toUnsignedString(deactivationSlot)) + "]";
  }
}
