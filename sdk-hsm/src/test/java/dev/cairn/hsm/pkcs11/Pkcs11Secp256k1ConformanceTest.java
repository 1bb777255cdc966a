package dev.cairn.hsm.pkcs11;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signer;
import dev.cairn.testing.conformance.SignerConformance;

/** The testing kit's signer suite over a secp256k1 key in SoftHSM2 (ECDSA there uses random nonces). */
class Pkcs11Secp256k1ConformanceTest extends SignerConformance {
  private static String label;

  @Override
  protected synchronized Signer createSigner() {
    if (label == null) {
      label = SoftHsm.uniqueLabel("conf-k1");
      Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.SECP256K1, label), SoftHsm.pin()).close();
    }
    return Pkcs11Signer.open(SoftHsm.config().withPoolSize(2), Pkcs11Key.byLabel(KeyType.SECP256K1, label), SoftHsm.pin());
  }

  @Override
  protected boolean deterministic() {
    return false;
  }
}
