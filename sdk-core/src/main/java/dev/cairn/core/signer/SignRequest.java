package dev.cairn.core.signer;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Signer} is asked to sign: a {@link Kind}, the signing account, the payload in the
 * form the kind defines, and — for secp256k1 kinds — the 32-byte digest, which the factories
 * <em>compute</em> from the payload with the hash the kind fixes.
 *
 * <p>Why both payload and digest: a software key or an HSM signs the digest, but a hardware wallet
 * such as a Ledger must be given the whole payload (the unsigned transaction, the message, the typed
 * data) so that it can show it to the user and hash it itself. Because the digest is always the hash
 * of the payload, a policy that approves the payload has approved exactly what any signer signs: a
 * caller-supplied digest that differs from the payload's hash is refused.
 *
 * <p>Every chain kind names the signing {@link AccountId} (and so its CAIP-2 chain), which must be on
 * the kind's chain family; only the raw kinds {@link Kind#DIGEST} and {@link Kind#MESSAGE} may go
 * without one.
 *
 * <p>Immutable; arrays are copied on the way in and out. Validation happens in the factories and
 * throws {@link SignerException} with reason {@link SignerException.Reason#INVALID_REQUEST} naming
 * the field.
 *
 * <pre>{@code
 * SignRequest r = SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, account, unsignedRlp);
 * byte[] digest = r.digest().get();   // keccak256(unsignedRlp), computed once
 * }</pre>
 */
public final class SignRequest {

  /** Length of a secp256k1 prehash. */
  public static final int DIGEST_LENGTH = 32;

  /** Longest {@link #document()} accepted, in characters (EIP-712 JSON). */
  public static final int MAX_DOCUMENT_LENGTH = 1 << 20;

  private static final byte[] PERSONAL_PREFIX =
      "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  /** How a kind's digest is derived from its payload. */
  public enum DigestAlgorithm {
    /** No digest: the signer signs the payload itself (Ed25519, raw messages). */
    NONE,
    /** The payload is the 32-byte digest. */
    IDENTITY,
    /** keccak256 of the payload. */
    KECCAK256,
    /** keccak256 of the EIP-191 prefix, the decimal length and the payload. */
    EIP191_KECCAK256,
    /** SHA-256 of the payload. */
    SHA256
  }

  /**
   * Kinds of signing requests. Each kind fixes the payload format, the key type, the chain family
   * of the signing account, and the digest algorithm.
   */
  public enum Kind {
    /** A raw 32-byte prehash (secp256k1). The payload is the digest itself. Account optional. */
    DIGEST(KeyType.SECP256K1, null, DigestAlgorithm.IDENTITY),
    /**
     * Raw bytes signed as they are: the message for Ed25519, or input for devices that hash
     * themselves. No digest. Account optional.
     */
    MESSAGE(null, null, DigestAlgorithm.NONE),
    /**
     * An unsigned EVM transaction: the RLP of a legacy (EIP-155) transaction or the typed envelope
     * {@code type || rlp(fields)} (EIP-2718). Digest: keccak256 of the payload.
     */
    EVM_TRANSACTION(KeyType.SECP256K1, ChainFamily.EVM, DigestAlgorithm.KECCAK256),
    /**
     * An EIP-191 {@code personal_sign} message, without the prefix. Digest: keccak256 of {@code
     * "\x19Ethereum Signed Message:\n" + len + message}.
     */
    EVM_PERSONAL_MESSAGE(KeyType.SECP256K1, ChainFamily.EVM, DigestAlgorithm.EIP191_KECCAK256),
    /**
     * EIP-712 typed data in "hashed" form: exactly the 66 bytes {@code 0x19 0x01 ||
     * domainSeparator || hashStruct(message)}. Digest: keccak256 of the payload. Prefer {@link
     * #EVM_TYPED_DATA_JSON}, which a device can show.
     */
    EVM_TYPED_DATA(KeyType.SECP256K1, ChainFamily.EVM, DigestAlgorithm.KECCAK256),
    /**
     * Full EIP-712 typed data: the payload is the 66-byte preimage as for {@link #EVM_TYPED_DATA}
     * and {@link #document()} is the {@code eth_signTypedData_v4} JSON it was computed from, for
     * display. Digest: keccak256 of the payload. sdk-core checks the digest; the JSON's
     * consistency with the preimage is checked where the ABI code lives (sdk-evm's {@code
     * EvmSigning.typedDataJsonRequest} builds such requests, its inspector re-checks them).
     */
    EVM_TYPED_DATA_JSON(KeyType.SECP256K1, ChainFamily.EVM, DigestAlgorithm.KECCAK256),
    /**
     * An EIP-7702 authorization: the preimage {@code 0x05 || rlp([chainId, address, nonce])}.
     * Digest: keccak256 of the payload.
     */
    EVM_AUTHORIZATION(KeyType.SECP256K1, ChainFamily.EVM, DigestAlgorithm.KECCAK256),
    /** A serialized Solana transaction message (legacy or v0). Ed25519 signs it as it is. */
    SOLANA_MESSAGE(KeyType.ED25519, ChainFamily.SVM, DigestAlgorithm.NONE),
    /**
     * A Cosmos SDK {@code StdSignDoc} as canonical (sorted, compact) amino JSON in UTF-8
     * (SIGN_MODE_LEGACY_AMINO_JSON, the form the Ledger Cosmos app signs). Digest: sha256.
     */
    COSMOS_AMINO_JSON(KeyType.SECP256K1, ChainFamily.COSMOS, DigestAlgorithm.SHA256),
    /** A protobuf-serialized Cosmos SDK {@code SignDoc} (SIGN_MODE_DIRECT). Digest: sha256. */
    COSMOS_SIGN_DOC_DIRECT(KeyType.SECP256K1, ChainFamily.COSMOS, DigestAlgorithm.SHA256),
    /**
     * As {@link #COSMOS_AMINO_JSON}, on Ethermint chains whose accounts use {@code eth_secp256k1}
     * (Evmos, Injective, Cronos...): digest keccak256.
     */
    COSMOS_AMINO_JSON_KECCAK(KeyType.SECP256K1, ChainFamily.COSMOS, DigestAlgorithm.KECCAK256),
    /** As {@link #COSMOS_SIGN_DOC_DIRECT}, on Ethermint ({@code eth_secp256k1}) chains: keccak256. */
    COSMOS_SIGN_DOC_DIRECT_KECCAK(KeyType.SECP256K1, ChainFamily.COSMOS, DigestAlgorithm.KECCAK256);

