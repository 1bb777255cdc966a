package dev.cairn.svm.tx;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One instruction: the program to run, the accounts it uses in order, and its data. Immutable.
 * The builders in {@code dev.cairn.svm.programs} make the common ones.
 */
public final class Instruction {
  private final Pubkey programId;
  private final List<AccountMeta> accounts;
  private final byte[] data;

  private Instruction(Pubkey programId, List<AccountMeta> accounts, byte[] data) {
    this.programId = programId;
    this.accounts = accounts;
    this.data = data;
  }

  /**
   * An instruction (the list and the data are copied).
   *
   * @throws SvmException (INVALID_INPUT) naming {@code programId}, {@code accounts[i]} or {@code
   *     data}
   */
  public static Instruction of(Pubkey programId, List<AccountMeta> accounts, byte[] data) {
    if (programId == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction.programId: is null");
    }
    if (accounts == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction.accounts: is null");
    }
    if (data == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction.data: is null");
    }
    if (accounts.size() > CompactU16.MAX_VALUE || data.length > CompactU16.MAX_VALUE) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction: more than 65535 accounts or data bytes");
    }
    List<AccountMeta> copy = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      AccountMeta m = accounts.get(i);
      if (m == null) {
        throw new SvmException(SvmException.Reason.INVALID_INPUT, "instruction.accounts[" + i + "]: is null");
      }
      copy.add(m);
    }
    return new Instruction(programId, Collections.unmodifiableList(copy), data.clone());
  }

  /** For builders in this module that pass fresh arrays and lists: no copies. */
  static Instruction trusted(Pubkey programId, List<AccountMeta> accounts, byte[] data) {
    return new Instruction(programId, Collections.unmodifiableList(accounts), data);
  }

  public Pubkey programId() {
    return programId;
  }

  /** The accounts in order (unmodifiable). */
  public List<AccountMeta> accounts() {
    return accounts;
  }

  /** A copy of the data. */
  public byte[] data() {
    return data.clone();
  }

  byte[] rawData() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Instruction)) {
      return false;
    }
    Instruction i = (Instruction) o;
    return programId.equals(i.programId) && accounts.equals(i.accounts) && Arrays.equals(data, i.data);
  }

  @Override
  public int hashCode() {
    return (programId.hashCode() * 31 + accounts.hashCode()) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Instruction{program=" + programId + ", accounts=" + accounts + ", data=" + data.length + " bytes}";
  }
}
