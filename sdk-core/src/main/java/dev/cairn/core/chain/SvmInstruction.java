package dev.cairn.core.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One Solana instruction: the program to run, the accounts it touches (with signer and writable
 * flags), and its opaque data. Keys are base58 strings so that this chain-neutral module needs no
 * Solana types; the SVM module validates them as 32-byte keys. Immutable.
 */
public final class SvmInstruction {
  private final String programId;
  private final List<AccountMeta> accounts;
  private final byte[] data;

  private SvmInstruction(String programId, List<AccountMeta> accounts, byte[] data) {
    this.programId = programId;
    this.accounts = accounts;
    this.data = data;
  }

  /**
   * An instruction.
   *
   * @throws ChainException (INVALID_INPUT) naming {@code instruction.programId}, {@code
   *     instruction.accounts} or {@code instruction.data}
   */
  public static SvmInstruction of(String programId, List<AccountMeta> accounts, byte[] data) {
    checkKey("instruction.programId", programId);
    if (accounts == null) {
      throw Checks.invalid("instruction.accounts: is null");
    }
    List<AccountMeta> copy = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      AccountMeta m = accounts.get(i);
      if (m == null) {
        throw Checks.invalid("instruction.accounts[" + i + "]: is null");
      }
      copy.add(m);
    }
    if (data == null) {
      throw Checks.invalid("instruction.data: is null");
    }
    return new SvmInstruction(programId, Collections.unmodifiableList(copy), data.clone());
  }

  static void checkKey(String field, String key) {
    if (key == null || key.length() < 32 || key.length() > 44) {
      throw Checks.invalid(field + ": must be a base58 key of 32 to 44 characters");
    }
    for (int i = 0; i < key.length(); i++) {
      if (!Caip.isBase58(key.charAt(i))) {
        throw Checks.invalid(field + ": character at offset " + i + " is not base58");
      }
    }
  }

  /** The program's id (base58). */
  public String programId() {
    return programId;
  }

  /** The accounts, in instruction order (unmodifiable). */
  public List<AccountMeta> accounts() {
    return accounts;
  }

  /** A copy of the instruction data. */
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SvmInstruction)) {
      return false;
    }
    SvmInstruction i = (SvmInstruction) o;
    return programId.equals(i.programId) && accounts.equals(i.accounts) && Arrays.equals(data, i.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(programId, accounts) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "SvmInstruction{program=" + programId + ", accounts=" + accounts.size() + ", data=" + data.length + " bytes}";
  }

  /** An account an instruction reads or writes, and whether it must sign. Immutable. */
  public static final class AccountMeta {
    private final String pubkey;
    private final boolean signer;
    private final boolean writable;

    private AccountMeta(String pubkey, boolean signer, boolean writable) {
      this.pubkey = pubkey;
      this.signer = signer;
      this.writable = writable;
    }

    /**
     * An account reference.
     *
     * @throws ChainException (INVALID_INPUT) naming {@code account.pubkey} if it is not base58
     */
    public static AccountMeta of(String pubkey, boolean signer, boolean writable) {
      checkKey("account.pubkey", pubkey);
      return new AccountMeta(pubkey, signer, writable);
    }

    /** The account's public key (base58). */
    public String pubkey() {
      return pubkey;
    }

    /** Whether the account must sign the transaction. */
    public boolean isSigner() {
      return signer;
    }

    /** Whether the instruction may modify the account. */
    public boolean isWritable() {
      return writable;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof AccountMeta)) {
        return false;
      }
      AccountMeta m = (AccountMeta) o;
      return signer == m.signer && writable == m.writable && pubkey.equals(m.pubkey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(pubkey, signer, writable);
    }

    @Override
    public String toString() {
      return pubkey + (signer ? " [signer" : " [") + (writable ? (signer ? ", writable]" : "writable]") : "]");
    }
  }
}
