package dev.cairn.core.crypto.spi;

/**
 * Service-provider interface for secp256k1 arithmetic. The SDK ships a pure-Java backend (always
 * available) and the {@code native} module adds one over libsecp256k1. Backends are found with
 * {@link java.util.ServiceLoader}; the available one with the highest {@link #priority()} wins
 * unless the system property {@code cairn.secp256k1.backend} names another.
 *
 * <p>All byte arrays are big-endian. Callers (the SDK's key types) validate lengths and ranges
 * before calling, so implementations may assume: private keys are 32 bytes in [1, n-1]; digests are
 * 32 bytes; {@code rs} is 64 bytes r||s with r and s in [1, n-1]; public keys are SEC1-encoded
 * (33 or 65 bytes) but not necessarily on the curve. Implementations must be thread-safe and must
 * not retain references to the arrays they are given.
 *
 * <p>Every backend must produce byte-identical results: RFC 6979 nonces (HMAC-SHA256, no extra
 * entropy), low-s normalisation, recovery id bit 0 = parity of R.y, bit 1 = R.x &gt;= n.
 */
public interface Secp256k1Backend {

  /** Short stable name, e.g. {@code "java"} or {@code "libsecp256k1"}. */
  String name();

  /** Higher wins when several are available. The pure-Java backend has priority 0. */
  int priority();

  /**
   * Whether the backend can run here (e.g. the native library was found). Must not throw; a
   * backend that is not available is skipped, and {@link #unavailableReason()} says why.
   */
  boolean isAvailable();

  /** Why {@link #isAvailable()} is false (for diagnostics), or {@code null}. */
  default String unavailableReason() {
    return null;
  }

  /** SEC1 public key of a valid private key: 33 bytes if compressed, else 65. */
  byte[] publicKey(byte[] privateKey, boolean compressed);

  /**
   * Deterministic (RFC 6979) recoverable ECDSA signature with low s.
   *
   * @return 65 bytes: r (32) || s (32) || recovery id (0..3), computed while signing
   */
  byte[] signRecoverable(byte[] digest, byte[] privateKey);

  /**
   * Verifies {@code rs} over {@code digest}. Accepts high s (callers that want strict low-s check
   * it first). Returns false, never throws, for a public key that is not a valid curve point.
   */
  boolean verify(byte[] digest, byte[] rs, byte[] publicKey);

  /**
   * Recovers the public key from a signature and its recovery id.
   *
   * @return the SEC1 public key, or {@code null} if no key fits
   */
  byte[] recover(byte[] digest, byte[] rs, int recoveryId, boolean compressed);

  /**
   * Parses and re-serialises a SEC1 public key (validating that it is on the curve).
   *
   * @return the key in the requested form, or {@code null} if it is not a valid point
   */
  byte[] parsePublicKey(byte[] publicKey, boolean compressed);

  /**
   * {@code publicKey + tweak·G} (BIP-32 public derivation).
   *
   * @return the resulting key, or {@code null} if the tweak is &gt;= n or the result is infinity
   */
  byte[] publicKeyTweakAdd(byte[] publicKey, byte[] tweak, boolean compressed);
}
