/**
 * Hash functions: Keccak-256 (one-shot and incremental), SHA-2, RIPEMD-160, HASH160, HMAC and
 * PBKDF2.
 *
 * <pre>{@code
 * byte[] keccak = Keccak256.hash(data);
 * byte[] sha = Hashes.sha256(data);
 * byte[] bitcoinId = Hashes.hash160(data);                      // RIPEMD-160(SHA-256(data))
 * }</pre>
 */
package dev.cairn.core.hash;
