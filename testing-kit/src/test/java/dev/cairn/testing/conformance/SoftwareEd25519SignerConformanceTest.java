package dev.cairn.testing.conformance;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import java.util.Optional;

/** sdk-core's in-memory Ed25519 signer passes the signer conformance suite. */
class SoftwareEd25519SignerConformanceTest extends SignerConformance {
  private static final byte[] SEED = Keccak256.hash("conformance ed25519".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Override
  protected Signer createSigner() {
    return Signers.software(Ed25519PrivateKey.fromSeed(SEED));
  }

  @Override
  protected Optional<byte[]> secret() {
    return Optional.of(SEED.clone());
  }
}
