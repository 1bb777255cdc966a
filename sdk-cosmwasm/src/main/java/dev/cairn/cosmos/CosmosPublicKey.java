package dev.cairn.cosmos;

import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest;
import java.util.Arrays;

/**
 * An account public key as Cosmos transactions carry it: a {@link Type} (which fixes the protobuf
 * type URL, the address derivation and the sign-document hash) and the 33-byte compressed secp256k1
 * point. Immutable.
 *
 * <pre>{@code
 * CosmosPublicKey k = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signer.publicKey());
 * CosmosAddress a = k.address("cosmos");
 * }</pre>
 */
public final class CosmosPublicKey {
  /** Key types. */
  public enum Type {
    /** {@code /cosmos.crypto.secp256k1.PubKey}: address ripemd160(sha256(key)), sign docs hashed with sha256. */
    SECP256K1("/cosmos.crypto.secp256k1.PubKey", false),
    /**
     * {@code /ethermint.crypto.v1.ethsecp256k1.PubKey} (Evmos, Cronos and other Ethermint chains):
     * address the last 20 bytes of keccak256(uncompressed key without 0x04), sign docs hashed with
     * keccak256.
     */
    ETHERMINT_ETH_SECP256K1("/ethermint.crypto.v1.ethsecp256k1.PubKey", true),
    /** Injective's {@code /injective.crypto.v1beta1.ethsecp256k1.PubKey}: as Ethermint's. */
    INJECTIVE_ETH_SECP256K1("/injective.crypto.v1beta1.ethsecp256k1.PubKey", true);

    private final String typeUrl;
    private final boolean keccak;

    Type(String typeUrl, boolean keccak) {
      this.typeUrl = typeUrl;
      this.keccak = keccak;
    }

    /** The protobuf type URL of the key in a SignerInfo. */
    public String typeUrl() {
      return typeUrl;
    }

    /** Whether sign documents are hashed with keccak256 (eth_secp256k1) rather than sha256. */
    public boolean keccak() {
      return keccak;
    }

    /** The sign request kind for a direct-mode sign document. */
    public SignRequest.Kind directKind() {
      return keccak ? SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT_KECCAK : SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT;
    }

    /** The sign request kind for an amino JSON sign document. */
    public SignRequest.Kind aminoKind() {
      return keccak ? SignRequest.Kind.COSMOS_AMINO_JSON_KECCAK : SignRequest.Kind.COSMOS_AMINO_JSON;
    }

    /** The type with this URL, or null. */
    public static Type fromTypeUrl(String url) {
      for (Type t : values()) {
        if (t.typeUrl.equals(url)) {
          return t;
        }
      }
      return null;
    }
  }

  private final Type type;
  private final byte[] compressed;
  private final Secp256k1PublicKey point;

  private CosmosPublicKey(Type type, byte[] compressed, Secp256k1PublicKey point) {
    this.type = type;
    this.compressed = compressed;
    this.point = point;
  }

  /**
   * A key of the given type from its SEC1 encoding (33 compressed or 65 uncompressed bytes; kept
   * compressed, as every Cosmos chain encodes it).
   *
   * @throws CosmosException (INVALID_INPUT, field {@code publicKey}) when it is not a curve point
   */
  public static CosmosPublicKey of(Type type, byte[] sec1) {
    if (type == null) {
      throw CosmosException.invalid("publicKey.type", "is null");
    }
    Secp256k1PublicKey p;
    try {
      p = Secp256k1PublicKey.fromBytes(sec1);
    } catch (CryptoException e) {
      throw CosmosException.invalid("publicKey", e.getMessage());
    }
    return new CosmosPublicKey(type, p.compressed(), p);
  }

  /** The key type. */
  public Type type() {
    return type;
  }

  /** The 33-byte compressed key. */
  public byte[] compressed() {
    return compressed.clone();
  }

  /** The account address under {@code prefix}, derived as the key type defines. */
  public CosmosAddress address(String prefix) {
    if (type.keccak) {
      byte[] u = point.uncompressed();
      byte[] h = Keccak256.hash(u, 1, 64);
      return CosmosAddress.of(prefix, Arrays.copyOfRange(h, 12, 32));
    }
    return CosmosAddress.of(prefix, Hashes.hash160(compressed));
  }

  /** The digest of a sign document for this key type (sha256 or keccak256). */
  public byte[] digest(byte[] signBytes) {
    return type.keccak ? Keccak256.hash(signBytes) : Hashes.sha256(signBytes);
  }

  /**
   * Whether a 64-byte r||s signature over {@code signBytes} verifies with this key. High-s
   * signatures are rejected, as the Cosmos SDK rejects them.
   */
  public boolean verify(byte[] signBytes, byte[] signature64) {
    if (signature64 == null || signature64.length != 64) {
      return false;
    }
    EcdsaSignature s;
    try {
      s = EcdsaSignature.fromCompact(signature64);
    } catch (RuntimeException e) {
      return false;
    }
    return s.isLowS() && point.verify(digest(signBytes), s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosmosPublicKey && ((CosmosPublicKey) o).type == type
        && Arrays.equals(((CosmosPublicKey) o).compressed, compressed);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return "CosmosPublicKey{" + type + ", " + dev.cairn.core.encoding.Hex.encode(compressed) + "}";
  }
}
