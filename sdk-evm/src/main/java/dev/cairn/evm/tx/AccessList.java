package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An EIP-2930 access list: addresses with the storage keys (32 bytes each) a transaction declares it
 * will touch. Immutable; duplicates are kept as given (they are legal and cost gas).
 */
public final class AccessList {
  /** The empty access list. */
  public static final AccessList EMPTY = new AccessList(List.of());

  /** One address and its storage keys. Immutable. */
  public static final class Entry {
    private final Address address;
    private final byte[][] keys;

    private Entry(Address address, byte[][] keys) {
      this.address = address;
      this.keys = keys;
    }

    /**
     * An entry.
     *
     * @param address the account
     * @param storageKeys 32-byte keys (copied)
     * @throws EvmTxException (INVALID_FIELD) if the address is null or a key is not 32 bytes
     */
    public static Entry of(Address address, List<byte[]> storageKeys) {
      if (address == null) {
        throw invalid("accessList.address", "is null");
      }
      if (storageKeys == null) {
        throw invalid("accessList.storageKeys", "is null");
      }
      byte[][] k = new byte[storageKeys.size()][];
      for (int i = 0; i < k.length; i++) {
        byte[] key = storageKeys.get(i);
        if (key == null || key.length != 32) {
          throw invalid("accessList.storageKeys[" + i + "]",
              "must be 32 bytes, got " + (key == null ? "null" : key.length + " bytes"));
        }
        k[i] = key.clone();
      }
      return new Entry(address, k);
    }

    /** An entry; see {@link #of(Address, List)}. */
    public static Entry of(Address address, byte[]... storageKeys) {
      return of(address, Arrays.asList(storageKeys == null ? new byte[0][] : storageKeys));
    }

    /** Decoder entry: takes ownership of the keys (already checked). */
    static Entry trusted(Address address, byte[][] keys) {
      return new Entry(address, keys);
    }

    /** The account. */
    public Address address() {
      return address;
    }

    /** Copies of the storage keys. */
    public List<byte[]> storageKeys() {
      List<byte[]> l = new ArrayList<>(keys.length);
      for (byte[] k : keys) {
        l.add(k.clone());
      }
      return l;
    }

    /** Number of storage keys. */
    public int storageKeyCount() {
      return keys.length;
    }

    /** A copy of storage key {@code i}. */
    public byte[] storageKey(int i) {
      return keys[i].clone();
    }

    byte[][] keysUnsafe() {
      return keys;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry
          && address.equals(((Entry) o).address)
          && Arrays.deepEquals(keys, ((Entry) o).keys);
    }

    @Override
    public int hashCode() {
      return 31 * address.hashCode() + Arrays.deepHashCode(keys);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("{").append(address).append(": [");
      for (int i = 0; i < keys.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(Hex.encodePrefixed(keys[i]));
      }
      return sb.append("]}").toString();
    }
  }

  private final List<Entry> entries;

  private AccessList(List<Entry> entries) {
    this.entries = entries;
  }

  /** An access list of the given entries (the list is copied). */
  public static AccessList of(List<Entry> entries) {
    if (entries == null) {
      throw invalid("accessList", "is null");
    }
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == null) {
        throw invalid("accessList[" + i + "]", "is null");
      }
    }
    return entries.isEmpty() ? EMPTY : new AccessList(List.copyOf(entries));
  }

  /** An access list of the given entries. */
  public static AccessList of(Entry... entries) {
    return of(Arrays.asList(entries));
  }

  static AccessList trusted(ArrayList<Entry> entries) {
    return entries.isEmpty() ? EMPTY : new AccessList(Collections.unmodifiableList(entries));
  }

  /** The entries (unmodifiable). */
  public List<Entry> entries() {
    return entries;
  }

  /** Number of entries (addresses, duplicates included). */
  public int size() {
    return entries.size();
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Total number of storage keys over all entries. */
  public int storageKeyCount() {
    int n = 0;
    for (Entry e : entries) {
      n += e.keys.length;
    }
    return n;
  }

  /** The RLP encoding {@code [[address, [key, ...]], ...]}. */
  byte[] encode() {
    if (entries.isEmpty()) {
      return RlpOut.EMPTY_LIST;
    }
    byte[][] items = new byte[entries.size()][];
    for (int i = 0; i < items.length; i++) {
      Entry e = entries.get(i);
      byte[][] ks = new byte[e.keys.length][];
      for (int j = 0; j < ks.length; j++) {
        ks[j] = RlpOut.string(e.keys[j]);
      }
      items[i] = RlpOut.list(RlpOut.string(e.address.bytes()), RlpOut.list(-1, ks, null));
    }
    return RlpOut.list(-1, items, null);
  }

  private static EvmTxException invalid(String field, String problem) {
    return new EvmTxException(EvmTxException.Reason.INVALID_FIELD, field, problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessList && entries.equals(((AccessList) o).entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
