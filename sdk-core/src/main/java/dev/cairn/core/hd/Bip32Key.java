package dev.cairn.core.hd;

import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.ExtendedKeyException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A BIP-32 extended secp256k1 key: a private or public key together with its chain code and its
 * place in the tree (depth, parent fingerprint, child number).
 *
 * <p>Create one from a seed ({@link #fromSeed(byte[])}, e.g. {@link Mnemonic#toSeed(String)}) or
 * from a serialized {@code xprv}/{@code xpub}/{@code tprv}/{@code tpub} ({@link #parse(String)}),
 * then {@link #derive(DerivationPath)}. {@link #neuter()} gives the public-only key, which can
 * still derive non-hardened children.
 *
 * <p>A private extended key is a secret: {@link #destroy()} zeroes its private key and chain code,
 * {@link #toString()} is redacted, and exception messages never show key material. Keys returned
 * by {@link #privateKey()} are independent copies the caller must destroy. Instances are
 * immutable apart from {@code destroy()} and safe to share between threads.
 */
public final class Bip32Key implements Destroyable {
  private static final byte[] BITCOIN_SEED = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
  private static final int PAYLOAD = 78;
  /** Longest Base58 string that can hold 82 bytes; anything longer is rejected before decoding. */
  private static final int MAX_ENCODED = 115;

  /** The version bytes of a serialized extended key, by network. */
  public enum Network {
    /** Bitcoin mainnet versions: {@code xprv} 0x0488ADE4, {@code xpub} 0x0488B21E. */
    MAINNET(0x0488ADE4, 0x0488B21E),
    /** Bitcoin testnet versions: {@code tprv} 0x04358394, {@code tpub} 0x043587CF. */
    TESTNET(0x04358394, 0x043587CF);

    private final int privateVersion;
    private final int publicVersion;

    Network(int privateVersion, int publicVersion) {
      this.privateVersion = privateVersion;
      this.publicVersion = publicVersion;
    }

    /** Version of a serialized private key. */
    public int privateVersion() {
      return privateVersion;
    }

    /** Version of a serialized public key. */
    public int publicVersion() {
      return publicVersion;
    }
  }

  private final Network network;
  private final int depth;
  private final int parentFingerprint;
  private final int childNumber;
  private final byte[] chainCode;
  private final Secp256k1PrivateKey privateKey; // null for a public key
  private final Secp256k1PublicKey publicKey;
  private volatile boolean destroyed;

  private Bip32Key(Network network, int depth, int parentFingerprint, int childNumber,
      byte[] chainCode, Secp256k1PrivateKey privateKey, Secp256k1PublicKey publicKey) {
    this.network = network;
    this.depth = depth;
    this.parentFingerprint = parentFingerprint;
    this.childNumber = childNumber;
    this.chainCode = chainCode;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * The master key of {@code seed} for {@link Network#MAINNET}: HMAC-SHA512 with key
   * {@code "Bitcoin seed"}.
   *
   * @param seed 16 to 64 bytes (not retained)
   * @throws HdWalletException if the seed length is out of range, or (probability below
   *     2<sup>-127</sup>) the seed gives an invalid master key, in which case BIP-32 says to use
   *     another seed
   */
  public static Bip32Key fromSeed(byte[] seed) {
    return fromSeed(seed, Network.MAINNET);
  }

  /** Like {@link #fromSeed(byte[])}, serializing with the versions of {@code network}. */
  public static Bip32Key fromSeed(byte[] seed, Network network) {
    Objects.requireNonNull(network, "network");
    checkSeed(seed);
    byte[] i = Hashes.hmacSha512(BITCOIN_SEED, seed);
    byte[] il = Arrays.copyOf(i, 32);
    try {
      Secp256k1PrivateKey k;
      try {
        k = Secp256k1PrivateKey.of(il);
      } catch (CryptoException e) {
        throw new HdWalletException("seed gives an invalid master key (0 or not below n);"
            + " BIP-32 says to use another seed");
      }
      return new Bip32Key(network, 0, 0, 0, Arrays.copyOfRange(i, 32, 64), k, k.publicKey());
    } finally {
      Arrays.fill(i, (byte) 0);
      Arrays.fill(il, (byte) 0);
    }
  }

  static void checkSeed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length < 16 || seed.length > 64) {
      throw new HdWalletException("seed must be 16 to 64 bytes, not " + seed.length);
    }
  }

  /**
   * Derives the key at {@code path} below this key: each component of the path is applied in
   * turn, so for a master key this is the usual absolute path, and for e.g. an account key
   * {@code m/0/5} gives its receiving address 5. Intermediate keys are destroyed.
   *
   * @throws HdWalletException if this is a public key and the path has a hardened component, or
   *     the result would be deeper than 255
   * @throws InvalidChildKeyException if a step hits an invalid child (see {@link #deriveChild})
   */
  public Bip32Key derive(DerivationPath path) {
    Objects.requireNonNull(path, "path");
    checkLive();
    if (depth + path.depth() > DerivationPath.MAX_DEPTH) {
      throw new HdWalletException("derived key would be deeper than " + DerivationPath.MAX_DEPTH);
    }
    Bip32Key k = this;
    try {
      for (int level = 0; level < path.depth(); level++) {
        Bip32Key next = k.deriveChild(path.get(level));
        if (k != this) {
          k.destroy();
        }
        k = next;
      }
    } catch (RuntimeException e) {
      if (k != this) {
        k.destroy(); // an intermediate key must not outlive a failed derivation
      }
      throw e;
    }
    return k == this ? copy() : k;
  }

  private Bip32Key copy() {
    Secp256k1PrivateKey priv = privateKey == null ? null : copyOf(privateKey);
    return new Bip32Key(network, depth, parentFingerprint, childNumber, chainCode.clone(), priv,
        publicKey);
  }

  private static Secp256k1PrivateKey copyOf(Secp256k1PrivateKey k) {
    byte[] b = k.bytes();
    try {
      return Secp256k1PrivateKey.of(b);
    } finally {
      Arrays.fill(b, (byte) 0);
    }
  }

  /**
   * Derives one child. {@code childNumber} is the raw child number: below 2<sup>31</sup> for a
   * normal child, with {@link DerivationPath#HARDENED_BIT} set for a hardened one (see
   * {@link DerivationPath#hardenedIndex(int)}).
   *
   * @throws HdWalletException if this is a public key and the child is hardened, or this key is
   *     at depth 255
   * @throws InvalidChildKeyException if the child at this index is invalid (I<sub>L</sub> &ge; n
   *     or a zero/infinite result; probability below 2<sup>-127</sup>): BIP-32 says to proceed
   *     with the next index, which is left to the caller
   */
  public Bip32Key deriveChild(int childNumber) {
    checkLive();
    if (depth == DerivationPath.MAX_DEPTH) {
      throw new HdWalletException("key is at the maximum depth " + DerivationPath.MAX_DEPTH);
    }
    boolean hardened = DerivationPath.isHardened(childNumber);
    if (hardened && privateKey == null) {
      throw new HdWalletException("cannot derive hardened child "
          + DerivationPath.formatIndex(childNumber) + " from a public key");
    }
    byte[] data = new byte[37];
    if (hardened) {
      byte[] k = privateKey.bytes();
      System.arraycopy(k, 0, data, 1, 32);
      Arrays.fill(k, (byte) 0);
    } else {
      System.arraycopy(publicKey.compressed(), 0, data, 0, 33);
    }
    putInt(data, 33, childNumber);
    byte[] i = Hashes.hmacSha512(chainCode, data);
    byte[] il = Arrays.copyOf(i, 32);
    Arrays.fill(data, (byte) 0);
    try {
      Secp256k1PrivateKey childPriv = null;
      Secp256k1PublicKey childPub;
      try {
        if (privateKey != null) {
          childPriv = privateKey.tweakAdd(il);
          childPub = childPriv.publicKey();
        } else {
          childPub = publicKey.tweakAdd(il);
        }
      } catch (CryptoException e) {
        throw new InvalidChildKeyException(childNumber, null);
      }
      return new Bip32Key(network, depth + 1, fingerprint(), childNumber,
          Arrays.copyOfRange(i, 32, 64), childPriv, childPub);
    } finally {
      Arrays.fill(i, (byte) 0);
      Arrays.fill(il, (byte) 0);
    }
  }

  /** The public-only extended key (same chain code and position; serializes as xpub/tpub). */
  public Bip32Key neuter() {
    checkLive();
    return new Bip32Key(network, depth, parentFingerprint, childNumber, chainCode.clone(), null,
        publicKey);
  }

  /** Whether this key holds a private key. */
  public boolean isPrivate() {
    return privateKey != null;
  }

  /** The network whose versions {@link #serialize()} uses. */
  public Network network() {
    return network;
  }

  /** Depth in the tree: 0 for a master key. */
  public int depth() {
    return depth;
  }

  /** First 4 bytes (big-endian) of the parent key's HASH160; 0 for a master key. */
  public int parentFingerprint() {
    return parentFingerprint;
  }

  /** Raw child number of this key (hardened bit included); 0 for a master key. */
  public int childNumber() {
    return childNumber;
  }

  /** The 32-byte chain code (a copy; it is secret for private keys, zero it when done). */
  public byte[] chainCode() {
    checkLive();
    return chainCode.clone();
  }

  /** This key's fingerprint: the first 4 bytes (big-endian) of HASH160 of the compressed public key. */
  public int fingerprint() {
    checkLive();
    byte[] h = Hashes.hash160(publicKey.compressed());
    return getInt(h, 0);
  }

  /**
   * An independent copy of the private key; the caller should destroy it when done.
   *
   * @throws HdWalletException if this is a public key
   */
  public Secp256k1PrivateKey privateKey() {
    checkLive();
    if (privateKey == null) {
      throw new HdWalletException("public extended key has no private key");
    }
    return copyOf(privateKey);
  }

  /** The public key. */
  public Secp256k1PublicKey publicKey() {
    checkLive();
    return publicKey;
  }

  /** Base58Check serialization with this key's {@link #network()}: xprv/xpub or tprv/tpub. */
  public String serialize() {
    return serialize(network);
  }

  /**
   * Base58Check serialization with the versions of {@code network}. The result of a private key
   * is a secret (it holds the private key and chain code).
   */
  public String serialize(Network network) {
    Objects.requireNonNull(network, "network");
    checkLive();
    byte[] b = new byte[PAYLOAD];
    putInt(b, 0, privateKey != null ? network.privateVersion : network.publicVersion);
    b[4] = (byte) depth;
    putInt(b, 5, parentFingerprint);
    putInt(b, 9, childNumber);
    System.arraycopy(chainCode, 0, b, 13, 32);
    if (privateKey != null) {
      byte[] k = privateKey.bytes();
      System.arraycopy(k, 0, b, 46, 32);
      Arrays.fill(k, (byte) 0);
    } else {
      System.arraycopy(publicKey.compressed(), 0, b, 45, 33);
    }
    try {
      return Base58.encodeChecked(b);
    } finally {
      Arrays.fill(b, (byte) 0);
    }
  }

  /**
   * Parses and fully validates a serialized extended key (xprv, xpub, tprv or tpub).
   *
   * @throws ExtendedKeyException with the {@link ExtendedKeyException.Reason}: not Base58, wrong
   *     length, bad checksum, unknown version, version/key-type mismatch, bad key prefix, a depth-0
   *     key with a parent fingerprint or child number, a private key outside [1, n-1], or a public
   *     key not on the curve
   */
  public static Bip32Key parse(String s) {
    Objects.requireNonNull(s, "s");
    if (s.length() > MAX_ENCODED) {
      throw new ExtendedKeyException(Reason.LENGTH,
          "too long (" + s.length() + " characters) to be an extended key");
    }
    byte[] raw;
    try {
      raw = Base58.decode("extended key", s);
    } catch (DecodingException e) {
      // the cause's message could quote a character of the key, so it is not attached
      throw new ExtendedKeyException(Reason.ENCODING,
          "not Base58" + (e.offset() >= 0 ? " at offset " + e.offset() : ""));
    }
    try {
      return parsePayload(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static Bip32Key parsePayload(byte[] raw) {
    if (raw.length != PAYLOAD + 4) {
      throw new ExtendedKeyException(Reason.LENGTH,
          "decodes to " + raw.length + " bytes, expected " + (PAYLOAD + 4));
    }
    byte[] check = Hashes.sha256(Hashes.sha256(raw, 0, PAYLOAD)); // no copy of the key data
    for (int j = 0; j < 4; j++) {
      if (check[j] != raw[PAYLOAD + j]) {
        throw new ExtendedKeyException(Reason.CHECKSUM, "Base58Check checksum mismatch");
      }
    }
    int version = getInt(raw, 0);
    Network network = null;
    boolean isPrivate = false;
    for (Network n : Network.values()) {
      if (version == n.privateVersion) {
        network = n;
        isPrivate = true;
      } else if (version == n.publicVersion) {
        network = n;
      }
    }
    if (network == null) {
      throw new ExtendedKeyException(Reason.UNKNOWN_VERSION,
          String.format("unknown version 0x%08X", version));
    }
    int depth = raw[4] & 0xff;
    int parentFingerprint = getInt(raw, 5);
    int childNumber = getInt(raw, 9);
    if (depth == 0 && parentFingerprint != 0) {
      throw new ExtendedKeyException(Reason.ZERO_DEPTH_PARENT_FINGERPRINT,
          "depth 0 with non-zero parent fingerprint");
    }
    if (depth == 0 && childNumber != 0) {
      throw new ExtendedKeyException(Reason.ZERO_DEPTH_CHILD_NUMBER,
          "depth 0 with non-zero child number");
    }
    byte[] chainCode = Arrays.copyOfRange(raw, 13, 45);
    int prefix = raw[45] & 0xff;
    boolean publicPrefix = prefix == 0x02 || prefix == 0x03;
    if (isPrivate) {
      if (publicPrefix) {
        throw new ExtendedKeyException(Reason.VERSION_KEY_MISMATCH,
            "private version with public key data");
      }
      if (prefix != 0) {
        throw new ExtendedKeyException(Reason.INVALID_KEY_PREFIX,
            String.format("private key data must start with 0x00, not 0x%02x", prefix));
      }
      byte[] k = Arrays.copyOfRange(raw, 46, 78);
      Secp256k1PrivateKey priv;
      try {
        priv = Secp256k1PrivateKey.of(k);
      } catch (CryptoException e) {
        Arrays.fill(chainCode, (byte) 0);
        throw new ExtendedKeyException(Reason.PRIVATE_KEY_OUT_OF_RANGE,
            "private key is not in [1, n-1]");
      } finally {
        Arrays.fill(k, (byte) 0);
      }
      return new Bip32Key(network, depth, parentFingerprint, childNumber, chainCode, priv,
          priv.publicKey());
    }
    if (prefix == 0) {
      throw new ExtendedKeyException(Reason.VERSION_KEY_MISMATCH,
          "public version with private key data");
    }
    if (!publicPrefix) {
      throw new ExtendedKeyException(Reason.INVALID_KEY_PREFIX,
          String.format("public key data must start with 0x02 or 0x03, not 0x%02x", prefix));
    }
    Secp256k1PublicKey pub;
    try {
      pub = Secp256k1PublicKey.fromBytes(Arrays.copyOfRange(raw, 45, 78));
    } catch (CryptoException e) {
      throw new ExtendedKeyException(Reason.INVALID_PUBLIC_KEY,
          "public key is not a point on secp256k1", e);
    }
    return new Bip32Key(network, depth, parentFingerprint, childNumber, chainCode, null, pub);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static int getInt(byte[] b, int off) {
    return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8
        | (b[off + 3] & 0xff);
  }

  private void checkLive() {
    if (destroyed) {
      throw new HdWalletException("extended key has been destroyed");
    }
  }

  /** Zeroes the chain code and destroys the private key. Idempotent. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(chainCode, (byte) 0);
    if (privateKey != null) {
      privateKey.destroy();
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Redacted: the kind of key and its position only. */
  @Override
  public String toString() {
    if (destroyed) {
      return "Bip32Key[destroyed]";
    }
    return "Bip32Key[" + (privateKey != null ? "private" : "public") + ", depth=" + depth
        + ", child=" + (depth == 0 ? "m" : DerivationPath.formatIndex(childNumber)) + ", redacted]";
  }
}
