package dev.cairn.evm.trie;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.encoding.RlpItem;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.evm.trie.TrieProofException.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Verifies Merkle-Patricia trie proofs (the {@code accountProof} and {@code storageProof[].proof}
 * lists of {@code eth_getProof}, EIP-1186) against a root hash.
 *
 * <p>A proof is the list of RLP-encoded nodes on the path from the root to the key, each referenced
 * by its keccak256 hash from its parent; nodes whose encoding is shorter than 32 bytes are embedded
 * in their parent and do not appear in the list. The verifier walks the key's nibbles through
 * branch, extension and leaf nodes and returns the value stored at the key, or empty when the proof
 * shows that the key is absent (the path ends in an empty branch slot, a diverging extension or a
 * leaf for another key). Every node must be used: a proof with extra nodes is rejected.
 *
 * <p>Thread-safe and allocation-light; no state.
 */
public final class TrieProof {
  /** The root hash of the empty trie: keccak256(rlp("")). */
  public static final byte[] EMPTY_ROOT =
      Hex.decode("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  /** Most nodes a proof may have: a 32-byte key has 64 nibbles, so at most 64 branches and a leaf. */
  public static final int MAX_NODES = 130;

  private TrieProof() {}

  /**
   * Verifies {@code proof} for {@code key} against {@code rootHash}.
   *
   * @param rootHash the 32-byte trie root (e.g. a block's stateRoot or an account's storageRoot)
   * @param key the trie key as stored (for the state and storage tries: keccak256 of the address or
   *     slot)
   * @param proof the RLP-encoded nodes from the root down
   * @return the value at {@code key}, or empty if the proof shows the key is absent
   * @throws TrieProofException if the proof is not valid for this root and key
   */
  public static Optional<byte[]> verify(byte[] rootHash, byte[] key, List<byte[]> proof) {
    if (rootHash == null || rootHash.length != 32) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1,
          "rootHash: " + (rootHash == null ? "is null" : rootHash.length + " bytes, expected 32"));
    }
    if (key == null) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "key: is null");
    }
    if (proof == null) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1, "proof: is null");
    }
    if (proof.size() > MAX_NODES) {
      throw new TrieProofException(Reason.INVALID_INPUT, -1,
          "proof: " + proof.size() + " nodes, more than " + MAX_NODES);
    }
    if (proof.isEmpty()) {
      if (Arrays.equals(rootHash, EMPTY_ROOT)) {
        return Optional.empty();
      }
      throw new TrieProofException(Reason.INCOMPLETE, 0, "proof: empty, but the root is not the empty trie's");
    }
    byte[] nibbles = Nibbles.of(key);
    int pos = 0;
    int used = 0;
    byte[] expectedHash = rootHash;
    RlpItem node = null;
    Optional<byte[]> result;
    while (true) {
      if (expectedHash != null) {
        if (used >= proof.size()) {
          throw new TrieProofException(Reason.INCOMPLETE, used,
              "proof[" + used + "]: missing; the path continues at nibble " + pos);
        }
        byte[] enc = proof.get(used);
        if (enc == null) {
          throw new TrieProofException(Reason.MALFORMED_NODE, used, "proof[" + used + "]: is null");
        }
        if (!Arrays.equals(Keccak256.hash(enc), expectedHash)) {
          throw new TrieProofException(Reason.HASH_MISMATCH, used, "proof[" + used + "]: keccak256 is not "
              + (used == 0 ? "the root hash 0x" : "the parent's reference 0x") + Hex.encode(expectedHash));
        }
        node = decode(enc, used);
        used++;
      }
      int at = used - 1;
      if (!node.isList()) {
        // the empty trie's root node is the empty string
        if (at == 0 && expectedHash != null && node.bytes().length == 0) {
          result = Optional.empty();
          break;
        }
        throw malformed(at, "is a byte string, expected a branch, extension or leaf");
      }
      List<RlpItem> items = node.items();
      if (items.size() == 17) {
        if (pos == nibbles.length) {
          byte[] v = string(items.get(16), at, "value");
          result = v.length == 0 ? Optional.empty() : Optional.of(v);
          break;
        }
        RlpItem child = items.get(nibbles[pos]);
        pos++;
        if (!child.isList() && child.bytes().length == 0) {
          result = Optional.empty();
          break;
        }
        expectedHash = reference(child, at);
        node = child;
      } else if (items.size() == 2) {
        boolean[] leaf = new boolean[1];
        byte[] path = Nibbles.decodeHexPrefix(string(items.get(0), at, "path"), leaf);
        if (path == null) {
          throw malformed(at, "has an invalid hex-prefix path");
        }
        boolean matches = MerklePatriciaTrie.startsWith(nibbles, pos, path);
        if (leaf[0]) {
          if (matches && pos + path.length == nibbles.length) {
            byte[] v = string(items.get(1), at, "leaf value");
            result = v.length == 0 ? Optional.empty() : Optional.of(v);
          } else {
            result = Optional.empty();
          }
          break;
        }
        if (path.length == 0) {
          throw malformed(at, "is an extension with an empty path");
        }
        if (!matches) {
          result = Optional.empty();
          break;
        }
        pos += path.length;
        RlpItem child = items.get(1);
        expectedHash = reference(child, at);
        if (expectedHash == null && !child.isList()) {
          throw malformed(at, "is an extension with an empty child");
        }
        node = child;
      } else {
        throw malformed(at, "has " + items.size() + " items, expected 17 (branch) or 2 (extension/leaf)");
      }
    }
    if (used != proof.size()) {
      throw new TrieProofException(Reason.UNUSED_NODES, used,
          "proof: " + (proof.size() - used) + " node(s) after the end of the path at proof[" + (used - 1) + "]");
    }
    return result;
  }

  /** The hash a child slot references, or null for an embedded node (a list shorter than 32 bytes). */
  private static byte[] reference(RlpItem child, int at) {
    if (child.isList()) {
      if (child.encodedLength() >= 32) {
        throw malformed(at, "embeds a child node of " + child.encodedLength() + " bytes (must be hashed)");
      }
      return null;
    }
    byte[] b = child.bytes();
    if (b.length == 32) {
      return b;
    }
    if (b.length == 0) {
      return null;
    }
    throw malformed(at, "has a child reference of " + b.length + " bytes, expected 32 or an embedded node");
  }

  private static byte[] string(RlpItem item, int at, String what) {
    if (item.isList()) {
      throw malformed(at, "has a list where the " + what + " string belongs");
    }
    return item.bytes();
  }

  private static RlpItem decode(byte[] enc, int index) {
    try {
      return Rlp.decode(enc);
    } catch (CairnException e) {
      throw new TrieProofException(Reason.MALFORMED_NODE, index, "proof[" + index + "]: not RLP: " + e.getMessage());
    }
  }

  private static TrieProofException malformed(int index, String problem) {
    return new TrieProofException(Reason.MALFORMED_NODE, index, "proof[" + index + "]: node " + problem);
  }
}
