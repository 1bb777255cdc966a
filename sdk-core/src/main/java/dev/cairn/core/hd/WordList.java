package dev.cairn.core.hd;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The BIP-39 English word list, loaded once from the class path and checked against its published
 * SHA-256. The list is sorted, so lookups are binary searches over the 2048 entries.
 */
final class WordList {
  static final String RESOURCE = "/dev/cairn/core/hd/english.txt";
  static final String SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";
  static final int SIZE = 2048;

  private static final String[] WORDS = load();

  private WordList() {}

  private static String[] load() {
    byte[] data;
    try (InputStream in = WordList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("BIP-39 word list " + RESOURCE + " missing from the class path");
      }
      ByteArrayOutputStream buf = new ByteArrayOutputStream(13_200);
      byte[] chunk = new byte[4096];
      int r;
      while ((r = in.read(chunk)) > 0) {
        buf.write(chunk, 0, r);
        if (buf.size() > 64 * 1024) {
          throw new IllegalStateException("BIP-39 word list " + RESOURCE + " is too large");
        }
      }
      data = buf.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read BIP-39 word list " + RESOURCE, e);
    }
    if (!MessageDigest.isEqual(Hashes.sha256(data), Hex.decode(SHA256))) {
      throw new IllegalStateException("BIP-39 word list " + RESOURCE + " does not have SHA-256 " + SHA256);
    }
    String[] words = new String(data, StandardCharsets.US_ASCII).split("\n", -1);
    // the file ends with a newline; everything else is guaranteed by the hash
    if (words.length != SIZE + 1 || !words[SIZE].isEmpty()) {
      throw new IllegalStateException("BIP-39 word list does not hold " + SIZE + " lines");
    }
    String[] out = new String[SIZE];
    System.arraycopy(words, 0, out, 0, SIZE);
    for (int i = 1; i < SIZE; i++) {
      if (out[i - 1].compareTo(out[i]) >= 0) {
        throw new IllegalStateException("BIP-39 word list is not sorted at line " + (i + 1));
      }
    }
    return out;
  }

  static String word(int index) {
    return WORDS[index];
  }

  /**
   * Index of the word {@code s[off, off+len)}, or -1. Compares chars in place so that no String
   * copy of a (secret) word is made.
   */
  static int indexOf(CharSequence s, int off, int len) {
    int lo = 0;
    int hi = SIZE - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(WORDS[mid], s, off, len);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private static int compare(String word, CharSequence s, int off, int len) {
    int n = Math.min(word.length(), len);
    for (int i = 0; i < n; i++) {
      int d = word.charAt(i) - s.charAt(off + i);
      if (d != 0) {
        return d;
      }
    }
    return word.length() - len;
  }
}
