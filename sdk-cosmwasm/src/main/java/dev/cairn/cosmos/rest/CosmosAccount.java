package dev.cairn.cosmos.rest;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as {@code /cosmos/auth/v1beta1/accounts/{address}} returns it, reduced to what signing
 * needs: its {@code @type}, address, account number, sequence and public key (absent until the
 * account has signed once). Base, vesting (continuous, delayed, periodic, permanent locked),
 * module and Ethermint/Injective {@code EthAccount}s are read through their {@code base_account}
 * nesting. Immutable.
 */
public final class CosmosAccount {
  private final String typeUrl;
  private final String address;
  private final long accountNumber;
  private final long sequence;
  private final String pubKeyTypeUrl;
  private final byte[] pubKey;

  private CosmosAccount(String typeUrl, String address, long accountNumber, long sequence, String pubKeyTypeUrl,
      byte[] pubKey) {
    this.typeUrl = typeUrl;
    this.address = address;
    this.accountNumber = accountNumber;
    this.sequence = sequence;
    this.pubKeyTypeUrl = pubKeyTypeUrl;
    this.pubKey = pubKey;
  }

  /**
   * An account.
   *
   * @param pubKeyTypeUrl the public key's {@code @type}, or {@code null} when the account has none
   * @param pubKey the key bytes (33-byte compressed secp256k1 usually), or {@code null}
   */
  public static CosmosAccount of(String typeUrl, String address, long accountNumber, long sequence,
      String pubKeyTypeUrl, byte[] pubKey) {
    if ((pubKeyTypeUrl == null) != (pubKey == null)) {
      throw new IllegalArgumentException("pubKeyTypeUrl and pubKey are given together or not at all");
    }
    return new CosmosAccount(Objects.requireNonNull(typeUrl, "typeUrl"), Objects.requireNonNull(address, "address"),
        accountNumber, sequence, pubKeyTypeUrl, pubKey == null ? null : pubKey.clone());
  }

  /** The account's {@code @type}, e.g. {@code /cosmos.auth.v1beta1.BaseAccount}. */
  public String typeUrl() {
    return typeUrl;
  }

  /** The bech32 address. */
  public String address() {
    return address;
  }

  /** The account number. */
  public long accountNumber() {
    return accountNumber;
  }

  /** The next sequence the chain expects. */
  public long sequence() {
    return sequence;
  }

  /** The public key's {@code @type} (e.g. {@code /cosmos.crypto.secp256k1.PubKey}), if the account has a key on chain. */
  public Optional<String> pubKeyTypeUrl() {
    return Optional.ofNullable(pubKeyTypeUrl);
  }

  /** The public key bytes (a copy), if the account has a key on chain. */
  public Optional<byte[]> pubKey() {
    return Optional.ofNullable(pubKey == null ? null : pubKey.clone());
  }

  /** Whether it is a vesting account (its spendable balance may be lower than its balance). */
  public boolean isVesting() {
    return typeUrl.startsWith("/cosmos.vesting.");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CosmosAccount)) {
      return false;
    }
    CosmosAccount a = (CosmosAccount) o;
    return a.typeUrl.equals(typeUrl) && a.address.equals(address) && a.accountNumber == accountNumber
        && a.sequence == sequence && Objects.equals(a.pubKeyTypeUrl, pubKeyTypeUrl) && Arrays.equals(a.pubKey, pubKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeUrl, address, accountNumber, sequence);
  }

  @Override
  public String toString() {
    return "CosmosAccount{" + address + ", " + typeUrl + ", number=" + accountNumber + ", sequence=" + sequence + "}";
  }
}
