package dev.cairn.svm.rpc;

import dev.cairn.svm.Pubkey;
import java.util.Objects;

/** An account with its address ({@code getProgramAccounts}, {@code getTokenAccountsByOwner}). Immutable. */
public final class KeyedAccount {
  private final Pubkey pubkey;
  private final AccountInfo account;

  private KeyedAccount(Pubkey pubkey, AccountInfo account) {
    this.pubkey = pubkey;
    this.account = account;
  }

  /** A keyed account. */
  public static KeyedAccount of(Pubkey pubkey, AccountInfo account) {
    return new KeyedAccount(Objects.requireNonNull(pubkey, "pubkey"), Objects.requireNonNull(account, "account"));
  }

  /** The address. */
  public Pubkey pubkey() {
    return pubkey;
  }

  /** The account. */
  public AccountInfo account() {
    return account;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyedAccount && ((KeyedAccount) o).pubkey.equals(pubkey) && ((KeyedAccount) o).account.equals(account);
  }

  @Override
  public int hashCode() {
    return pubkey.hashCode() * 31 + account.hashCode();
  }

  @Override
  public String toString() {
    return pubkey.toBase58() + "=" + account;
  }
}
