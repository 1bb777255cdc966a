package dev.cairn.hsm.pkcs11;

import dev.cairn.core.signer.SignerException;
import java.time.Duration;

/**
 * Where a PKCS#11 key lives and how it is used: the module (shared library), the token label, the
 * size of the session pool and how long a signing call waits for a free session. Holds no PIN: the
 * PIN comes from a source given to {@link Pkcs11Signer#open}. Immutable.
 *
 * <pre>{@code
 * Pkcs11Config c = Pkcs11Config.of("/usr/lib/softhsm/libsofthsm2.so", "cairn").withPoolSize(2);
 * }</pre>
 */
public final class Pkcs11Config {
  /** Default number of sessions in the pool. */
  public static final int DEFAULT_POOL_SIZE = 4;
  /** Largest pool accepted. */
  public static final int MAX_POOL_SIZE = 256;
  /** Default wait for a free session. */
  public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

  private final String module;
  private final String tokenLabel;
  private final int poolSize;
  private final Duration acquireTimeout;

  private Pkcs11Config(String module, String tokenLabel, int poolSize, Duration acquireTimeout) {
    this.module = module;
    this.tokenLabel = tokenLabel;
    this.poolSize = poolSize;
    this.acquireTimeout = acquireTimeout;
  }

  /**
   * A configuration with the default pool.
   *
   * @param module path (or linker name) of the PKCS#11 module, e.g. {@code
   *     /usr/lib/softhsm/libsofthsm2.so} or {@code /usr/lib/x86_64-linux-gnu/pkcs11/yubihsm_pkcs11.so}
   * @param tokenLabel the token's label (at most 32 bytes in UTF-8, as CK_TOKEN_INFO holds it)
   * @throws SignerException (INVALID_REQUEST) naming the field
   */
  public static Pkcs11Config of(String module, String tokenLabel) {
    if (module == null || module.isEmpty()) {
      throw invalid("module", "is null or empty");
    }
    if (tokenLabel == null || tokenLabel.isEmpty()) {
      throw invalid("tokenLabel", "is null or empty");
    }
    if (tokenLabel.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 32) {
      throw invalid("tokenLabel", "is longer than 32 bytes in UTF-8");
    }
    return new Pkcs11Config(module, tokenLabel, DEFAULT_POOL_SIZE, DEFAULT_ACQUIRE_TIMEOUT);
  }

  /** A copy with {@code size} sessions (1..{@value #MAX_POOL_SIZE}). */
  public Pkcs11Config withPoolSize(int size) {
    if (size < 1 || size > MAX_POOL_SIZE) {
      throw invalid("poolSize", "is " + size + ", expected 1.." + MAX_POOL_SIZE);
    }
    return new Pkcs11Config(module, tokenLabel, size, acquireTimeout);
  }

  /** A copy waiting at most {@code timeout} (positive) for a free session. */
  public Pkcs11Config withAcquireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw invalid("acquireTimeout", "is null, zero or negative");
    }
    return new Pkcs11Config(module, tokenLabel, poolSize, timeout);
  }

  private static SignerException invalid(String field, String problem) {
    return new SignerException(SignerException.Reason.INVALID_REQUEST, field, problem);
  }

  /** The module path. */
  public String module() {
    return module;
  }

  /** The token label. */
  public String tokenLabel() {
    return tokenLabel;
  }

  /** Sessions in the pool. */
  public int poolSize() {
    return poolSize;
  }

  /** The wait for a free session. */
  public Duration acquireTimeout() {
    return acquireTimeout;
  }

  @Override
  public String toString() {
    return "Pkcs11Config{module=" + module + ", token=" + tokenLabel + ", pool=" + poolSize
        + ", acquireTimeout=" + acquireTimeout + "}";
  }
}
