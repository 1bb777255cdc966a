package dev.cairn.evm.trie;

import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.evm.trie.TrieProofException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory Merkle-Patricia trie built from a set of key/value pairs: its root hash and proofs
 * for any key (present or absent), in the form {@link TrieProof#verify} checks. Useful for
 * transaction and receipt roots and for tests. Immutable once built; build with {@link #builder()}.
 *
 * <p>The trie is canonical: its shape depends only on the final set of pairs, so it is built in one
 * pass over the sorted keys rather than by incremental insertion.
 */
public final class MerklePatriciaTrie {
  private final Node root; // null for the empty trie
  private final byte[] rootHash;
  private final int size;

  private MerklePatriciaTrie(Node root, int size) {
    this.root = root;
    this.size = size;
    this.rootHash = root == null ? TrieProof.EMPTY_ROOT.clone() : Keccak256.hash(root.encoded);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root hash (copy). */
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The number of keys. */
  public int size() {
    return size;
  }

  /**
   * The proof for {@code key}: the encodings of the hashed nodes on its path (the root always, and
   * each node whose encoding is 32 bytes or longer), down to where the path ends or diverges.
   */
  public List<byte[]> proof(byte[] key) {
    if (key == null) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "key: is null");
    }
    if (root == null) {
      return Collections.emptyList();
    }
    byte[] nibbles = Nibbles.of(key);
    List<byte[]> out = new ArrayList<>();
    out.add(root.encoded.clone());
    Node n = root;
    int pos = 0;
    while (true) {
      Node next;
      if (n instanceof Branch) {
        if (pos == nibbles.length) {
          break;
        }
        next = ((Branch) n).children[nibbles[pos++]];
      } else if (n instanceof Extension) {
        Extension e = (Extension) n;
        if (!startsWith(nibbles, pos, e.path)) {
          break;
        }
        pos += e.path.length;
        next = e.child;
      } else {
        break;
      }
      if (next == null) {
        break;
      }
      if (next.encoded.length >= 32) {
        out.add(next.encoded.clone());
      }
      n = next;
    }
    return out;
  }

  /** {@code Arrays.compareUnsigned} as a loop: Android before API 33 lacks it. */
  static int compareUnsignedBytes(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return (a[i] & 0xff) - (b[i] & 0xff);
      }
    }
    return a.length - b.length;
  }

  /** True if {@code nibbles[pos..]} begins with {@code path} (a loop: ranged Arrays.equals is API 33 on Android). */
  static boolean startsWith(byte[] nibbles, int pos, byte[] path) {
    if (pos + path.length > nibbles.length) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (path[i] != nibbles[pos + i]) {
        return false;
      }
    }
    return true;
  }

  /** Collects pairs; a later put for the same key replaces the earlier one, an empty value removes it. */
  public static final class Builder {
    private final TreeMap<byte[], byte[]> entries = new TreeMap<>(MerklePatriciaTrie::compareUnsignedBytes);

    private Builder() {}

    /** Sets {@code key} to {@code value}; an empty value removes the key (the trie cannot store it). */
    public Builder put(byte[] key, byte[] value) {
      if (key == null || value == null) {
        throw new TrieProofException(Reason.INVALID_INPUT, -1, (key == null ? "key" : "value") + ": is null");
      }
      if (value.length == 0) {
        entries.remove(key);
      } else {
        entries.put(key.clone(), value.clone());
      }
      return this;
    }

    /** Removes {@code key}. */
    public Builder remove(byte[] key) {
      return put(key, new byte[0]);
    }

    /** Builds the trie. */
    public MerklePatriciaTrie build() {
      int n = entries.size();
      byte[][] paths = new byte[n][];
      byte[][] values = new byte[n][];
      int i = 0;
      for (Map.Entry<byte[], byte[]> e : entries.entrySet()) {
        paths[i] = Nibbles.of(e.getKey());
        values[i] = e.getValue();
        i++;
      }
      return new MerklePatriciaTrie(n == 0 ? null : build(paths, values, 0, n, 0), n);
    }

    private static Node build(byte[][] paths, byte[][] values, int from, int to, int depth) {
      if (to - from == 1) {
        return new Leaf(Arrays.copyOfRange(paths[from], depth, paths[from].length), values[from]);
      }
      // longest common prefix beyond depth (keys are sorted, so first and last bound it)
      byte[] first = paths[from];
      byte[] last = paths[to - 1];
      int common = 0;
      while (depth + common < first.length && depth + common < last.length
          && first[depth + common] == last[depth + common]) {
        common++;
      }
      if (common > 0) {
        return new Extension(Arrays.copyOfRange(first, depth, depth + common),
            branch(paths, values, from, to, depth + common));
      }
      return branch(paths, values, from, to, depth);
    }

    private static Node branch(byte[][] paths, byte[][] values, int from, int to, int depth) {
      Node[] children = new Node[16];
      byte[] value = null;
      int i = from;
      if (paths[i].length == depth) {
        value = values[i];
        i++;
      }
      while (i < to) {
        int nib = paths[i][depth];
        int j = i + 1;
        while (j < to && paths[j][depth] == nib) {
          j++;
        }
        children[nib] = build(paths, values, i, j, depth + 1);
        i = j;
      }
      return new Branch(children, value);
    }
  }

  private abstract static class Node {
    byte[] encoded;

    byte[] reference() {
      return encoded.length < 32 ? encoded : Rlp.encodeBytes(Keccak256.hash(encoded));
    }
  }

  private static final class Leaf extends Node {
    Leaf(byte[] path, byte[] value) {
      encoded = Rlp.encodeList(Rlp.encodeBytes(Nibbles.hexPrefix(path, 0, path.length, true)), Rlp.encodeBytes(value));
    }
  }

  private static final class Extension extends Node {
    final byte[] path;
    final Node child;

    Extension(byte[] path, Node child) {
      this.path = path;
      this.child = child;
      encoded = Rlp.encodeList(Rlp.encodeBytes(Nibbles.hexPrefix(path, 0, path.length, false)), child.reference());
    }
  }

  private static final class Branch extends Node {
    final Node[] children;

    Branch(Node[] children, byte[] value) {
      this.children = children;
      byte[][] items = new byte[17][];
      byte[] empty = Rlp.encodeBytes(new byte[0]);
      for (int k = 0; k < 16; k++) {
        items[k] = children[k] == null ? empty : children[k].reference();
      }
      items[16] = value == null ? empty : Rlp.encodeBytes(value);
      encoded = Rlp.encodeList(items);
    }
  }
}
