package dev.cairn.core.hd;

/**
 * A serialized BIP-32 extended key ({@code xprv}/{@code xpub}/{@code tprv}/{@code tpub}) is
 * malformed. {@link #reason()} says how. The message never contains the key.
 */
public final class ExtendedKeyException extends HdWalletException {
  private static final long serialVersionUID = 1L;

  /** Why an extended key was rejected. */
  public enum Reason {
    /** Not valid Base58 (a character outside the alphabet). */
    ENCODING,
    /** The decoded payload is not 78 bytes plus a 4-byte checksum. */
    LENGTH,
    /** The Base58Check checksum does not match. */
    CHECKSUM,
    /** The 4-byte version is none of the known xprv/xpub/tprv/tpub versions. */
    UNKNOWN_VERSION,
    /** A private version with public key data, or a public version with private key data. */
    VERSION_KEY_MISMATCH,
    /** The key data starts with a byte that fits neither a private (00) nor a public (02/03) key. */
    INVALID_KEY_PREFIX,
    /** Depth 0 (a master key) with a non-zero parent fingerprint. */
    ZERO_DEPTH_PARENT_FINGERPRINT,
    /** Depth 0 (a master key) with a non-zero child number. */
    ZERO_DEPTH_CHILD_NUMBER,
    /** The private key is 0 or not below the curve order n. */
    PRIVATE_KEY_OUT_OF_RANGE,
    /** The public key is not a point on secp256k1. */
    INVALID_PUBLIC_KEY
  }

  private final Reason reason;

  /** Creates the exception; the message must not contain key material. */
  public ExtendedKeyException(Reason reason, String message) {
    super("extended key: " + message);
    this.reason = reason;
  }

  /** Creates the exception with a cause; the message must not contain key material. */
  public ExtendedKeyException(Reason reason, String message, Throwable cause) {
    super("extended key: " + message, cause);
    this.reason = reason;
  }

  /** Why the key was rejected. */
  public Reason reason() {
    return reason;
  }
}
