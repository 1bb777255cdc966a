/**
 * A {@link dev.cairn.core.signer.Signer} for keys held in a PKCS#11 token (an HSM, SoftHSM2, a
 * YubiHSM 2 through its module): secp256k1 ({@code CKM_ECDSA}, low s, recovery id) and Ed25519
 * ({@code CKM_EDDSA}), with a bounded session pool, re-login after a token reset and the PIN taken
 * from the caller's source and never stored. Needs jnr-ffi on the class path.
 *
 * <pre>{@code
 * Pkcs11Config config = Pkcs11Config.of("/usr/lib/softhsm/libsofthsm2.so", "cairn").withPoolSize(2);
 * try (Pkcs11Signer signer = Pkcs11Signer.open(config,
 *     Pkcs11Key.generate(KeyType.SECP256K1, "evm-hot-1"), pinSource)) {
 *   Signature sig = signer.sign(SignRequest.digest(digest32));
 *   byte[] rsv = sig.toRecoverable(); // low s, recovery id found against CKA_EC_POINT
 * }
 * }</pre>
 */
package dev.cairn.hsm.pkcs11;
