/**
 * Keys and signatures: secp256k1 (RFC 6979, low s, the recovery id computed while signing) over a
 * pluggable backend, and Ed25519. Key types validate their input and throw {@link
 * dev.cairn.core.crypto.CryptoException}.
 *
 * <pre>{@code
 * Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
 * byte[] digest = Keccak256.hash(message);
 * EcdsaSignature sig = key.sign(digest);                        // RFC 6979, low s, recovery id
 * boolean ok = key.publicKey().verifyStrict(digest, sig);
 * String backend = Secp256k1.backendName();                     // "libsecp256k1" or "java"
 * }</pre>
 */
package dev.cairn.core.crypto;
