package dev.cairn.svm.ws;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.rpc.AccountInfo;
import java.util.Objects;

/** An account changed ({@code accountNotification}, {@code programNotification}): its address, new state and slot. Immutable. */
public final class AccountNotification {
  private final long slot;
  private final Pubkey pubkey;
  private final AccountInfo account;

  private AccountNotification(long slot, Pubkey pubkey, AccountInfo account) {
    this.slot = slot;
    this.pubkey = pubkey;
    this.account = account;
  }

  /** A notification. */
  public static AccountNotification of(long slot, Pubkey pubkey, AccountInfo account) {
    return new AccountNotification(slot, Objects.requireNonNull(pubkey, "pubkey"), Objects.requireNonNull(account, "account"));
  }

  /** The slot of the change. */
  public long slot() {
    return slot;
  }

  /** The account's address. */
  public Pubkey pubkey() {
    return pubkey;
  }

  /** The account's new state (a closed account has 0 lamports and no data). */
  public AccountInfo account() {
    return account;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountNotification && ((AccountNotification) o).slot == slot && ((AccountNotification) o).pubkey.equals(pubkey)
        && ((AccountNotification) o).account.equals(account);
  }

  @Override
  public int hashCode() {
    return Objects.hash(slot, pubkey, account);
  }

  @Override
  public String toString() {
    return "AccountNotification[slot " + slot + ", " + pubkey + ", " + account + "]";
  }
}
