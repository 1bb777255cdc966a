package dev.cairn.evm.trie;

/** Nibble paths and the hex-prefix encoding of the Merkle-Patricia trie (Yellow Paper, appendix C). */
final class Nibbles {
  private Nibbles() {}

  static byte[] of(byte[] key) {
    byte[] n = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      n[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      n[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return n;
  }

  /** Hex-prefix encoding of {@code nibbles[from, to)} with the leaf flag. */
  static byte[] hexPrefix(byte[] nibbles, int from, int to, boolean leaf) {
    int len = to - from;
    boolean odd = (len & 1) == 1;
    byte[] out = new byte[len / 2 + 1];
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    int p = from;
    if (odd) {
      out[0] = (byte) ((flag << 4) | nibbles[p++]);
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = 1; i < out.length; i++) {
      out[i] = (byte) ((nibbles[p] << 4) | nibbles[p + 1]);
      p += 2;
    }
    return out;
  }

  /**
   * Decodes a hex-prefix path. Returns the nibbles; {@code leafOut[0]} receives the leaf flag.
   * Returns null when the encoding is malformed (empty, flag above 3, or an even path whose padding
   * nibble is not zero).
   */
  static byte[] decodeHexPrefix(byte[] hp, boolean[] leafOut) {
    if (hp.length == 0) {
      return null;
    }
    int flag = (hp[0] >> 4) & 0x0f;
    if (flag > 3) {
      return null;
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (hp[0] & 0x0f) != 0) {
      return null;
    }
    leafOut[0] = flag >= 2;
    byte[] n = new byte[(hp.length - 1) * 2 + (odd ? 1 : 0)];
    int p = 0;
    if (odd) {
      n[p++] = (byte) (hp[0] & 0x0f);
    }
    for (int i = 1; i < hp.length; i++) {
      n[p++] = (byte) ((hp[i] >> 4) & 0x0f);
      n[p++] = (byte) (hp[i] & 0x0f);
    }
    return n;
  }
}
