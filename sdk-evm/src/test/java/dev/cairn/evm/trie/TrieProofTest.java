package dev.cairn.evm.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.testing.TestData;
import dev.cairn.evm.trie.TrieProofException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds tries from the ethereum/tests TrieTests vectors, checks their roots, then proves and
 * verifies every key (and absent keys) against the root.
 */
class TrieProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One vector: the final key/value pairs (after deletions) and the expected root. */
  private record Vector(String name, List<byte[][]> ops, byte[] root) {}

  private static byte[] bytes(String s, boolean hexEncoded) {
    if (hexEncoded || s.startsWith("0x")) {
      return Hex.decode(s.startsWith("0x") ? s.substring(2) : s);
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Vector> load(String file, boolean secure) throws Exception {
    JsonNode all = JSON.readTree(TestData.read("ethereum-tests/TrieTests/" + file));
    List<Vector> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode t = e.getValue();
      boolean hex = t.path("hexEncoded").asBoolean(false);
      List<byte[][]> ops = new ArrayList<>();
      JsonNode in = t.get("in");
      if (in.isArray()) {
        for (JsonNode pair : in) {
          ops.add(new byte[][] {bytes(pair.get(0).asText(), hex),
              pair.get(1).isNull() ? new byte[0] : bytes(pair.get(1).asText(), hex)});
        }
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> f = in.fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> kv = f.next();
          ops.add(new byte[][] {bytes(kv.getKey(), hex),
              kv.getValue().isNull() ? new byte[0] : bytes(kv.getValue().asText(), hex)});
        }
      }
      if (secure) {
        for (byte[][] op : ops) {
          op[0] = Keccak256.hash(op[0]);
        }
      }
      out.add(new Vector(file + ":" + e.getKey(), ops, Hex.decode(t.get("root").asText().substring(2))));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"trietest.json", "trieanyorder.json", "trietest_secureTrie.json",
      "trieanyorder_secureTrie.json", "hex_encoded_securetrie_test.json"})
  void vectorsBuildTheExpectedRootAndEveryKeyProves(String file) throws Exception {
    boolean secure = file.contains("ecure");
    List<Vector> vectors = load(file, secure);
    assertFalse(vectors.isEmpty(), file);
    for (Vector v : vectors) {
      MerklePatriciaTrie.Builder b = MerklePatriciaTrie.builder();
      Map<String, byte[]> finalState = new LinkedHashMap<>();
      for (byte[][] op : v.ops()) {
        b.put(op[0], op[1]);
        if (op[1].length == 0) {
          finalState.remove(Hex.encode(op[0]));
        } else {
          finalState.put(Hex.encode(op[0]), op[1]);
        }
      }
      MerklePatriciaTrie trie = b.build();
      assertArrayEquals(v.root(), trie.rootHash(), v.name() + " root");
      assertEquals(finalState.size(), trie.size(), v.name());
      for (byte[][] op : v.ops()) {
        byte[] key = op[0];
        Optional<byte[]> got = TrieProof.verify(v.root(), key, trie.proof(key));
        byte[] want = finalState.get(Hex.encode(key));
        if (want == null) {
          assertTrue(got.isEmpty(), v.name() + " deleted key proves absent");
        } else {
          assertArrayEquals(want, got.orElseThrow(), v.name() + " value of " + Hex.encode(key));
        }
      }
      // absent keys: a prefix of, an extension of and a sibling of each key
      for (byte[][] op : v.ops()) {
        byte[] key = op[0];
        for (byte[] probe : new byte[][] {concat(key, new byte[] {0x00}), concat(key, new byte[] {0x7f}),
            flipLast(key)}) {
          if (!finalState.containsKey(Hex.encode(probe))) {
            assertTrue(TrieProof.verify(v.root(), probe, trie.proof(probe)).isEmpty(),
                v.name() + " absent " + Hex.encode(probe));
          }
        }
      }
    }
  }

  @Test
  void nextPrevVectorsAreAboutIterationNotRoots() throws Exception {
    // trietestnextprev.json tests iterator next/prev lookups and has no root; nothing here to check.
    JsonNode t = JSON.readTree(TestData.read("ethereum-tests/TrieTests/trietestnextprev.json"));
    for (JsonNode v : t) {
      assertTrue(v.has("tests") && !v.has("root"));
    }
  }

  @Test
  void emptyTrie() {
    MerklePatriciaTrie empty = MerklePatriciaTrie.builder().build();
    assertArrayEquals(TrieProof.EMPTY_ROOT, empty.rootHash());
    assertArrayEquals(Keccak256.hash(new byte[] {(byte) 0x80}), TrieProof.EMPTY_ROOT);
    assertTrue(TrieProof.verify(TrieProof.EMPTY_ROOT, new byte[] {1}, List.of()).isEmpty());
    // geth returns [0x80] for the empty trie
    assertTrue(TrieProof.verify(TrieProof.EMPTY_ROOT, new byte[] {1}, List.of(new byte[] {(byte) 0x80})).isEmpty());
    TrieProofException e = assertThrows(TrieProofException.class,
        () -> TrieProof.verify(new byte[32], new byte[] {1}, List.of()));
    assertEquals(Reason.INCOMPLETE, e.reason());
  }

  @Test
  void tamperedProofsAreRejected() {
    MerklePatriciaTrie.Builder b = MerklePatriciaTrie.builder();
    for (int i = 0; i < 200; i++) {
      b.put(Keccak256.hash(new byte[] {(byte) i}), ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }
    MerklePatriciaTrie trie = b.build();
    byte[] root = trie.rootHash();
    byte[] key = Keccak256.hash(new byte[] {7});
    List<byte[]> proof = trie.proof(key);
    assertTrue(proof.size() >= 2);
    assertArrayEquals("value-7".getBytes(StandardCharsets.UTF_8), TrieProof.verify(root, key, proof).orElseThrow());

    // wrong root
    byte[] badRoot = root.clone();
    badRoot[0] ^= 1;
    assertEquals(Reason.HASH_MISMATCH,
        assertThrows(TrieProofException.class, () -> TrieProof.verify(badRoot, key, proof)).reason());
    // every byte of every node, flipped
    for (int n = 0; n < proof.size(); n++) {
      for (int i = 0; i < proof.get(n).length; i++) {
        List<byte[]> bad = copy(proof);
        bad.get(n)[i] ^= 0x01;
        TrieProofException e = assertThrows(TrieProofException.class, () -> TrieProof.verify(root, key, bad));
        assertEquals(Reason.HASH_MISMATCH, e.reason(), "node " + n + " byte " + i);
        assertEquals(n, e.nodeIndex());
      }
    }
    // truncated
    assertEquals(Reason.INCOMPLETE, assertThrows(TrieProofException.class,
        () -> TrieProof.verify(root, key, proof.subList(0, proof.size() - 1))).reason());
    // extra node
    List<byte[]> extra = copy(proof);
    extra.add(proof.get(0));
    assertEquals(Reason.UNUSED_NODES,
        assertThrows(TrieProofException.class, () -> TrieProof.verify(root, key, extra)).reason());
    // the proof of another key does not prove this one's value (it proves a different key)
    byte[] other = Keccak256.hash(new byte[] {8});
    assertThrows(TrieProofException.class, () -> TrieProof.verify(root, other, proof));
    // a proof from another trie
    MerklePatriciaTrie changed = MerklePatriciaTrie.builder().put(key, new byte[] {1}).build();
    assertThrows(TrieProofException.class, () -> TrieProof.verify(root, key, changed.proof(key)));
  }

  @Test
  void inputsAreChecked() {
    assertEquals(Reason.INVALID_INPUT, assertThrows(TrieProofException.class,
        () -> TrieProof.verify(new byte[31], new byte[1], List.of())).reason());
    assertEquals(Reason.INVALID_INPUT, assertThrows(TrieProofException.class,
        () -> TrieProof.verify(new byte[32], null, List.of())).reason());
    assertEquals(Reason.INVALID_INPUT, assertThrows(TrieProofException.class,
        () -> TrieProof.verify(new byte[32], new byte[1], null)).reason());
    List<byte[]> tooMany = new ArrayList<>();
    for (int i = 0; i <= TrieProof.MAX_NODES; i++) {
      tooMany.add(new byte[] {(byte) 0xc0});
    }
    assertEquals(Reason.INVALID_INPUT, assertThrows(TrieProofException.class,
        () -> TrieProof.verify(new byte[32], new byte[1], tooMany)).reason());
  }

  @Test
  void malformedNodesWithAMatchingHashAreRejected() {
    byte[][] nodes = {
        Hex.decode("c3010203"), // 3-item list
        Hex.decode("83010203"), // byte string
        Hex.decode("c2"), // bad RLP
        Hex.decode("c28080"), // leaf/extension with empty path
        Hex.decode("c24080"), // hex-prefix flag 4
        Hex.decode("c20180"), // even extension with a non-zero padding nibble
        Hex.decode("c21180"), // extension with an empty child
    };
    for (byte[] node : nodes) {
      byte[] root = Keccak256.hash(node);
      TrieProofException e = assertThrows(TrieProofException.class,
          () -> TrieProof.verify(root, new byte[] {0x12}, List.of(node)), Hex.encode(node));
      assertEquals(Reason.MALFORMED_NODE, e.reason(), Hex.encode(node));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] flipLast(byte[] k) {
    byte[] c = k.clone();
    if (c.length > 0) {
      c[c.length - 1] ^= 0x01;
    }
    return c;
  }

  private static List<byte[]> copy(List<byte[]> in) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] b : in) {
      out.add(b.clone());
    }
    return out;
  }
}
