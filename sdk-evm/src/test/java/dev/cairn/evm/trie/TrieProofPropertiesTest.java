package dev.cairn.evm.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random tries (short keys for embedded nodes, long keys for hashed ones): proofs verify; tampering fails. */
class TrieProofPropertiesTest {

  @Provide
  Arbitrary<List<byte[]>> keys() {
    Arbitrary<byte[]> shortKeys = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3);
    Arbitrary<byte[]> longKeys = Arbitraries.bytes().array(byte[].class).ofSize(32);
    return Arbitraries.oneOf(shortKeys, longKeys).list().ofMinSize(1).ofMaxSize(60);
  }

  @Provide
  Arbitrary<byte[]> values() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 150)
  void everyKeyProvesItsValueAndOthersProveAbsent(@ForAll("keys") List<byte[]> keys, @ForAll("values") byte[] seed,
      @ForAll("keys") List<byte[]> probes) {
    Map<String, byte[]> state = new HashMap<>();
    MerklePatriciaTrie.Builder b = MerklePatriciaTrie.builder();
    for (int i = 0; i < keys.size(); i++) {
      byte[] v = new byte[1 + (i * 7 + seed.length) % 40];
      v[0] = (byte) (i + 1);
      v[v.length - 1] = seed[i % seed.length];
      b.put(keys.get(i), v);
      state.put(Hex.encode(keys.get(i)), v);
    }
    MerklePatriciaTrie trie = b.build();
    byte[] root = trie.rootHash();
    for (byte[] k : keys) {
      assertArrayEquals(state.get(Hex.encode(k)), TrieProof.verify(root, k, trie.proof(k)).orElseThrow());
    }
    for (byte[] k : probes) {
      Optional<byte[]> got = TrieProof.verify(root, k, trie.proof(k));
      byte[] want = state.get(Hex.encode(k));
      if (want == null) {
        assertTrue(got.isEmpty());
      } else {
        assertArrayEquals(want, got.orElseThrow());
      }
    }
  }

  @Property(tries = 150)
  void anyFlippedBitIsRejected(@ForAll("keys") List<byte[]> keys, @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    MerklePatriciaTrie.Builder b = MerklePatriciaTrie.builder();
    for (int i = 0; i < keys.size(); i++) {
      b.put(keys.get(i), new byte[] {(byte) (i + 1), 0x55});
    }
    MerklePatriciaTrie trie = b.build();
    byte[] key = keys.get(where % keys.size());
    List<byte[]> proof = new ArrayList<>(trie.proof(key));
    int total = 0;
    for (byte[] n : proof) {
      total += n.length;
    }
    int at = where % total;
    for (int i = 0; i < proof.size(); i++) {
      if (at < proof.get(i).length) {
        byte[] n = proof.get(i).clone();
        n[at] ^= (byte) (1 << bit);
        proof.set(i, n);
        break;
      }
      at -= proof.get(i).length;
    }
    assertThrows(TrieProofException.class, () -> TrieProof.verify(trie.rootHash(), key, proof));
  }

  @Property(tries = 300)
  void garbageProofsFailWithTheTypedException(@ForAll @Size(max = 4) List<@Size(max = 80) byte[]> nodes,
      @ForAll @Size(min = 32, max = 32) byte[] root, @ForAll @Size(max = 33) byte[] key) {
    try {
      TrieProof.verify(root, key, nodes);
    } catch (TrieProofException expected) {
      // the only failure allowed
    }
    // with the first node's own hash as the root, the walk goes deeper into the garbage
    if (!nodes.isEmpty()) {
      try {
        TrieProof.verify(dev.cairn.core.hash.Keccak256.hash(nodes.get(0)), key, nodes);
      } catch (TrieProofException expected) {
        // the only failure allowed
      }
    }
  }
}
