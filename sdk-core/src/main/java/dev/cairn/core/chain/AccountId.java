package dev.cairn.core.chain;

import dev.cairn.core.encoding.DecodingException;

/**
 * An account on a specific chain in CAIP-10 form, {@code chainId:address}, with the address
 * matching {@code [-.%a-zA-Z0-9]{1,128}}.
 *
 * <p>Only the CAIP-10 syntax is checked here; whether the address is well formed for its chain
 * (EIP-55 checksum, base58 length, bech32 prefix) is the chain module's business. Comparison is
 * exact and case-sensitive, so normalise addresses (e.g. EIP-55 checksum case) before comparing.
 * Immutable; invalid input throws {@link DecodingException} naming the part and the offset.
 */
public final class AccountId {
  private final ChainId chainId;
  private final String address;
  private final String text;

  private AccountId(ChainId chainId, String address) {
    this.chainId = chainId;
    this.address = address;
    this.text = chainId + ":" + address;
  }

  /**
   * An account from a chain id and an address.
   *
   * @throws DecodingException naming {@code accountId.address} when the address is not CAIP-10
   */
  public static AccountId of(ChainId chainId, String address) {
    if (chainId == null) {
      throw new DecodingException("accountId.chainId", -1, "is null");
    }
    Caip.checkAddress("accountId.address", address, chainId.toString().length() + 1);
    return new AccountId(chainId, address);
  }

  /**
   * Parses {@code namespace:reference:address}.
   *
   * @throws DecodingException when a part is missing or invalid; offsets point into {@code text}
   */
  public static AccountId parse(String text) {
    if (text == null) {
      throw new DecodingException("accountId", -1, "is null");
    }
    int first = text.indexOf(':');
    int second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (second < 0) {
      throw new DecodingException("accountId", -1, "needs the form namespace:reference:address");
    }
    ChainId chain = ChainId.parse(text.substring(0, second));
    return of(chain, text.substring(second + 1));
  }

  /** The chain this account lives on. */
  public ChainId chainId() {
    return chainId;
  }

  /** The chain-specific address, e.g. {@code 0xab16...} or {@code cosmos1...}. */
  public String address() {
    return address;
  }

  /** The CAIP-10 text, {@code namespace:reference:address}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof AccountId && text.equals(((AccountId) o).text));
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
