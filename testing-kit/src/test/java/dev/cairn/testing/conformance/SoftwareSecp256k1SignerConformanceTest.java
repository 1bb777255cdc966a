package dev.cairn.testing.conformance;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import java.util.Optional;

/** sdk-core's in-memory secp256k1 signer passes the signer conformance suite. */
class SoftwareSecp256k1SignerConformanceTest extends SignerConformance {
  private static final byte[] KEY = Keccak256.hash("conformance secp256k1".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Override
  protected Signer createSigner() {
    return Signers.software(Secp256k1PrivateKey.of(KEY));
  }

  @Override
  protected Optional<byte[]> secret() {
    return Optional.of(KEY.clone());
  }
}
