package dev.cairn.hsm.pkcs11;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.signer.KeyType;

/** Test access to the package-private parsers of {@link Pkcs11Signer} (for the fuzz targets). */
public final class Pkcs11Parsers {
  private Pkcs11Parsers() {}

  /** {@code CKA_EC_POINT} (DER OCTET STRING or bare point) to the signer's public key form. */
  public static byte[] publicKeyFromEcPoint(KeyType type, byte[] point) {
    return Pkcs11Signer.publicKeyFromEcPoint(type, point);
  }

  /** A CKM_ECDSA output (r || s or DER) as a low-s signature. */
  public static EcdsaSignature toLowS(byte[] signature) {
    return Pkcs11Signer.toLowS(signature);
  }
}
