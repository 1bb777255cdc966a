package dev.cairn.core.crypto.internal;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * RFC 6979 deterministic nonces for secp256k1 with HMAC-SHA256 and no extra data (section 3.2,
 * with qlen = hlen = 256, so bits2int is the identity on 32 bytes). One instance per thread; not
 * thread-safe. {@link #clear()} wipes the secret state.
 */
final class Rfc6979 {
  /** Re-keys the MAC on clear() so no key-derived pad state lingers. */
  private static final KeyParameter ZERO_KEY = new KeyParameter(new byte[32]);

  private final HMac mac = new HMac(new SHA256Digest());
  private final byte[] k = new byte[32];
  private final byte[] v = new byte[32];
  private final byte[] h1 = new byte[32];
  private boolean first;

  /**
   * Starts a generator for private key x (32 bytes) and the digest reduced mod n.
   */
  void init(byte[] x, byte[] digestModN) {
    System.arraycopy(digestModN, 0, h1, 0, 32);
    Arrays.fill(v, (byte) 0x01);
    Arrays.fill(k, (byte) 0x00);
    // K = HMAC_K(V || 0x00 || x || h1); V = HMAC_K(V)
    step(x, (byte) 0x00);
    // K = HMAC_K(V || 0x01 || x || h1); V = HMAC_K(V)
    step(x, (byte) 0x01);
    first = true;
  }

  private void step(byte[] x, byte sep) {
    mac.init(new KeyParameter(k));
    mac.update(v, 0, 32);
    mac.update(sep);
    mac.update(x, 0, 32);
    mac.update(h1, 0, 32);
    mac.doFinal(k, 0);
    mac.init(new KeyParameter(k));
    mac.update(v, 0, 32);
    mac.doFinal(v, 0);
  }

  /**
   * The next candidate nonce in [1, n-1], as 32 big-endian bytes: the generator's own buffer,
   * valid until the next call and wiped by {@link #clear()}.
   */
  byte[] next() {
    while (true) {
      if (!first) {
        // K = HMAC_K(V || 0x00); V = HMAC_K(V)
        mac.update(v, 0, 32);
        mac.update((byte) 0x00);
        mac.doFinal(k, 0);
        mac.init(new KeyParameter(k));
        mac.update(v, 0, 32);
        mac.doFinal(v, 0);
      }
      first = false;
      // V = HMAC_K(V); T = V
      mac.update(v, 0, 32);
      mac.doFinal(v, 0);
      if (Scalars.isValidScalar(v, 0)) {
        return v;
      }
    }
  }

  /** Wipes the key, V and the digest copy. */
  void clear() {
    Arrays.fill(k, (byte) 0);
    Arrays.fill(v, (byte) 0);
    Arrays.fill(h1, (byte) 0);
    mac.init(ZERO_KEY);
  }
}
