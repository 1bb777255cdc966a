package dev.cairn.svm.tx;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An address lookup table as a v0 message compiler needs it: the table's own address and the
 * addresses it holds, in order (at most 256). Immutable.
 */
public final class AddressLookupTable {
  /** A table holds at most this many addresses. */
  public static final int MAX_ADDRESSES = 256;

  private final Pubkey key;
  private final List<Pubkey> addresses;

  private AddressLookupTable(Pubkey key, List<Pubkey> addresses) {
    this.key = key;
    this.addresses = addresses;
  }

  /**
   * A table (the list is copied).
   *
   * @throws SvmException (INVALID_INPUT) naming {@code lookupTable.key} or {@code
   *     lookupTable.addresses}
   */
  public static AddressLookupTable of(Pubkey key, List<Pubkey> addresses) {
    if (key == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "lookupTable.key: is null");
    }
    if (addresses == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "lookupTable.addresses: is null");
    }
    if (addresses.size() > MAX_ADDRESSES) {
      throw new SvmException(
          SvmException.Reason.INVALID_INPUT,
          "lookupTable.addresses: at most 256, got " + addresses.size());
    }
    List<Pubkey> copy = new ArrayList<>(addresses.size());
    for (int i = 0; i < addresses.size(); i++) {
      Pubkey p = addresses.get(i);
      if (p == null) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "lookupTable.addresses[" + i + "]: is null");
      }
      copy.add(p);
    }
    return new AddressLookupTable(key, Collections.unmodifiableList(copy));
  }

  public Pubkey key() {
    return key;
  }

  /** The addresses (unmodifiable). */
  public List<Pubkey> addresses() {
    return addresses;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressLookupTable
        && ((AddressLookupTable) o).key.equals(key)
        && ((AddressLookupTable) o).addresses.equals(addresses);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + addresses.hashCode();
  }

  @Override
  public String toString() {
    return "AddressLookupTable{" + key + ", " + addresses.size() + " addresses}";
  }
}
