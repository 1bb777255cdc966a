package dev.cairn.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof verification vectors. Every {@code valid} vector must verify and every
 * {@code invalid} one must be rejected (either the encoding is refused with a typed exception or
 * verification returns false). The ECDSA and Ed25519 files used here contain no
 * {@code acceptable} vectors; the tests assert that, so a newer file with such vectors fails loudly
 * instead of being counted silently. The number of vectors run is asserted per file.
 */
class WycheproofTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private enum Encoding { DER, P1363 }

  private interface DigestFn {
    byte[] digest(byte[] msg);
  }

  private static final class Tally {
    int valid;
    int invalid;
    int rejectedByParser;
    final List<String> failures = new ArrayList<>();

    int total() {
      return valid + invalid;
    }
  }

  private static JsonNode load(String name) throws IOException {
    return JSON.readTree(TestData.read("wycheproof/" + name));
  }

  private static byte[] sha256(byte[] m) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(m);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] sha3(byte[] m) {
    SHA3Digest d = new SHA3Digest(256);
    d.update(m, 0, m.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static Tally runEcdsa(String file, Encoding enc, DigestFn hash, boolean strict)
      throws IOException {
    JsonNode root = load(file);
    Tally t = new Tally();
    for (JsonNode group : root.get("testGroups")) {
      byte[] pubBytes = Hex.decode(group.get("publicKey").get("uncompressed").asText());
      Secp256k1PublicKey pub = Secp256k1PublicKey.fromBytes(pubBytes);
      assertArrayEquals(pubBytes, pub.uncompressed());
      for (JsonNode test : group.get("tests")) {
        String result = test.get("result").asText();
        String id = file + " tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ")";
        byte[] digest = hash.digest(Hex.decode(test.get("msg").asText()));
        byte[] sigBytes = Hex.decode(test.get("sig").asText());
        boolean ok;
        boolean parsed = false;
        try {
          EcdsaSignature sig;
          if (enc == Encoding.DER) {
            sig = EcdsaSignature.fromDer(sigBytes);
          } else {
            // IEEE P1363 is exactly r||s; a 65-byte blob is not a P1363 signature
            if (sigBytes.length != 64) {
              throw new CryptoException("signature: P1363 signature must be 64 bytes");
            }
            sig = EcdsaSignature.fromCompact(sigBytes);
          }
          parsed = true;
          // strict parsing means the encoding is canonical: re-encoding gives the input back
          byte[] again = enc == Encoding.DER ? sig.toDer() : sig.toCompact();
          assertArrayEquals(sigBytes, again, id + ": re-encoding");
          ok = strict ? pub.verifyStrict(digest, sig) : pub.verify(digest, sig);
        } catch (CairnException e) {
          ok = false;
        }
        switch (result) {
          case "valid":
            t.valid++;
            if (!ok) {
              t.failures.add("valid vector rejected: " + id);
            }
            break;
          case "invalid":
            t.invalid++;
            if (!parsed) {
              t.rejectedByParser++;
            }
            if (ok) {
              t.failures.add("invalid vector accepted: " + id);
            }
            break;
          default:
            fail(id + ": unexpected result '" + result + "' (acceptable vectors need a documented decision)");
        }
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), t.total(), file + ": vectors run");
    if (!t.failures.isEmpty()) {
      fail(t.failures.size() + " failures:\n" + String.join("\n", t.failures));
    }
    return t;
  }

  @Test
  void ecdsaSha256Der() throws IOException {
    Tally t = runEcdsa("ecdsa_secp256k1_sha256_test.json", Encoding.DER, WycheproofTest::sha256, false);
    assertEquals(476, t.total());
    assertEquals(168, t.valid);
    assertEquals(308, t.invalid);
    assertTrue(t.rejectedByParser > 100, "most invalid DER vectors are caught by the parser");
  }

  @Test
  void ecdsaSha256P1363() throws IOException {
    Tally t = runEcdsa(
        "ecdsa_secp256k1_sha256_p1363_test.json", Encoding.P1363, WycheproofTest::sha256, false);
    assertEquals(252, t.total());
    assertEquals(167, t.valid);
    assertEquals(85, t.invalid);
  }

  @Test
  void ecdsaSha256BitcoinLowS() throws IOException {
    Tally t = runEcdsa(
        "ecdsa_secp256k1_sha256_bitcoin_test.json", Encoding.DER, WycheproofTest::sha256, true);
    assertEquals(463, t.total());
    assertEquals(162, t.valid);
    assertEquals(301, t.invalid);
  }

  @Test
  void ecdsaSha3_256Der() throws IOException {
    Tally t = runEcdsa("ecdsa_secp256k1_sha3_256_test.json", Encoding.DER, WycheproofTest::sha3, false);
    assertEquals(474, t.total());
    assertEquals(172, t.valid);
    assertEquals(302, t.invalid);
  }

  @Test
  void ed25519() throws IOException {
    JsonNode root = load("ed25519_test.json");
    int valid = 0;
    int invalid = 0;
    List<String> failures = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      Ed25519PublicKey pub = Ed25519PublicKey.of(Hex.decode(group.get("publicKey").get("pk").asText()));
      for (JsonNode test : group.get("tests")) {
        String id = "tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ")";
        boolean ok = pub.verify(Hex.decode(test.get("msg").asText()), Hex.decode(test.get("sig").asText()));
        String result = test.get("result").asText();
        if (result.equals("valid")) {
          valid++;
          if (!ok) {
            failures.add("valid vector rejected: " + id);
          }
        } else if (result.equals("invalid")) {
          invalid++;
          if (ok) {
            failures.add("invalid vector accepted: " + id);
          }
        } else {
          fail(id + ": unexpected result '" + result + "'");
        }
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), valid + invalid);
    assertEquals(88, valid);
    assertEquals(63, invalid);
    if (!failures.isEmpty()) {
      fail(failures.size() + " failures:\n" + String.join("\n", failures));
    }
  }
}
