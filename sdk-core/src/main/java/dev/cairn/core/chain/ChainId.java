package dev.cairn.core.chain;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A blockchain identifier in CAIP-2 form, {@code namespace:reference}: namespace {@code
 * [-a-z0-9]{3,8}}, reference {@code [-_a-zA-Z0-9]{1,32}}.
 *
 * <p>For the three namespaces Cairn implements, the namespace's own rules are enforced as well, so
 * that an adapter never receives an identifier it cannot interpret:
 *
 * <ul>
 *   <li>{@code eip155} (CAIP-3): the reference is the EIP-155 chain id in decimal, without leading
 *       zeros, from 1 to {@link Long#MAX_VALUE}.
 *   <li>{@code solana} (CAIP-30): the reference is exactly 32 base58 characters, the prefix of the
 *       genesis hash.
 *   <li>{@code cosmos} (CAIP-5): the reference matches {@code [-a-zA-Z0-9]{1,32}}; one starting
 *       with {@code hashed-} must be {@code hashed-} followed by 16 lowercase hex digits.
 * </ul>
 *
 * Other namespaces are accepted with the generic CAIP-2 rules only. Identifiers are case-sensitive.
 * Immutable; invalid input throws {@link DecodingException} naming the part and the offset.
 */
public final class ChainId {

  /** Ethereum mainnet, {@code eip155:1}. */
  public static final ChainId ETHEREUM_MAINNET = eip155(1);
  /** Ethereum Sepolia testnet, {@code eip155:11155111}. */
  public static final ChainId ETHEREUM_SEPOLIA = eip155(11155111);
  /** Solana mainnet-beta, {@code solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp}. */
  public static final ChainId SOLANA_MAINNET = solana("5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp");
  /** Solana devnet, {@code solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1}. */
  public static final ChainId SOLANA_DEVNET = solana("EtWTRABZaYq6iMfeYKouRu166VU2xqa1");
  /** Solana testnet, {@code solana:4uhcVJyU9pJkvQyS88uRDiswHXSCkY3z}. */
  public static final ChainId SOLANA_TESTNET = solana("4uhcVJyU9pJkvQyS88uRDiswHXSCkY3z");
  /** Cosmos Hub, {@code cosmos:cosmoshub-4}. */
  public static final ChainId COSMOS_HUB = cosmos("cosmoshub-4");

  private static final String HASHED_PREFIX = "hashed-";
  private static final int SOLANA_REFERENCE_LENGTH = 32;
  private static final int SOLANA_GENESIS_HASH_MAX = 44;

  private final String namespace;
  private final String reference;
  private final String text;

  private ChainId(String namespace, String reference) {
    this.namespace = namespace;
    this.reference = reference;
    this.text = namespace + ':' + reference;
  }

  /**
   * A chain id from its two parts, validated.
   *
   * @throws DecodingException naming {@code chainId.namespace} or {@code chainId.reference}
   */
  public static ChainId of(String namespace, String reference) {
    Caip.checkNamespace("chainId.namespace", namespace, 0);
    int refOffset = namespace.length() + 1;
    Caip.checkReference("chainId.reference", reference, refOffset);
    checkNamespaceRules(namespace, reference, refOffset);
    return new ChainId(namespace, reference);
  }

  /**
   * Parses {@code namespace:reference}.
   *
   * @throws DecodingException for a missing separator, bad characters or lengths (the offset
   *     points into {@code text}), or a reference the namespace's rules reject
   */
  public static ChainId parse(String text) {
    if (text == null) {
      throw new DecodingException("chainId", -1, "is null");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new DecodingException("chainId", -1, "has no ':' between namespace and reference");
    }
    return of(text.substring(0, colon), text.substring(colon + 1));
  }

  /**
   * An EVM chain, {@code eip155:<chainId>}.
   *
   * @param chainId the EIP-155 chain id, at least 1
   */
  public static ChainId eip155(long chainId) {
    if (chainId < 1) {
      throw new DecodingException("chainId.reference", -1, "EIP-155 chain id " + chainId + " is not positive");
    }
    return new ChainId(ChainFamily.EVM.namespace(), Long.toString(chainId));
  }

  /**
   * A Solana cluster, {@code solana:<first 32 characters of the base58 genesis hash>} (CAIP-30).
   *
   * @param genesisHash the 32-character prefix, or the whole base58 genesis hash (up to 44
   *     characters), which is cut to its first 32 characters as CAIP-30 defines
   */
  public static ChainId solana(String genesisHash) {
    if (genesisHash == null) {
      throw new DecodingException("chainId.reference", -1, "Solana genesis hash is null");
    }
    int n = genesisHash.length();
    if (n < SOLANA_REFERENCE_LENGTH || n > SOLANA_GENESIS_HASH_MAX) {
      throw new DecodingException("chainId.reference", -1,
          "Solana genesis hash has " + n + " characters, expected 32 (prefix) to 44 (full hash)");
    }
    for (int i = 0; i < n; i++) {
      if (!Caip.isBase58(genesisHash.charAt(i))) {
        throw new DecodingException("chainId.reference", i, "Solana genesis hash is not base58");
      }
    }
    return new ChainId(ChainFamily.SVM.namespace(), genesisHash.substring(0, SOLANA_REFERENCE_LENGTH));
  }

  /**
   * A Cosmos SDK chain from its Tendermint/CometBFT {@code chain_id}, following CAIP-5: a chain id
   * that matches {@code [-a-zA-Z0-9]{1,32}} and does not start with {@code hashed-} is used as the
   * reference directly; any other chain id is hashed to {@code hashed-} followed by the first 16
   * lowercase hex digits of SHA-256 of its UTF-8 bytes. Hashing is one-way: keep the original
   * chain id where it is needed (it is part of every Cosmos sign document).
   *
   * @param chainId the chain's {@code chain_id}, not empty
   */
  public static ChainId cosmos(String chainId) {
    if (chainId == null || chainId.isEmpty()) {
      throw new DecodingException("chainId.reference", -1, "Cosmos chain_id is null or empty");
    }
    if (isCosmosDirect(chainId) && !chainId.startsWith(HASHED_PREFIX)) {
      return new ChainId(ChainFamily.COSMOS.namespace(), chainId);
    }
    byte[] utf8 = chainId.getBytes(StandardCharsets.UTF_8);
    SHA256Digest sha = new SHA256Digest();
    sha.update(utf8, 0, utf8.length);
    byte[] h = new byte[32];
    sha.doFinal(h, 0);
    return new ChainId(ChainFamily.COSMOS.namespace(), HASHED_PREFIX + Hex.encode(h, 0, 8));
  }

  private static boolean isCosmosDirect(String s) {
    if (s.length() < 1 || s.length() > Caip.REFERENCE_MAX) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '-' || Caip.isAlnum(c))) {
        return false;
      }
    }
    return true;
  }

  private static void checkNamespaceRules(String namespace, String ref, int refOffset) {
    ChainFamily family = ChainFamily.fromNamespace(namespace).orElse(null);
    if (family == null) {
      return;
    }
    switch (family) {
      case EVM:
        for (int i = 0; i < ref.length(); i++) {
          char c = ref.charAt(i);
          if (c < '0' || c > '9') {
            throw new DecodingException("chainId.reference", refOffset + i, "eip155 reference is not decimal");
          }
        }
        if (ref.charAt(0) == '0') {
          throw new DecodingException("chainId.reference", refOffset, "eip155 reference is zero or has a leading zero");
        }
        if (ref.length() > 19 || (ref.length() == 19 && ref.compareTo(Long.toString(Long.MAX_VALUE)) > 0)) {
          throw new DecodingException("chainId.reference", refOffset, "eip155 chain id exceeds " + Long.MAX_VALUE);
        }
        break;
      case SVM:
        if (ref.length() != SOLANA_REFERENCE_LENGTH) {
          throw new DecodingException("chainId.reference", refOffset,
              "solana reference has " + ref.length() + " characters, expected 32");
        }
        for (int i = 0; i < ref.length(); i++) {
          if (!Caip.isBase58(ref.charAt(i))) {
            throw new DecodingException("chainId.reference", refOffset + i, "solana reference is not base58");
          }
        }
        break;
      case COSMOS:
        if (!isCosmosDirect(ref)) {
          throw new DecodingException("chainId.reference", refOffset + ref.indexOf('_'),
              "cosmos reference contains '_'");
        }
        if (ref.startsWith(HASHED_PREFIX)) {
          String hash = ref.substring(HASHED_PREFIX.length());
          boolean ok = hash.length() == 16;
          for (int i = 0; ok && i < hash.length(); i++) {
            char c = hash.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
          }
          if (!ok) {
            throw new DecodingException("chainId.reference", refOffset + HASHED_PREFIX.length(),
                "cosmos hashed reference must be 'hashed-' and 16 lowercase hex digits");
          }
        }
        break;
      default:
        break;
    }
  }

  /** The CAIP-2 namespace, e.g. {@code "eip155"}. */
  public String namespace() {
    return namespace;
  }

  /** The CAIP-2 reference, e.g. {@code "1"}. */
  public String reference() {
    return reference;
  }

  /** The VM family, if Cairn supports this namespace. */
  public Optional<ChainFamily> family() {
    return ChainFamily.fromNamespace(namespace);
  }

  /** Whether this chain belongs to {@code family}. */
  public boolean isFamily(ChainFamily family) {
    return family != null && family.namespace().equals(namespace);
  }

  /**
   * The EIP-155 chain id of an {@code eip155} chain.
   *
   * @throws ChainException (INVALID_INPUT) for any other namespace
   */
  public long eip155ChainId() {
    if (!isFamily(ChainFamily.EVM)) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, this, "chainId: " + text + " is not an eip155 chain"));
    }
    return Long.parseLong(reference);
  }

  /** The CAIP-2 text, {@code namespace:reference}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof ChainId && text.equals(((ChainId) o).text));
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
