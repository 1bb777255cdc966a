package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.ExtendedKeyException.Reason;
import dev.cairn.core.testing.TestData;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class Bip32KeyTest {
  private static final int H = DerivationPath.HARDENED_BIT;

  static JsonNode vectors() throws Exception {
    return new ObjectMapper().readTree(TestData.read("bip32/bip32_vectors.json"));
  }

  /** Vectors 1-4: every path's xprv and xpub, derived from the seed and parsed back. */
  @Test
  void vectors1to4() throws Exception {
    int chains = 0;
    int vectors = 0;
    for (JsonNode v : vectors()) {
      if (v.get("chains").size() == 0) {
        continue;
      }
      vectors++;
      Bip32Key master = Bip32Key.fromSeed(Hex.decode(v.get("seed").asText()));
      Bip32Key previous = null;
      for (JsonNode c : v.get("chains")) {
        DerivationPath path = DerivationPath.parse(c.get("path").asText());
        String xprv = c.get("xprv").asText();
        String xpub = c.get("xpub").asText();
        Bip32Key k = master.derive(path);
        assertEquals(xprv, k.serialize(), path.toString());
        assertEquals(xpub, k.neuter().serialize(), path.toString());
        assertEquals(path.depth(), k.depth());
        assertEquals(path.depth() == 0 ? 0 : path.get(path.depth() - 1), k.childNumber());

        // parse both ways and re-serialize
        Bip32Key parsedPrv = Bip32Key.parse(xprv);
        assertTrue(parsedPrv.isPrivate());
        assertEquals(xprv, parsedPrv.serialize());
        assertEquals(xpub, parsedPrv.neuter().serialize());
        Bip32Key parsedPub = Bip32Key.parse(xpub);
        assertFalse(parsedPub.isPrivate());
        assertEquals(xpub, parsedPub.serialize());
        assertEquals(k.publicKey(), parsedPub.publicKey());
        assertArrayEquals(k.chainCode(), parsedPub.chainCode());
        assertEquals(k.fingerprint(), parsedPub.fingerprint());
        assertEquals(k.parentFingerprint(), parsedPub.parentFingerprint());

        // the step from the previous chain entry, from the parsed parent
        if (previous != null) {
          assertEquals(previous.fingerprint(), k.parentFingerprint());
          Bip32Key step = Bip32Key.parse(previous.serialize()).deriveChild(k.childNumber());
          assertEquals(xprv, step.serialize());
          if (!DerivationPath.isHardened(k.childNumber())) {
            // public derivation from the parent's xpub gives the child's xpub
            Bip32Key pubStep = Bip32Key.parse(previous.neuter().serialize()).deriveChild(k.childNumber());
            assertEquals(xpub, pubStep.serialize());
          } else {
            Bip32Key parentPub = previous.neuter();
            int child = k.childNumber();
            HdWalletException e = assertThrows(HdWalletException.class, () -> parentPub.deriveChild(child));
            assertTrue(e.getMessage().contains("hardened"));
          }
        }
        previous = k;
        chains++;
      }
    }
    assertEquals(4, vectors);
    assertEquals(6 + 6 + 2 + 3, chains);
  }

  @Test
  void vector1Fingerprints() {
    Bip32Key m = Bip32Key.fromSeed(Hex.decode("000102030405060708090a0b0c0d0e0f"));
    assertEquals(0x3442193e, m.fingerprint());
    assertEquals(0, m.parentFingerprint());
    Bip32Key c = m.derive(DerivationPath.parse("m/0'"));
    assertEquals(0x3442193e, c.parentFingerprint());
    assertEquals(H, c.childNumber());
    assertEquals("edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea",
        Hex.encode(c.privateKey().bytes()));
    assertEquals("035a784662a4a20a65bf6aab9ae98a6c068a81c52e4b032c0fb5400c706cfccc56",
        Hex.encode(c.publicKey().compressed()));
  }

  /** Vector 5: every invalid key is rejected with the reason the vector names. */
  @Test
  void vector5Invalid() throws Exception {
    Map<String, Reason> reasons = new HashMap<>();
    reasons.put("pubkey version / prvkey mismatch", Reason.VERSION_KEY_MISMATCH);
    reasons.put("prvkey version / pubkey mismatch", Reason.VERSION_KEY_MISMATCH);
    reasons.put("invalid pubkey prefix 04", Reason.INVALID_KEY_PREFIX);
    reasons.put("invalid prvkey prefix 04", Reason.INVALID_KEY_PREFIX);
    reasons.put("invalid pubkey prefix 01", Reason.INVALID_KEY_PREFIX);
    reasons.put("invalid prvkey prefix 01", Reason.INVALID_KEY_PREFIX);
    reasons.put("zero depth with non-zero parent fingerprint", Reason.ZERO_DEPTH_PARENT_FINGERPRINT);
    reasons.put("zero depth with non-zero index", Reason.ZERO_DEPTH_CHILD_NUMBER);
    reasons.put("unknown extended key version", Reason.UNKNOWN_VERSION);
    reasons.put("private key 0 not in 1..n-1", Reason.PRIVATE_KEY_OUT_OF_RANGE);
    reasons.put("private key n not in 1..n-1", Reason.PRIVATE_KEY_OUT_OF_RANGE);
    reasons.put("invalid pubkey 020000000000000000000000000000000000000000000000000000000000000007",
        Reason.INVALID_PUBLIC_KEY);
    reasons.put("invalid checksum", Reason.CHECKSUM);
    int n = 0;
    for (JsonNode v : vectors()) {
      for (JsonNode bad : v.get("invalid")) {
        String key = bad.get("key").asText();
        String why = bad.get("reason").asText();
        Reason expected = reasons.get(why);
        assertNotNull(expected, "unmapped reason in vector 5: " + why);
        ExtendedKeyException e = assertThrows(ExtendedKeyException.class, () -> Bip32Key.parse(key), why);
        assertEquals(expected, e.reason(), why);
        assertFalse(e.getMessage().contains(key));
        n++;
      }
    }
    assertEquals(16, n);
  }

  @Test
  void lengthAndEncodingErrors() {
    byte[] payload = new byte[77];
    ExtendedKeyException shortKey =
        assertThrows(ExtendedKeyException.class, () -> Bip32Key.parse(Base58.encodeChecked(payload)));
    assertEquals(Reason.LENGTH, shortKey.reason());
    ExtendedKeyException longKey = assertThrows(ExtendedKeyException.class,
        () -> Bip32Key.parse(Base58.encodeChecked(new byte[79])));
    assertEquals(Reason.LENGTH, longKey.reason());
    assertEquals(Reason.LENGTH, assertThrows(ExtendedKeyException.class,
        () -> Bip32Key.parse("x".repeat(10_000))).reason());
    assertEquals(Reason.LENGTH, assertThrows(ExtendedKeyException.class,
        () -> Bip32Key.parse("")).reason());
    ExtendedKeyException bad = assertThrows(ExtendedKeyException.class, () -> Bip32Key.parse(
        "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPH0"));
    assertEquals(Reason.ENCODING, bad.reason());
    assertTrue(bad.getMessage().contains("offset 110"), bad.getMessage());
  }

  @Test
  void testnetVersions() {
    Bip32Key m = Bip32Key.fromSeed(Hex.decode("000102030405060708090a0b0c0d0e0f"), Bip32Key.Network.TESTNET);
    String tprv = m.serialize();
    String tpub = m.neuter().serialize();
    assertTrue(tprv.startsWith("tprv"), tprv);
    assertTrue(tpub.startsWith("tpub"), tpub);
    assertEquals(Bip32Key.Network.TESTNET, Bip32Key.parse(tprv).network());
    assertEquals(tpub, Bip32Key.parse(tprv).neuter().serialize());
    assertEquals(Bip32Key.Network.TESTNET, Bip32Key.parse(tprv).derive(DerivationPath.parse("m/1")).network());
    // same key material as the mainnet vector
    assertEquals("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
        m.serialize(Bip32Key.Network.MAINNET));
    byte[] raw = Base58.decode("t", tprv);
    assertEquals(0x04358394, Bip32Key.getInt(raw, 0));
    assertEquals(0x043587CF, Bip32Key.getInt(Base58.decode("t", tpub), 0));
  }

  @Test
  void seedLength() {
    assertThrows(HdWalletException.class, () -> Bip32Key.fromSeed(new byte[15]));
    assertThrows(HdWalletException.class, () -> Bip32Key.fromSeed(new byte[65]));
    assertEquals(0, Bip32Key.fromSeed(new byte[16]).depth());
    assertEquals(0, Bip32Key.fromSeed(new byte[64]).depth());
  }

  @Test
  void publicKeyRestrictions() {
    Bip32Key pub = Bip32Key.fromSeed(new byte[32]).neuter();
    assertThrows(HdWalletException.class, pub::privateKey);
    assertThrows(HdWalletException.class, () -> pub.derive(DerivationPath.parse("m/0/1'")));
    assertEquals(2, pub.derive(DerivationPath.parse("m/0/1")).depth());
  }

  @Test
  void deriveFromNonMasterIsRelative() {
    Bip32Key m = Bip32Key.fromSeed(Hex.decode("000102030405060708090a0b0c0d0e0f"));
    Bip32Key account = m.derive(DerivationPath.parse("m/0'/1"));
    assertEquals(m.derive(DerivationPath.parse("m/0'/1/2'/2")).serialize(),
        account.derive(DerivationPath.parse("m/2'/2")).serialize());
    assertEquals(account.serialize(), account.derive(DerivationPath.MASTER).serialize());
    assertThrows(HdWalletException.class,
        () -> account.derive(DerivationPath.of(new int[254])));
  }

  @Test
  void destroyAndRedaction() {
    Bip32Key m = Bip32Key.fromSeed(Hex.decode("000102030405060708090a0b0c0d0e0f"));
    Secp256k1PrivateKey copy = m.privateKey();
    String s = m.toString();
    assertFalse(s.contains("xprv"));
    assertFalse(s.contains("e8f32e72"));
    assertEquals("Bip32Key[private, depth=0, child=m, redacted]", s);
    m.chainCode()[0] ^= 1; // a copy
    assertEquals("873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508", Hex.encode(m.chainCode()));
    m.destroy();
    assertTrue(m.isDestroyed());
    assertEquals("Bip32Key[destroyed]", m.toString());
    assertThrows(HdWalletException.class, m::serialize);
    assertThrows(HdWalletException.class, m::chainCode);
    assertThrows(HdWalletException.class, () -> m.deriveChild(0));
    // the copy handed out earlier is independent
    assertEquals("e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35", Hex.encode(copy.bytes()));
  }

  @Test
  void invalidChildExceptionCarriesIndex() {
    InvalidChildKeyException e = new InvalidChildKeyException(5 | H, null);
    assertEquals(5 | H, e.childNumber());
    assertTrue(e.getMessage().contains("5'"));
    assertInstanceOf(HdWalletException.class, e);
  }

  @Property(tries = 60)
  void serializeParseRoundTrip(@ForAll("seeds") byte[] seed, @ForAll("paths") int[] path) {
    Bip32Key k = Bip32Key.fromSeed(seed).derive(DerivationPath.of(path));
    String xprv = k.serialize();
    String xpub = k.neuter().serialize();
    Bip32Key p = Bip32Key.parse(xprv);
    assertEquals(xprv, p.serialize());
    assertEquals(xpub, Bip32Key.parse(xpub).serialize());
    assertArrayEquals(k.privateKey().bytes(), p.privateKey().bytes());
    assertEquals(k.depth(), p.depth());
    assertEquals(k.childNumber(), p.childNumber());
    assertEquals(k.parentFingerprint(), p.parentFingerprint());
    // a non-hardened child derived privately and publicly agree
    assertEquals(k.deriveChild(7).neuter().serialize(), Bip32Key.parse(xpub).deriveChild(7).serialize());
  }

  @Property(tries = 100)
  void corruptedKeysFailTyped(@ForAll("seeds") byte[] seed, @ForAll("positions") int pos,
      @ForAll("base58chars") char c) {
    String s = Bip32Key.fromSeed(seed).serialize();
    int p = pos % s.length();
    Assume.that(s.charAt(p) != c);
    String bad = s.substring(0, p) + c + s.substring(p + 1);
    // a one-character change is always caught by the checksum (or the length)
    ExtendedKeyException e = assertThrows(ExtendedKeyException.class, () -> Bip32Key.parse(bad));
    assertTrue(e.reason() == Reason.CHECKSUM || e.reason() == Reason.LENGTH, e.reason().toString());
  }

  @Property(tries = 200)
  void arbitraryStringsFailTyped(@ForAll String s) {
    assertThrows(ExtendedKeyException.class, () -> Bip32Key.parse(s));
  }

  @Provide
  Arbitrary<byte[]> seeds() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(64);
  }

  @Provide
  Arbitrary<int[]> paths() {
    return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE)
        .array(int[].class).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 200);
  }

  @Provide
  Arbitrary<Character> base58chars() {
    return Arbitraries.of("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray());
  }
}
