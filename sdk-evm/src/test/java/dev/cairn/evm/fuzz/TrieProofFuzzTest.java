package dev.cairn.evm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.evm.trie.AccountState;
import dev.cairn.evm.trie.TrieProof;
import dev.cairn.evm.trie.TrieProofException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle-Patricia proofs as eth_getProof returns them: typed refusal only. The input is a key
 * (first byte: its length, up to 32) and then nodes, each behind a two-byte length; the root is the
 * hash of the first node, so the fuzzer gets past the root check into node decoding.
 */
class TrieProofFuzzTest {

  @FuzzTest
  void verify(byte[] input) {
    if (input.length < 1) {
      return;
    }
    int keyLen = Math.min(input[0] & 0x3f, 32);
    int p = Math.min(1 + keyLen, input.length);
    byte[] key = Arrays.copyOfRange(input, 1, p);
    List<byte[]> nodes = new ArrayList<>();
    while (p + 2 <= input.length && nodes.size() <= TrieProof.MAX_NODES) {
      int n = ((input[p] & 0xff) << 8) | (input[p + 1] & 0xff);
      p += 2;
      int end = Math.min(p + n, input.length);
      nodes.add(Arrays.copyOfRange(input, p, end));
      p = end;
    }
    byte[] root = nodes.isEmpty() ? TrieProof.EMPTY_ROOT : Keccak256.hash(nodes.get(0));
    try {
      TrieProof.verify(root, key, nodes);
    } catch (TrieProofException expected) {
      // refused
    }
  }

  @FuzzTest
  void accountState(byte[] rlp) {
    AccountState a;
    try {
      a = AccountState.decode(rlp);
    } catch (TrieProofException expected) {
      return;
    }
    assertArrayEquals(a.encode(), AccountState.decode(a.encode()).encode());
  }
}
