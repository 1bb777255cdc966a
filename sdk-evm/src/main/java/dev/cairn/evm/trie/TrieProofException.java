package dev.cairn.evm.trie;

import dev.cairn.core.CairnException;

/**
 * A Merkle-Patricia proof that does not prove what it claims: a node whose hash is not the one its
 * parent (or the root) commits to, a malformed node, a proof that ends early or carries unused
 * nodes, or a proven value that differs from the claimed one.
 */
public final class TrieProofException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Why a proof was rejected. */
  public enum Reason {
    /** A proof node's keccak256 differs from the reference to it (the root or its parent's child slot). */
    HASH_MISMATCH,
    /** A proof node is not valid RLP or not a branch (17 items), extension or leaf (2 items). */
    MALFORMED_NODE,
    /** The path needs another node but the proof has none left. */
    INCOMPLETE,
    /** The proof has nodes left after the path ended. */
    UNUSED_NODES,
    /** The proof is sound but proves a different value (or absence) than the claim. */
    VALUE_MISMATCH,
    /** An input (root, key, claim) has the wrong length or is missing. */
    INVALID_INPUT
  }

  private final Reason reason;
  private final int nodeIndex;

  /**
   * Creates an exception.
   *
   * @param reason the cause
   * @param nodeIndex index of the offending proof node, or -1 when none applies
   * @param message what went wrong (names the field or node)
   */
  public TrieProofException(Reason reason, int nodeIndex, String message) {
    super(message);
    this.reason = reason;
    this.nodeIndex = nodeIndex;
  }

  /** Why the proof was rejected. */
  public Reason reason() {
    return reason;
  }

  /** Index of the offending proof node, or -1. */
  public int nodeIndex() {
    return nodeIndex;
  }
}
