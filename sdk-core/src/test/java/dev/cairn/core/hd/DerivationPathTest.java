package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class DerivationPathTest {
  private static final int H = DerivationPath.HARDENED_BIT;

  @Test
  void parsesAllHardenedMarkers() {
    DerivationPath p = DerivationPath.parse("m/44'/60h/0H/0/7");
    assertArrayEquals(new int[] {44 | H, 60 | H, H, 0, 7}, p.toArray());
    assertEquals("m/44'/60'/0'/0/7", p.toString());
    assertEquals(5, p.depth());
    assertEquals(DerivationPath.parse("m/44'/60'/0'/0/7"), p);
    assertEquals(p.hashCode(), DerivationPath.parse("m/44h/60h/0h/0/7").hashCode());
  }

  @Test
  void master() {
    DerivationPath m = DerivationPath.parse("m");
    assertEquals(0, m.depth());
    assertEquals("m", m.toString());
    assertEquals(DerivationPath.MASTER, m);
    assertTrue(m.parent().isEmpty());
  }

  @Test
  void extremes() {
    DerivationPath p = DerivationPath.parse("m/2147483647'/2147483647/0");
    assertArrayEquals(new int[] {-1, Integer.MAX_VALUE, 0}, p.toArray());
    assertEquals("m/2147483647'/2147483647/0", p.toString());
  }

  @Test
  void defaults() {
    assertEquals("m/44'/60'/0'/0/0", DerivationPath.EVM.toString());
    assertEquals("m/44'/501'/0'/0'", DerivationPath.SOLANA.toString());
    assertEquals("m/44'/118'/0'/0/0", DerivationPath.COSMOS.toString());
    assertEquals(new DerivationPath.Bip44(44, 60, 0, 0, 0), DerivationPath.EVM.bip44().orElseThrow());
    assertEquals(new DerivationPath.Bip44(44, 118, 0, 0, 0), DerivationPath.COSMOS.bip44().orElseThrow());
    assertTrue(DerivationPath.SOLANA.bip44().isEmpty());
    assertTrue(DerivationPath.parse("m/44'/60'/0'/0'/0").bip44().isEmpty());
    assertTrue(DerivationPath.parse("m/44'/60'/0'/0").bip44().isEmpty());
    assertEquals(new DerivationPath.Bip44(84, 0, 3, 1, 9),
        DerivationPath.parse("m/84'/0'/3'/1/9").bip44().orElseThrow());
  }

  @Test
  void builders() {
    DerivationPath p = DerivationPath.MASTER.hardened(44).hardened(60).hardened(0).child(0).child(0);
    assertEquals(DerivationPath.EVM, p);
    assertEquals(p, DerivationPath.of(DerivationPath.hardenedIndex(44), 60 | H, H, 0, 0));
    assertEquals("m/44'/60'/0'/0", p.parent().orElseThrow().toString());
    assertEquals(60 | H, p.get(1));
    assertTrue(DerivationPath.isHardened(p.get(0)));
    assertFalse(DerivationPath.isHardened(p.get(4)));
    int[] raw = {1, 2};
    DerivationPath q = DerivationPath.of(raw);
    raw[0] = 9;
    assertEquals("m/1/2", q.toString());
    q.toArray()[0] = 9;
    assertEquals("m/1/2", q.toString());
    assertThrows(DerivationPathException.class, () -> p.child(-1));
    assertThrows(DerivationPathException.class, () -> p.hardened(Integer.MIN_VALUE));
    assertThrows(DerivationPathException.class, () -> DerivationPath.hardenedIndex(-5));
    assertThrows(DerivationPathException.class, () -> p.get(5));
    assertThrows(DerivationPathException.class, () -> DerivationPath.of(new int[256]));
    DerivationPath deep = DerivationPath.of(new int[255]);
    assertThrows(DerivationPathException.class, () -> deep.child(0));
  }

  private static int errorAt(String s) {
    return assertThrows(DerivationPathException.class, () -> DerivationPath.parse(s)).position();
  }

  @Test
  void errorsNamePosition() {
    assertEquals(0, errorAt(""));
    assertEquals(0, errorAt("M/0"));
    assertEquals(0, errorAt("/0"));
    assertEquals(1, errorAt("m0"));
    assertEquals(2, errorAt("m/"));
    assertEquals(4, errorAt("m/0/"));
    assertEquals(2, errorAt("m/x"));
    assertEquals(3, errorAt("m/0x"));
    assertEquals(4, errorAt("m/0''"));
    assertEquals(2, errorAt("m/2147483648"));
    assertEquals(4, errorAt("m/1/99999999999999999999"));
    assertEquals(2, errorAt("m/01"));
    assertEquals(2, errorAt("m/-1"));
    assertEquals(1, errorAt("m //0"));
    assertEquals(3, errorAt("m/0 "));
    assertEquals(-1, assertThrows(DerivationPathException.class,
        () -> DerivationPath.parse(null)).position());
    DerivationPathException e =
        assertThrows(DerivationPathException.class, () -> DerivationPath.parse("m/44'/6a"));
    assertTrue(e.getMessage().contains("position 7"), e.getMessage());
    assertInstanceOf(HdWalletException.class, e);
  }

  @Test
  void depthLimit() {
    String ok = "m" + "/0".repeat(255);
    assertEquals(255, DerivationPath.parse(ok).depth());
    assertEquals(ok.length(), errorAt(ok + "/0"));
  }

  @Property
  void randomStringsParseOrFailTyped(@ForAll("pathish") String s) {
    try {
      DerivationPath p = DerivationPath.parse(s);
      // what parses re-parses to the same path from its canonical form
      assertEquals(p, DerivationPath.parse(p.toString()));
    } catch (DerivationPathException e) {
      assertTrue(e.position() >= -1 && e.position() <= s.length());
    }
  }

  @Property
  void arbitraryStringsParseOrFailTyped(@ForAll String s) {
    try {
      DerivationPath.parse(s);
    } catch (DerivationPathException e) {
      assertTrue(e.position() >= -1 && e.position() <= s.length());
    }
  }

  @Provide
  Arbitrary<String> pathish() {
    Arbitrary<String> base = Arbitraries.strings().withChars("m/0123456789'hH x-").ofMaxLength(40);
    return Arbitraries.oneOf(base, base.map(s -> "m/" + s), base.map(s -> "m/" + s.replace(" ", "")));
  }

  @Property
  void canonicalRoundTrip(@ForAll("components") int[] raw) {
    DerivationPath p = DerivationPath.of(raw);
    assertEquals(p, DerivationPath.parse(p.toString()));
    assertEquals(p, DerivationPath.parse(p.toString().replace('\'', 'h')));
    assertArrayEquals(raw, DerivationPath.parse(p.toString().replace('\'', 'H')).toArray());
  }

  @Provide
  Arbitrary<int[]> components() {
    return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE)
        .array(int[].class).ofMaxSize(12);
  }
}
