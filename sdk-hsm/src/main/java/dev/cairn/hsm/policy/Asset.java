package dev.cairn.hsm.policy;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.SignerException;
import java.util.Objects;

/**
 * What a value limit counts: a chain's native asset or coin by its denomination code ({@code ETH}
 * on an {@code eip155} chain, {@code SOL}, a Cosmos denom such as {@code uatom}), or a token by its
 * contract or mint (ERC-20 contract, SPL mint, ...). Amounts are always in base units (wei,
 * lamports, the denom's units, the token's smallest unit). The code is the one the chain's inspector
 * reports: {@code ETH} for the native asset of <em>every</em> {@code eip155} chain (wei; so {@code
 * nativeAsset(ChainId.eip155(137), "ETH")} is Polygon's POL), {@code SOL} for Solana, the coin's
 * denom for Cosmos. Assets on different chains are different assets. Immutable.
 */
public final class Asset {
  private final ChainId chain;
  private final String denomination; // native only
  private final AccountId token; // token only

  private Asset(ChainId chain, String denomination, AccountId token) {
    this.chain = chain;
    this.denomination = denomination;
    this.token = token;
  }

  /**
   * The native asset or coin {@code denomination} on {@code chain}, e.g. {@code native(ChainId.eip155(1), "ETH")},
   * {@code native(ChainId.COSMOS_HUB, "uatom")}.
   *
   * @throws SignerException INVALID_REQUEST naming the field for null or empty arguments
   */
  public static Asset nativeAsset(ChainId chain, String denomination) {
    if (chain == null) {
      throw invalid("asset.chain", "is null");
    }
    if (denomination == null || denomination.isEmpty() || denomination.length() > 128) {
      throw invalid("asset.denomination", "is null, empty or longer than 128 characters");
    }
    return new Asset(chain, denomination, null);
  }

  /**
   * The token whose contract or mint is {@code token} (its chain is the account's).
   *
   * @throws SignerException INVALID_REQUEST when {@code token} is null
   */
  public static Asset token(AccountId token) {
    if (token == null) {
      throw invalid("asset.token", "is null");
    }
    return new Asset(token.chainId(), null, token);
  }

  private static SignerException invalid(String field, String problem) {
    return new SignerException(SignerException.Reason.INVALID_REQUEST, field, problem);
  }

  /** The chain. */
  public ChainId chain() {
    return chain;
  }

  /** Whether this is a token (else a native asset or coin). */
  public boolean isToken() {
    return token != null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Asset)) {
      return false;
    }
    Asset a = (Asset) o;
    return chain.equals(a.chain) && Objects.equals(denomination, a.denomination)
        && Objects.equals(token == null ? null : Addresses.key(token), a.token == null ? null : Addresses.key(a.token));
  }

  @Override
  public int hashCode() {
    return Objects.hash(chain, denomination, token == null ? null : Addresses.key(token));
  }

  /** {@code eip155:1/native:ETH} or {@code eip155:1/token:0x...}. */
  @Override
  public String toString() {
    return token == null ? chain + "/native:" + denomination : chain + "/token:" + token.address();
  }
}
