/**
 * Merkle-Patricia tries: building roots (transactions, receipts) and verifying {@code
 * eth_getProof} account and storage proofs against a state root.
 *
 * <pre>{@code
 * MerklePatriciaTrie trie = MerklePatriciaTrie.builder().put(key, value).build();
 * byte[] root = trie.rootHash();                                 // e.g. a block's transactionsRoot
 * }</pre>
 */
package dev.cairn.evm.trie;