    private final KeyType keyType;
    private final ChainFamily family;
    private final DigestAlgorithm digestAlgorithm;

    Kind(KeyType keyType, ChainFamily family, DigestAlgorithm digestAlgorithm) {
      this.keyType = keyType;
      this.family = family;
      this.digestAlgorithm = digestAlgorithm;
    }

    /** Whether a signer with this key type may be asked to sign this kind. */
    public boolean appliesTo(KeyType type) {
      return keyType == null || keyType == type;
    }

    /** Whether requests of this kind always carry a 32-byte digest. */
    public boolean digestRequired() {
      return digestAlgorithm != DigestAlgorithm.NONE;
    }

    /** How the digest is derived from the payload. */
    public DigestAlgorithm digestAlgorithm() {
      return digestAlgorithm;
    }

    /** The chain family of the signing account; empty for the raw kinds DIGEST and MESSAGE. */
    public Optional<ChainFamily> family() {
      return Optional.ofNullable(family);
    }

    /** Whether requests of this kind must name the signing account (every chain kind). */
    public boolean accountRequired() {
      return family != null;
    }
  }

  private final Kind kind;
  private final AccountId account; // null only for raw kinds
  private final byte[] payload;
  private final byte[] digest; // null when the kind has none
  private final String document; // EVM_TYPED_DATA_JSON only

  private SignRequest(Kind kind, AccountId account, byte[] payload, byte[] digest, String document) {
    this.kind = kind;
    this.account = account;
    this.payload = payload;
    this.digest = digest;
    this.document = document;
  }

  /** A request to sign a raw 32-byte secp256k1 prehash, for no particular account. */
  public static SignRequest digest(byte[] digest32) {
    return of(Kind.DIGEST, null, digest32);
  }

  /** A request to sign raw bytes (Ed25519, or a device that hashes itself), for no particular account. */
  public static SignRequest message(byte[] message) {
    return of(Kind.MESSAGE, null, message);
  }

  /**
   * A request of any kind but {@link Kind#EVM_TYPED_DATA_JSON}; the digest is computed from the
   * payload.
   *
   * @param account the signing account; required for chain kinds (on the kind's family), may be
   *     {@code null} for DIGEST and MESSAGE
   * @throws SignerException (INVALID_REQUEST) naming the offending field
   */
  public static SignRequest of(Kind kind, AccountId account, byte[] payload) {
    if (kind == Kind.EVM_TYPED_DATA_JSON) {
      throw invalid("document", "an EVM_TYPED_DATA_JSON request needs its JSON: use typedDataJson(...)");
    }
    return create(kind, account, payload, null, null);
  }

  /**
   * As {@link #of(Kind, AccountId, byte[])}, checking that {@code expectedDigest} is the hash of
   * the payload (for callers that hold a digest computed elsewhere and want that checked).
   *
   * @throws SignerException (INVALID_REQUEST, field {@code digest}) when it differs
   */
  public static SignRequest of(Kind kind, AccountId account, byte[] payload, byte[] expectedDigest) {
    if (kind == Kind.EVM_TYPED_DATA_JSON) {
      throw invalid("document", "an EVM_TYPED_DATA_JSON request needs its JSON: use typedDataJson(...)");
    }
    return create(kind, account, payload, expectedDigest, null);
  }

