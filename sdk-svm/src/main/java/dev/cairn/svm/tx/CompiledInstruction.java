package dev.cairn.svm.tx;

import dev.cairn.svm.SvmException;
import java.util.Arrays;

/**
 * An instruction inside a message: indexes into the message's account keys instead of addresses.
 * Immutable.
 */
public final class CompiledInstruction {
  private final int programIdIndex;
  private final byte[] accountIndexes;
  private final byte[] data;

  private CompiledInstruction(int programIdIndex, byte[] accountIndexes, byte[] data) {
    this.programIdIndex = programIdIndex;
    this.accountIndexes = accountIndexes;
    this.data = data;
  }

  /**
   * A compiled instruction (arrays copied).
   *
   * @param programIdIndex 0..255
   * @param accountIndexes each 0..255
   * @throws SvmException (INVALID_INPUT) for an index out of range or more than 65535 entries
   */
  public static CompiledInstruction of(int programIdIndex, int[] accountIndexes, byte[] data) {
    if (programIdIndex < 0 || programIdIndex > 255) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction.programIdIndex: " + programIdIndex + " outside 0..255");
    }
    if (accountIndexes == null || data == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction: accountIndexes or data is null");
    }
    CompactU16.check("instruction.accountIndexes.length", accountIndexes.length);
    CompactU16.check("instruction.data.length", data.length);
    byte[] idx = new byte[accountIndexes.length];
    for (int i = 0; i < idx.length; i++) {
      if (accountIndexes[i] < 0 || accountIndexes[i] > 255) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction.accountIndexes[" + i + "]: outside 0..255");
      }
      idx[i] = (byte) accountIndexes[i];
    }
    return new CompiledInstruction(programIdIndex, idx, data.clone());
  }

  static CompiledInstruction trusted(int programIdIndex, byte[] accountIndexes, byte[] data) {
    return new CompiledInstruction(programIdIndex, accountIndexes, data);
  }

  public int programIdIndex() {
    return programIdIndex;
  }

  /** A copy of the account indexes. */
  public int[] accountIndexes() {
    int[] out = new int[accountIndexes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = accountIndexes[i] & 0xff;
    }
    return out;
  }

  /** How many accounts the instruction lists. */
  public int accountCount() {
    return accountIndexes.length;
  }

  /** The i-th account index. */
  public int accountIndex(int i) {
    return accountIndexes[i] & 0xff;
  }

  /** A copy of the data. */
  public byte[] data() {
    return data.clone();
  }

  byte[] rawIndexes() {
    return accountIndexes;
  }

  byte[] rawData() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CompiledInstruction)) {
      return false;
    }
    CompiledInstruction c = (CompiledInstruction) o;
    return programIdIndex == c.programIdIndex
        && Arrays.equals(accountIndexes, c.accountIndexes)
        && Arrays.equals(data, c.data);
  }

  @Override
  public int hashCode() {
    return (programIdIndex * 31 + Arrays.hashCode(accountIndexes)) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CompiledInstruction{program=" + programIdIndex + ", accounts=" + Arrays.toString(accountIndexes()) + ", data=" + data.length + " bytes}";
  }
}
