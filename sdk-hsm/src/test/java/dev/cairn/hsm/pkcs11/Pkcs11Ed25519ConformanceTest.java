package dev.cairn.hsm.pkcs11;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signer;
import dev.cairn.testing.conformance.SignerConformance;

/** The testing kit's signer suite over an Ed25519 key in SoftHSM2. */
class Pkcs11Ed25519ConformanceTest extends SignerConformance {
  private static String label;

  @Override
  protected synchronized Signer createSigner() {
    if (label == null) {
      label = SoftHsm.uniqueLabel("conf-ed");
      Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.ED25519, label), SoftHsm.pin()).close();
    }
    return Pkcs11Signer.open(SoftHsm.config().withPoolSize(2), Pkcs11Key.byLabel(KeyType.ED25519, label), SoftHsm.pin());
  }
}
