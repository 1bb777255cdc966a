package dev.cairn.core.signer;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Signer} is asked to sign: a {@link Kind}, the payload in the form the kind
 * defines, and for secp256k1 kinds the 32-byte digest the chain module computed from it.
 *
 * <p>Why both: a software key or an HSM signs the digest, but a hardware wallet such as a Ledger
 * must be given the whole payload (the unsigned transaction, the message, the typed data) so that
 * it can show it to the user and hash it itself. Chain modules therefore always describe <em>what
 * is being signed</em>, and each signer takes the part it needs.
 *
 * <p>Immutable; arrays are copied on the way in and out. Validation happens in the factories and
 * throws {@link SignerException} with reason {@link SignerException.Reason#INVALID_REQUEST} naming
 * the field.
 */
public final class SignRequest {

  /** Length of a secp256k1 prehash. */
  public static final int DIGEST_LENGTH = 32;

  /**
   * Kinds of signing requests. Each kind fixes the payload format, which key type it is for, and
   * whether a digest accompanies it.
   */
  public enum Kind {
    /** A raw 32-byte prehash (secp256k1). The payload is the digest itself. */
    DIGEST(KeyType.SECP256K1, true),
    /**
     * Raw bytes signed as they are: the message for Ed25519, or input for secp256k1 devices that
     * hash themselves. A digest may accompany it (then a signer that signs digests may use it).
     */
    MESSAGE(null, false),
    /**
     * An unsigned EVM transaction: the RLP of a legacy (EIP-155) transaction or the typed envelope
     * {@code type || rlp(fields)} (EIP-2718). Digest: keccak256 of the payload.
     */
    EVM_TRANSACTION(KeyType.SECP256K1, true),
    /**
     * An EIP-191 {@code personal_sign} message, without the prefix. Digest: keccak256 of {@code
     * "\x19Ethereum Signed Message:\n" + len + message}.
     */
    EVM_PERSONAL_MESSAGE(KeyType.SECP256K1, true),
    /**
     * EIP-712 typed data: exactly the 66 bytes {@code 0x19 0x01 || domainSeparator || hashStruct(
     * message)}, the form hardware wallets accept in "hashed" mode. Digest: keccak256 of the
     * payload.
     */
    EVM_TYPED_DATA(KeyType.SECP256K1, true),
    /**
     * An EIP-7702 authorization: the preimage {@code 0x05 || rlp([chainId, address, nonce])}, so a
     * device can show which contract the account delegates to, on which chain. Digest: keccak256 of
     * the payload.
     */
    EVM_AUTHORIZATION(KeyType.SECP256K1, true),
    /** A serialized Solana transaction message (legacy or v0). Ed25519 signs it as it is. */
    SOLANA_MESSAGE(KeyType.ED25519, false),
    /**
     * A Cosmos SDK {@code StdSignDoc} as canonical (sorted, compact) amino JSON in UTF-8, the form
     * the Ledger Cosmos app signs. Digest: sha256 of the payload (keccak256 on eth_secp256k1 chains).
     */
    COSMOS_AMINO_JSON(KeyType.SECP256K1, true),
    /**
     * A protobuf-serialized Cosmos SDK {@code SignDoc} (SIGN_MODE_DIRECT). Digest: sha256 of the
     * payload (keccak256 on eth_secp256k1 chains).
     */
    COSMOS_SIGN_DOC_DIRECT(KeyType.SECP256K1, true);

    private final KeyType keyType;
    private final boolean digestRequired;

    Kind(KeyType keyType, boolean digestRequired) {
      this.keyType = keyType;
      this.digestRequired = digestRequired;
    }

    /** Whether a signer with this key type may be asked to sign this kind. */
    public boolean appliesTo(KeyType type) {
      return keyType == null || keyType == type;
    }

    /** Whether requests of this kind always carry a 32-byte digest. */
    public boolean digestRequired() {
      return digestRequired;
    }
  }

  private final Kind kind;
  private final byte[] payload;
  private final byte[] digest; // null when absent

  private SignRequest(Kind kind, byte[] payload, byte[] digest) {
    this.kind = kind;
    this.payload = payload;
    this.digest = digest;
  }

  /** A request to sign a raw 32-byte secp256k1 prehash. */
  public static SignRequest digest(byte[] digest32) {
    byte[] d = checkDigest(digest32);
    return new SignRequest(Kind.DIGEST, d, d);
  }

  /** A request to sign raw bytes (Ed25519, or a device that hashes itself). */
  public static SignRequest message(byte[] message) {
    return of(Kind.MESSAGE, message, null);
  }

  /** A request of a kind that carries no digest ({@link Kind#MESSAGE}, {@link Kind#SOLANA_MESSAGE}). */
  public static SignRequest of(Kind kind, byte[] payload) {
    return of(kind, payload, null);
  }

  /**
   * A request of any kind.
   *
   * @param kind what the payload is
   * @param payload the bytes in the form {@code kind} defines (may be empty only for messages)
   * @param digest32 the 32-byte digest, required for secp256k1 kinds; optional for {@link
   *     Kind#MESSAGE}; must be {@code null} for Ed25519-only kinds; for {@link Kind#DIGEST} it must
   *     equal the payload or be {@code null}
   * @throws SignerException (INVALID_REQUEST) naming the offending field
   */
  public static SignRequest of(Kind kind, byte[] payload, byte[] digest32) {
    if (kind == null) {
      throw invalid("kind", "is null");
    }
    if (payload == null) {
      throw invalid("payload", "is null");
    }
    if (kind == Kind.DIGEST) {
      byte[] d = checkDigest(payload);
      if (digest32 != null && !Arrays.equals(d, digest32)) {
        throw invalid("digest", "differs from the payload of a DIGEST request");
      }
      return new SignRequest(kind, d, d);
    }
    byte[] d = null;
    if (digest32 != null) {
      if (kind.keyType == KeyType.ED25519) {
        throw invalid("digest", "must be absent for " + kind + " (Ed25519 signs the payload itself)");
      }
      d = checkDigest(digest32);
    } else if (kind.digestRequired) {
      throw invalid("digest", "is required for " + kind);
    }
    switch (kind) {
      case EVM_TRANSACTION:
      case COSMOS_AMINO_JSON:
      case COSMOS_SIGN_DOC_DIRECT:
      case SOLANA_MESSAGE:
        if (payload.length == 0) {
          throw invalid("payload", "is empty for " + kind);
        }
        break;
      case EVM_TYPED_DATA:
        if (payload.length != 66) {
          throw invalid("payload", "EIP-712 payload has " + payload.length + " bytes, expected 66");
        }
        if (payload[0] != 0x19 || payload[1] != 0x01) {
          throw invalid("payload", "EIP-712 payload does not start with 0x1901");
        }
        break;
      case EVM_AUTHORIZATION:
        if (payload.length < 2 || payload[0] != 0x05) {
          throw invalid("payload", "EIP-7702 authorization payload must be 0x05 || rlp([chainId, address, nonce])");
        }
        break;
      default:
        break;
    }
    return new SignRequest(kind, payload.clone(), d);
  }

  private static byte[] checkDigest(byte[] digest32) {
    if (digest32 == null) {
      throw invalid("digest", "is null");
    }
    if (digest32.length != DIGEST_LENGTH) {
      throw invalid("digest", "has " + digest32.length + " bytes, expected " + DIGEST_LENGTH);
    }
    return digest32.clone();
  }

  private static SignerException invalid(String field, String problem) {
    return new SignerException(SignerException.Reason.INVALID_REQUEST, field, problem);
  }

  /** What the payload is. */
  public Kind kind() {
    return kind;
  }

  /** A copy of the payload. */
  public byte[] payload() {
    return payload.clone();
  }

  /** Length of the payload, without copying it. */
  public int payloadLength() {
    return payload.length;
  }

  /** Whether a digest accompanies the payload. */
  public boolean hasDigest() {
    return digest != null;
  }

  /** A copy of the 32-byte digest, if the request carries one. */
  public Optional<byte[]> digest() {
    return digest == null ? Optional.empty() : Optional.of(digest.clone());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SignRequest)) {
      return false;
    }
    SignRequest r = (SignRequest) o;
    return kind == r.kind && Arrays.equals(payload, r.payload) && Arrays.equals(digest, r.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(payload), Arrays.hashCode(digest));
  }

  /** Kind, payload length and digest; never the payload itself (it can be large). */
  @Override
  public String toString() {
    return "SignRequest{" + kind + ", payload=" + payload.length + " bytes"
        + (digest == null ? "" : ", digest=" + Hex.encode(digest)) + "}";
  }
}
