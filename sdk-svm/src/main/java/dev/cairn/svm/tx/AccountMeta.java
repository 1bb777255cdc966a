package dev.cairn.svm.tx;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;

/** An account an instruction uses, whether it must sign, and whether it may be written. Immutable. */
public final class AccountMeta {
  private final Pubkey pubkey;
  private final boolean signer;
  private final boolean writable;

  private AccountMeta(Pubkey pubkey, boolean signer, boolean writable) {
    this.pubkey = pubkey;
    this.signer = signer;
    this.writable = writable;
  }

  /** An account reference with both flags. */
  public static AccountMeta of(Pubkey pubkey, boolean signer, boolean writable) {
    if (pubkey == null) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "account.pubkey: is null");
    }
    return new AccountMeta(pubkey, signer, writable);
  }

  /** A writable account that signs. */
  public static AccountMeta writableSigner(Pubkey pubkey) {
    return of(pubkey, true, true);
  }

  /** A read-only account that signs. */
  public static AccountMeta readonlySigner(Pubkey pubkey) {
    return of(pubkey, true, false);
  }

  /** A writable account that does not sign. */
  public static AccountMeta writable(Pubkey pubkey) {
    return of(pubkey, false, true);
  }

  /** A read-only account that does not sign. */
  public static AccountMeta readonly(Pubkey pubkey) {
    return of(pubkey, false, false);
  }

  public Pubkey pubkey() {
    return pubkey;
  }

  public boolean isSigner() {
    return signer;
  }

  public boolean isWritable() {
    return writable;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccountMeta)) {
      return false;
    }
    AccountMeta m = (AccountMeta) o;
    return signer == m.signer && writable == m.writable && pubkey.equals(m.pubkey);
  }

  @Override
  public int hashCode() {
    return pubkey.hashCode() * 4 + (signer ? 2 : 0) + (writable ? 1 : 0);
  }

  @Override
  public String toString() {
    return pubkey + (signer ? (writable ? " [signer, writable]" : " [signer]") : (writable ? " [writable]" : " []"));
  }
}
