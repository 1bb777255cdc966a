package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class Slip10Test {
  /** Curves this SDK derives; the others in the vector file are deliberately not run. */
  private static final Set<String> SUPPORTED = Set.of("ed25519", "secp256k1");
  private static final Set<String> NOT_SUPPORTED = Set.of("nist256p1", "curve25519");

  @Test
  void vectors() throws Exception {
    JsonNode all = new ObjectMapper().readTree(TestData.read("slip10/slip10_vectors.json"));
    TreeMap<String, Integer> ran = new TreeMap<>();
    Set<String> skipped = new TreeSet<>();
    for (JsonNode v : all) {
      String curve = v.get("curve").asText();
      if (NOT_SUPPORTED.contains(curve)) {
        // NIST P-256 and Curve25519 derivation are out of scope for this SDK (see Slip10 javadoc)
        skipped.add(curve);
        continue;
      }
      assertTrue(SUPPORTED.contains(curve), "unknown curve in vector file: " + curve);
      byte[] seed = Hex.decode(v.get("seed").asText());
      for (JsonNode c : v.get("chains")) {
        DerivationPath path = DerivationPath.parse(c.get("path").asText());
        String where = curve + " vector " + v.get("vector").asInt() + " " + path;
        if (curve.equals("ed25519")) {
          Slip10.Ed25519Key k = Slip10.ed25519(seed).derive(path);
          assertEquals(c.get("chainCode").asText(), Hex.encode(k.chainCode()), where);
          assertEquals(c.get("private").asText(), Hex.encode(k.privateKeyBytes()), where);
          assertEquals(c.get("public").asText(), "00" + Hex.encode(k.publicKey().bytes()), where);
          assertEquals(c.get("fingerprint").asText(), String.format("%08x", k.parentFingerprint()), where);
          Ed25519PrivateKey signing = k.privateKey();
          assertEquals(k.publicKey(), signing.publicKey());
          assertEquals(path.depth(), k.depth());
        } else {
          Bip32Key k = Slip10.secp256k1(seed).derive(path);
          assertEquals(c.get("chainCode").asText(), Hex.encode(k.chainCode()), where);
          assertEquals(c.get("private").asText(), Hex.encode(k.privateKey().bytes()), where);
          assertEquals(c.get("public").asText(), Hex.encode(k.publicKey().compressed()), where);
          assertEquals(c.get("fingerprint").asText(), String.format("%08x", k.parentFingerprint()), where);
        }
        ran.merge(curve, 1, Integer::sum);
      }
    }
    assertEquals(NOT_SUPPORTED, skipped, "the unsupported curves' sections must exist in the file");
    assertEquals(Integer.valueOf(12), ran.get("ed25519"));
    assertEquals(Integer.valueOf(12), ran.get("secp256k1"));
  }

  @Test
  void ed25519RejectsNonHardened() {
    Slip10.Ed25519Key m = Slip10.ed25519(Hex.decode("000102030405060708090a0b0c0d0e0f"));
    HdWalletException e = assertThrows(HdWalletException.class,
        () -> m.derive(DerivationPath.parse("m/0'/1")));
    assertTrue(e.getMessage().contains("hardened"));
    assertThrows(HdWalletException.class, () -> m.deriveChild(1));
    assertEquals(1, m.deriveChild(DerivationPath.hardenedIndex(1)).depth());
  }

  @Test
  void ed25519SeedLengthAndDestroy() {
    assertThrows(HdWalletException.class, () -> Slip10.ed25519(new byte[8]));
    assertThrows(HdWalletException.class, () -> Slip10.ed25519(new byte[65]));
    Slip10.Ed25519Key k = Slip10.ed25519(new byte[32]);
    assertEquals("Slip10.Ed25519Key[depth=0, redacted]", k.toString());
    Slip10.Ed25519Key same = k.derive(DerivationPath.MASTER);
    k.destroy();
    assertTrue(k.isDestroyed());
    assertThrows(HdWalletException.class, k::privateKeyBytes);
    assertThrows(HdWalletException.class, k::chainCode);
    assertThrows(HdWalletException.class, () -> k.deriveChild(DerivationPath.hardenedIndex(0)));
    assertFalse(same.isDestroyed());
    assertEquals(32, same.privateKeyBytes().length);
  }
}
