package dev.cairn.core.signer;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a chain adapter and a policy may know about a {@link Signer} without holding it: the key
 * type, the public key, the request kinds it signs, and where the key lives — the backend ({@code
 * "software"}, {@code "ledger"}, {@code "pkcs11"}, ...), a key id or label, the derivation path.
 * Never a secret.
 *
 * <p>Chain adapters build with descriptors (a Cosmos {@code AuthInfo} holds the public key and a
 * sign mode chosen from {@link #supportedKinds()}), so a transaction can be built on a machine that
 * does not hold the key. Immutable; the public key is copied in and out.
 *
 * <pre>{@code
 * SignerDescriptor d = SignerDescriptor.of(KeyType.SECP256K1, publicKey,
 *         Set.of(SignRequest.Kind.COSMOS_AMINO_JSON))
 *     .withBackend("ledger").withDerivationPath("m/44'/118'/0'/0/0");
 * }</pre>
 */
public final class SignerDescriptor {
  /** Backend name of descriptors that do not set one. */
  public static final String UNSPECIFIED_BACKEND = "unspecified";

  private static final int MAX_TEXT = 256;

  private final KeyType keyType;
  private final byte[] publicKey;
  private final Set<SignRequest.Kind> kinds;
  private final String backend;
  private final String keyId;
  private final String derivationPath;

  private SignerDescriptor(KeyType keyType, byte[] publicKey, Set<SignRequest.Kind> kinds, String backend,
      String keyId, String derivationPath) {
    this.keyType = keyType;
    this.publicKey = publicKey;
    this.kinds = kinds;
    this.backend = backend;
    this.keyId = keyId;
    this.derivationPath = derivationPath;
  }

  /**
   * A descriptor with backend {@value #UNSPECIFIED_BACKEND}, no key id and no path.
   *
   * @throws SignerException (INVALID_REQUEST) naming the field: null arguments, a public key of the
   *     wrong length, a kind the key type cannot sign
   */
  public static SignerDescriptor of(KeyType keyType, byte[] publicKey, Set<SignRequest.Kind> supportedKinds) {
    if (keyType == null) {
      throw invalid("keyType", "is null");
    }
    if (publicKey == null || publicKey.length != keyType.publicKeyLength()) {
      throw invalid("publicKey", (publicKey == null ? "is null" : "has " + publicKey.length + " bytes")
          + ", expected " + keyType.publicKeyLength() + " for " + keyType);
    }
    if (supportedKinds == null) {
      throw invalid("supportedKinds", "is null");
    }
    EnumSet<SignRequest.Kind> k = EnumSet.noneOf(SignRequest.Kind.class);
    for (SignRequest.Kind kind : supportedKinds) {
      if (kind == null) {
        throw invalid("supportedKinds", "contains null");
      }
      if (!kind.appliesTo(keyType)) {
        throw invalid("supportedKinds", kind + " cannot be signed with a " + keyType + " key");
      }
      k.add(kind);
    }
    return new SignerDescriptor(keyType, publicKey.clone(), Collections.unmodifiableSet(k), UNSPECIFIED_BACKEND,
        null, null);
  }

  /** The descriptor of a signer built from its {@link Signer#keyType()}, {@link Signer#publicKey()} and {@link Signer#supports}. */
  public static SignerDescriptor describe(Signer signer) {
    if (signer == null) {
      throw invalid("signer", "is null");
    }
    EnumSet<SignRequest.Kind> k = EnumSet.noneOf(SignRequest.Kind.class);
    for (SignRequest.Kind kind : SignRequest.Kind.values()) {
      if (signer.supports(kind)) {
        k.add(kind);
      }
    }
    return of(signer.keyType(), signer.publicKey(), k);
  }

  /** A copy naming the backend, e.g. {@code "software"}, {@code "ledger"}, {@code "pkcs11"}. */
  public SignerDescriptor withBackend(String name) {
    return new SignerDescriptor(keyType, publicKey, kinds, text("backend", name), keyId, derivationPath);
  }

  /** A copy with a key id or label (an HSM object label, a KMS key id); never a secret. */
  public SignerDescriptor withKeyId(String id) {
    return new SignerDescriptor(keyType, publicKey, kinds, backend, text("keyId", id), derivationPath);
  }

  /** A copy with the BIP-32 / SLIP-10 derivation path as text, e.g. {@code m/44'/60'/0'/0/0}. */
  public SignerDescriptor withDerivationPath(String path) {
    String p = text("derivationPath", path);
    if (!p.equals("m") && !p.startsWith("m/")) {
      throw invalid("derivationPath", "must start with m/");
    }
    for (int i = 1; i < p.length(); i++) {
      char c = p.charAt(i);
      if (!(c == '/' || c == '\'' || c == 'h' || (c >= '0' && c <= '9'))) {
        throw invalid("derivationPath", "has an unexpected character at offset " + i);
      }
    }
    return new SignerDescriptor(keyType, publicKey, kinds, backend, keyId, p);
  }

  private static String text(String field, String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_TEXT) {
      throw invalid(field, "is null, empty or longer than " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw invalid(field, "has a control character at offset " + i);
      }
    }
    return value;
  }

  private static SignerException invalid(String field, String problem) {
    return new SignerException(SignerException.Reason.INVALID_REQUEST, field, problem);
  }

  /** The key's signature scheme. */
  public KeyType keyType() {
    return keyType;
  }

  /** A copy of the public key (33-byte compressed secp256k1 or 32-byte Ed25519). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The request kinds the signer signs (unmodifiable). */
  public Set<SignRequest.Kind> supportedKinds() {
    return kinds;
  }

  /** Whether the signer signs {@code kind}. */
  public boolean supports(SignRequest.Kind kind) {
    return kind != null && kinds.contains(kind);
  }

  /** The backend's name, {@value #UNSPECIFIED_BACKEND} when not set. */
  public String backend() {
    return backend;
  }

  /** The key id or label, if the backend has one. */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  /** The derivation path, if the key was derived. */
  public Optional<String> derivationPath() {
    return Optional.ofNullable(derivationPath);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SignerDescriptor)) {
      return false;
    }
    SignerDescriptor d = (SignerDescriptor) o;
    return keyType == d.keyType && Arrays.equals(publicKey, d.publicKey) && kinds.equals(d.kinds)
        && backend.equals(d.backend) && Objects.equals(keyId, d.keyId) && Objects.equals(derivationPath, d.derivationPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyType, Arrays.hashCode(publicKey), kinds, backend, keyId, derivationPath);
  }

  /** Backend, key type, public key (public), key id and path; never key material. */
  @Override
  public String toString() {
    return "SignerDescriptor{" + backend + ", " + keyType.name().toLowerCase(Locale.ROOT) + ", publicKey="
        + Hex.encode(publicKey) + (keyId == null ? "" : ", keyId=" + keyId)
        + (derivationPath == null ? "" : ", path=" + derivationPath) + ", kinds=" + kinds + "}";
  }
}
