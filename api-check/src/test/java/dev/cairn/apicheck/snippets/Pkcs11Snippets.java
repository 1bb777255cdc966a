package dev.cairn.apicheck.snippets;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.hsm.pkcs11.Pkcs11Config;
import dev.cairn.hsm.pkcs11.Pkcs11Key;
import dev.cairn.hsm.pkcs11.Pkcs11Signer;
import java.util.function.Supplier;

/** The package-info example of the pkcs11 stream's package, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class Pkcs11Snippets {
  private Pkcs11Snippets() {}

  static void pkcs11(Supplier<char[]> pinSource, byte[] digest32) {
    // region:dev.cairn.hsm.pkcs11
    Pkcs11Config config = Pkcs11Config.of("/usr/lib/softhsm/libsofthsm2.so", "cairn").withPoolSize(2);
    try (Pkcs11Signer signer = Pkcs11Signer.open(config,
        Pkcs11Key.generate(KeyType.SECP256K1, "evm-hot-1"), pinSource)) {
      Signature sig = signer.sign(SignRequest.digest(digest32));
      byte[] rsv = sig.toRecoverable(); // low s, recovery id found against CKA_EC_POINT
    }
    // endregion
  }
}
