package dev.cairn.core.signer;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signature produced by a {@link Signer}: 64 bytes (secp256k1: r||s big-endian; Ed25519: R||S as
 * RFC 8032 defines) plus, for secp256k1, the recovery id when the signer knows it.
 *
 * <p>Immutable. The factories check lengths and throw {@link SignerException} (INVALID_REQUEST)
 * otherwise. They do not normalise s: software signers always produce low-s signatures; a backend
 * whose device may return high s (some HSMs) must normalise before returning.
 */
public final class Signature {
  /** Value of {@link #recoveryId()} when it is not known (always for Ed25519). */
  public static final int UNKNOWN_RECOVERY_ID = -1;

  private final KeyType keyType;
  private final byte[] bytes;
  private final int recoveryId;

  private Signature(KeyType keyType, byte[] bytes, int recoveryId) {
    this.keyType = keyType;
    this.bytes = bytes;
    this.recoveryId = recoveryId;
  }

  /**
   * A secp256k1 signature.
   *
   * @param rs 64 bytes r||s
   * @param recoveryId 0..3, or {@link #UNKNOWN_RECOVERY_ID}
   */
  public static Signature secp256k1(byte[] rs, int recoveryId) {
    check(KeyType.SECP256K1, rs);
    if (recoveryId < UNKNOWN_RECOVERY_ID || recoveryId > 3) {
      throw new SignerException(
          SignerException.Reason.INVALID_REQUEST, "recoveryId", "is " + recoveryId + ", expected 0..3 or -1");
    }
    return new Signature(KeyType.SECP256K1, rs.clone(), recoveryId);
  }

  /** A secp256k1 signature from an {@link EcdsaSignature} (its recovery id is kept, -1 if unknown). */
  public static Signature secp256k1(EcdsaSignature signature) {
    if (signature == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "signature", "is null");
    }
    return new Signature(KeyType.SECP256K1, signature.toCompact(), signature.recoveryId());
  }

  /**
   * A secp256k1 signature from its 65-byte recoverable form r||s||v, with v the recovery id 0..3.
   */
  public static Signature secp256k1Recoverable(byte[] rsv) {
    if (rsv == null || rsv.length != 65) {
      throw new SignerException(
          SignerException.Reason.INVALID_REQUEST,
          "signature",
          "recoverable signature has " + (rsv == null ? "no" : String.valueOf(rsv.length)) + " bytes, expected 65");
    }
    return secp256k1(Arrays.copyOf(rsv, 64), rsv[64]);
  }

  /** An Ed25519 signature (64 bytes). */
  public static Signature ed25519(byte[] signature) {
    check(KeyType.ED25519, signature);
    return new Signature(KeyType.ED25519, signature.clone(), UNKNOWN_RECOVERY_ID);
  }

  private static void check(KeyType type, byte[] sig) {
    if (sig == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "signature", "is null");
    }
    if (sig.length != type.signatureLength()) {
      throw new SignerException(
          SignerException.Reason.INVALID_REQUEST,
          "signature",
          type + " signature has " + sig.length + " bytes, expected " + type.signatureLength());
    }
  }

  /** Which scheme made this signature. */
  public KeyType keyType() {
    return keyType;
  }

  /** A copy of the 64 signature bytes (secp256k1: r||s; Ed25519: R||S). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The secp256k1 recovery id 0..3, or {@link #UNKNOWN_RECOVERY_ID}. */
  public int recoveryId() {
    return recoveryId;
  }

  /** Whether {@link #recoveryId()} is known. */
  public boolean hasRecoveryId() {
    return recoveryId >= 0;
  }

  /**
   * The 65-byte form r||s||recoveryId (secp256k1 with a known recovery id).
   *
   * @throws SignerException (INVALID_REQUEST) for Ed25519 or an unknown recovery id
   */
  public byte[] toRecoverable() {
    if (keyType != KeyType.SECP256K1 || recoveryId < 0) {
      throw new SignerException(
          SignerException.Reason.INVALID_REQUEST,
          "recoveryId",
          keyType == KeyType.SECP256K1 ? "is unknown" : "does not exist for " + keyType);
    }
    byte[] out = Arrays.copyOf(bytes, 65);
    out[64] = (byte) recoveryId;
    return out;
  }

  /**
   * This secp256k1 signature as an {@link EcdsaSignature}, e.g. to verify or recover with {@link
   * dev.cairn.core.crypto.Secp256k1PublicKey}.
   *
   * @throws SignerException (INVALID_REQUEST) for an Ed25519 signature
   */
  public EcdsaSignature toEcdsaSignature() {
    if (keyType != KeyType.SECP256K1) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "signature", "is " + keyType + ", not ECDSA");
    }
    return recoveryId >= 0 ? EcdsaSignature.fromCompact(toRecoverable()) : EcdsaSignature.fromCompact(bytes);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Signature)) {
      return false;
    }
    Signature s = (Signature) o;
    return keyType == s.keyType && recoveryId == s.recoveryId && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyType, recoveryId, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "Signature{" + keyType + ", " + Hex.encode(bytes)
        + (recoveryId >= 0 ? ", recoveryId=" + recoveryId : "") + "}";
  }
}