  /**
   * A full EIP-712 request: the 66-byte preimage {@code 0x1901 || domainSeparator || hashStruct}
   * and the {@code eth_signTypedData_v4} JSON it came from. Only the digest is checked here; build
   * these with sdk-evm's {@code EvmSigning.typedDataJsonRequest}, which checks the JSON against
   * the preimage.
   */
  public static SignRequest typedDataJson(AccountId account, byte[] preimage66, String json) {
    if (json == null || json.isEmpty()) {
      throw invalid("document", "is null or empty");
    }
    if (json.length() > MAX_DOCUMENT_LENGTH) {
      throw invalid("document", "has " + json.length() + " characters, at most " + MAX_DOCUMENT_LENGTH);
    }
    return create(Kind.EVM_TYPED_DATA_JSON, account, preimage66, null, json);
  }

  private static SignRequest create(Kind kind, AccountId account, byte[] payload, byte[] expected, String document) {
    if (kind == null) {
      throw invalid("kind", "is null");
    }
    if (payload == null) {
      throw invalid("payload", "is null");
    }
    if (account == null) {
      if (kind.accountRequired()) {
        throw invalid("account", "is required for " + kind);
      }
    } else if (kind.family != null && !kind.family.equals(account.chainId().family().orElse(null))) {
      throw invalid("account", "is on " + account.chainId() + ", not a " + kind.family + " chain as " + kind + " needs");
    }
    checkPayload(kind, payload);
    byte[] p = payload.clone();
    byte[] d = computeDigest(kind.digestAlgorithm, p);
    if (expected != null) {
      if (d == null) {
        throw invalid("digest", "must be absent for " + kind + " (it has no digest)");
      }
      if (!Arrays.equals(d, expected)) {
        throw invalid("digest", "is not the " + kind.digestAlgorithm + " hash of the payload");
      }
    }
    return new SignRequest(kind, account, p, d, document);
  }

  private static void checkPayload(Kind kind, byte[] payload) {
    switch (kind) {
      case DIGEST:
        if (payload.length != DIGEST_LENGTH) {
          throw invalid("digest", "has " + payload.length + " bytes, expected " + DIGEST_LENGTH);
        }
        break;
      case EVM_TRANSACTION:
      case COSMOS_AMINO_JSON:
      case COSMOS_SIGN_DOC_DIRECT:
      case COSMOS_AMINO_JSON_KECCAK:
      case COSMOS_SIGN_DOC_DIRECT_KECCAK:
      case SOLANA_MESSAGE:
        if (payload.length == 0) {
          throw invalid("payload", "is empty for " + kind);
        }
        break;
      case EVM_TYPED_DATA:
      case EVM_TYPED_DATA_JSON:
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
  }

  private static byte[] computeDigest(DigestAlgorithm algorithm, byte[] payload) {
    switch (algorithm) {
      case IDENTITY:
        return payload;
      case KECCAK256:
        return Keccak256.hash(payload);
      case EIP191_KECCAK256:
        byte[] len = Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII);
        return Keccak256.create().update(PERSONAL_PREFIX).update(len).update(payload).digest();
      case SHA256:
        return Hashes.sha256(payload);
      default:
        return null;
    }
  }

  private static SignerException invalid(String field, String problem) {
    return new SignerException(SignerException.Reason.INVALID_REQUEST, field, problem);
  }

  /** What the payload is. */
  public Kind kind() {
    return kind;
  }

  /** The signing account (with its CAIP-2 chain); empty only for raw DIGEST and MESSAGE requests. */
  public Optional<AccountId> account() {
    return Optional.ofNullable(account);
  }

  /** A copy of the payload. */
  public byte[] payload() {
    return payload.clone();
  }

  /** Length of the payload, without copying it. */
  public int payloadLength() {
    return payload.length;
  }

  /** Whether a digest accompanies the payload (every kind whose algorithm is not NONE). */
  public boolean hasDigest() {
    return digest != null;
  }

  /** A copy of the 32-byte digest, if the kind has one. */
  public Optional<byte[]> digest() {
    return digest == null ? Optional.empty() : Optional.of(digest.clone());
  }

  /** The human-readable document the payload was computed from: the EIP-712 JSON of {@link Kind#EVM_TYPED_DATA_JSON}. */
  public Optional<String> document() {
    return Optional.ofNullable(document);
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
    return kind == r.kind && Objects.equals(account, r.account) && Arrays.equals(payload, r.payload)
        && Objects.equals(document, r.document);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, account, Arrays.hashCode(payload), document);
  }

  /** Kind, account, payload length and digest; never the payload itself (it can be large). */
  @Override
  public String toString() {
    return "SignRequest{" + kind + (account == null ? "" : ", account=" + account) + ", payload=" + payload.length + " bytes"
        + (digest == null ? "" : ", digest=" + Hex.encode(digest))
        + (document == null ? "" : ", document=" + document.length() + " chars") + "}";
  }
}
