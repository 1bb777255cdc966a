package dev.cairn.svm.tx;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import java.util.Arrays;

/**
 * A v0 message's reference to a lookup table: the table's address and which of its entries are
 * loaded writable and read-only. Immutable.
 */
public final class AddressTableLookup {
  private final Pubkey tableKey;
  private final byte[] writableIndexes;
  private final byte[] readonlyIndexes;

  private AddressTableLookup(Pubkey tableKey, byte[] writableIndexes, byte[] readonlyIndexes) {
    this.tableKey = tableKey;
    this.writableIndexes = writableIndexes;
    this.readonlyIndexes = readonlyIndexes;
  }

  /**
   * A lookup (arrays copied).
   *
   * @throws SvmException (INVALID_INPUT) if an index is outside 0..255 or both lists are empty
   */
  public static AddressTableLookup of(Pubkey tableKey, int[] writableIndexes, int[] readonlyIndexes) {
    if (tableKey == null || writableIndexes == null || readonlyIndexes == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "addressTableLookup: null argument");
    }
    if (writableIndexes.length + readonlyIndexes.length == 0) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "addressTableLookup: loads no account");
    }
    return new AddressTableLookup(tableKey, toBytes("writableIndexes", writableIndexes), toBytes("readonlyIndexes", readonlyIndexes));
  }

  static AddressTableLookup trusted(Pubkey tableKey, byte[] writableIndexes, byte[] readonlyIndexes) {
    return new AddressTableLookup(tableKey, writableIndexes, readonlyIndexes);
  }

  private static byte[] toBytes(String field, int[] idx) {
    CompactU16.check("addressTableLookup." + field + ".length", idx.length);
    byte[] out = new byte[idx.length];
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] > 255) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "addressTableLookup." + field + "[" + i + "]: outside 0..255");
      }
      out[i] = (byte) idx[i];
    }
    return out;
  }

  private static int[] toInts(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] & 0xff;
    }
    return out;
  }

  public Pubkey tableKey() {
    return tableKey;
  }

  /** Indexes into the table of the accounts loaded writable (copy). */
  public int[] writableIndexes() {
    return toInts(writableIndexes);
  }

  /** Indexes into the table of the accounts loaded read-only (copy). */
  public int[] readonlyIndexes() {
    return toInts(readonlyIndexes);
  }

  int writableCount() {
    return writableIndexes.length;
  }

  int readonlyCount() {
    return readonlyIndexes.length;
  }

  byte[] rawWritable() {
    return writableIndexes;
  }

  byte[] rawReadonly() {
    return readonlyIndexes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AddressTableLookup)) {
      return false;
    }
    AddressTableLookup l = (AddressTableLookup) o;
    return tableKey.equals(l.tableKey)
        && Arrays.equals(writableIndexes, l.writableIndexes)
        && Arrays.equals(readonlyIndexes, l.readonlyIndexes);
  }

  @Override
  public int hashCode() {
    return (tableKey.hashCode() * 31 + Arrays.hashCode(writableIndexes)) * 31 + Arrays.hashCode(readonlyIndexes);
  }

  @Override
  public String toString() {
    return "AddressTableLookup{" + tableKey + ", writable=" + Arrays.toString(writableIndexes()) + ", readonly=" + Arrays.toString(readonlyIndexes()) + "}";
  }
}
