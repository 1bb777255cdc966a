package dev.cairn.svm.borsh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.svm.SvmException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BorshPropertiesTest {

  static BorshType randomType(SplittableRandom r, int depth) {
    BorshType[] leaves = {BorshType.U8, BorshType.U16, BorshType.U32, BorshType.U64, BorshType.U128, BorshType.U256,
        BorshType.I8, BorshType.I16, BorshType.I32, BorshType.I64, BorshType.I128, BorshType.I256, BorshType.F32,
        BorshType.F64, BorshType.BOOL, BorshType.STRING, BorshType.BYTES, BorshType.PUBKEY};
    if (depth <= 0 || r.nextInt(3) == 0) {
      return leaves[r.nextInt(leaves.length)];
    }
    switch (r.nextInt(9)) {
      case 0: return BorshType.vec(randomType(r, depth - 1));
      case 1: {
        BorshType inner = randomType(r, depth - 1);
        // Some(None) has no JSON form (null is None), so no Option directly in an Option
        return BorshType.option(inner instanceof Types.Opt ? BorshType.vec(inner) : inner);
      }
      case 2: return BorshType.array(randomType(r, depth - 1), 1 + r.nextInt(3));
      case 3: return BorshType.btreeMap(leaves[r.nextInt(leaves.length - 3)] == BorshType.F32 ? BorshType.STRING : keyType(r), randomType(r, depth - 1));
      case 4: return BorshType.hashSet(keyType(r));
      case 5: {
        List<BorshType> e = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
          e.add(randomType(r, depth - 1));
        }
        return BorshType.tuple(e);
      }
      case 6: {
        List<BorshType.Field> f = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
          f.add(BorshType.Field.of("f" + i, randomType(r, depth - 1)));
        }
        return BorshType.struct("S" + depth, f);
      }
      default: {
        List<BorshType.Variant> v = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
          int k = r.nextInt(3);
          v.add(k == 0 ? BorshType.Variant.unit("V" + i)
              : k == 1 ? BorshType.Variant.named("V" + i, List.of(BorshType.Field.of("x", randomType(r, depth - 1))))
              : BorshType.Variant.tuple("V" + i, List.of(randomType(r, depth - 1), randomType(r, depth - 1))));
        }
        return BorshType.enumeration("E" + depth, v);
      }
    }
  }

  static BorshType keyType(SplittableRandom r) {
    BorshType[] keys = {BorshType.U8, BorshType.I32, BorshType.U64, BorshType.I128, BorshType.STRING, BorshType.PUBKEY,
        BorshType.BOOL, BorshType.BYTES, BorshType.array(BorshType.U8, 2)};
    return keys[r.nextInt(keys.length)];
  }

  @Property(tries = 400)
  void roundTripsAndJson(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BorshType t = randomType(r, 3);
    Object v = RandomBorsh.value(t, r, 3);
    byte[] enc = t.encode(v);
    Object back = t.decode(enc);
    assertEquals(RandomBorsh.canonical(t, v), RandomBorsh.canonical(t, back), t.toString());
    assertArrayEquals(enc, t.encode(back));
    // the JSON form reads back to the same bytes (except Some(None), which JSON cannot tell from None)
    assertArrayEquals(enc, t.encode(t.fromJson(t.toJson(v))), t.toString());
    // and a parsed type string (where there is one) is the same type
    if (!t.toString().matches(".*[SE][0-9].*")) {
      assertEquals(t, BorshType.parse(t.toString()));
    }
  }

  @Property(tries = 300)
  void truncationAndTrailingBytesAreRejected(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BorshType t = randomType(r, 3);
    byte[] enc = t.encode(RandomBorsh.value(t, r, 3));
    if (enc.length > 0) {
      byte[] cut = Arrays.copyOf(enc, r.nextInt(enc.length));
      DecodingException e = assertThrows(DecodingException.class, () -> t.decode(cut));
      assertTrue(e.field().startsWith("borsh"), e.getMessage());
      assertTrue(e.offset() >= 0 && e.offset() <= cut.length, e.getMessage());
    }
    byte[] longer = Arrays.copyOf(enc, enc.length + 1 + r.nextInt(3));
    DecodingException e = assertThrows(DecodingException.class, () -> t.decode(longer));
    assertEquals(enc.length, e.offset());
  }

  @Property(tries = 500)
  void randomBytesDecodeOrFailTyped(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BorshType t = randomType(r, 3);
    byte[] junk = new byte[r.nextInt(64)];
    r.nextBytes(junk);
    try {
      Object v = t.decode(junk);
      // whatever decodes is canonical: it encodes back to the same bytes
      assertArrayEquals(junk, t.encode(v), t.toString());
    } catch (DecodingException e) {
      assertTrue(e.field().startsWith("borsh"));
    }
  }

  @Test
  void knownVectors() {
    assertEquals("0100000000000000", Hex.encode(BorshType.U64.encode(1)));
    assertEquals("ffffffffffffffff", Hex.encode(BorshType.U64.encode(new BigInteger("18446744073709551615"))));
    assertEquals(new BigInteger("18446744073709551615"), BorshType.U64.decode(Hex.decode("ffffffffffffffff")));
    assertEquals(-1L, BorshType.I64.decode(Hex.decode("ffffffffffffffff")));
    assertEquals("feffffffffffffffffffffffffffffff", Hex.encode(BorshType.I128.encode(-2)));
    assertEquals("0300000061c3a9", Hex.encode(BorshType.STRING.encode("aé")).substring(0, 14));
    assertEquals("00", Hex.encode(BorshType.parse("Option<u8>").encode(null)));
    assertEquals("0107", Hex.encode(BorshType.parse("Option<u8>").encode(Optional.of(7))));
    assertEquals("0200000001000200", Hex.encode(BorshType.parse("Vec<u16>").encode(List.of(1, 2))));
    assertEquals("0000803f", Hex.encode(BorshType.F32.encode(1.0f)));
    // maps are written in key order whatever the input order
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(3, true);
    m.put(-1, false);
    assertEquals("02000000ffffffff0003000000" + "01", Hex.encode(BorshType.parse("HashMap<i32, bool>").encode(m)));
    BorshType e = BorshType.enumeration("E", List.of(BorshType.Variant.unit("A"),
        BorshType.Variant.named("B", List.of(BorshType.Field.of("x", BorshType.U8)))));
    assertEquals("0105", Hex.encode(e.encode(BorshEnum.of("B", Map.of("x", 5)))));
    assertEquals(BorshEnum.of("B", Map.of("x", 5)), e.decode(Hex.decode("0105")));
  }

  @Test
  void strictRejectionsNameThePathAndOffset() {
    BorshType t = BorshType.struct("T", List.of(BorshType.Field.of("flags", BorshType.parse("Vec<bool>")),
        BorshType.Field.of("name", BorshType.STRING), BorshType.Field.of("o", BorshType.parse("Option<u8>"))));
    DecodingException e = assertThrows(DecodingException.class, () -> t.decode(Hex.decode("020000000102")));
    assertEquals("borsh.flags[1]", e.field());
    assertEquals(5, e.offset());
    e = assertThrows(DecodingException.class, () -> t.decode(Hex.decode("0000000002000000c328" + "00")));
    assertEquals("borsh.name", e.field());
    assertTrue(e.getMessage().contains("UTF-8"));
    e = assertThrows(DecodingException.class, () -> t.decode(Hex.decode("000000000000000002")));
    assertEquals("borsh.o", e.field());
    assertTrue(e.getMessage().contains("option tag"));
    // a length prefix larger than the input is refused before allocating
    e = assertThrows(DecodingException.class, () -> t.decode(Hex.decode("ffffffff")));
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    e = assertThrows(DecodingException.class, () -> BorshType.parse("Vec<u64>").decode(Hex.decode("0200000001")));
    assertTrue(e.getMessage().contains("length 2"), e.getMessage());
    BorshType en = BorshType.enumeration("E", List.of(BorshType.Variant.unit("A")));
    e = assertThrows(DecodingException.class, () -> en.decode(new byte[] {1}));
    assertTrue(e.getMessage().contains("variant"), e.getMessage());
    e = assertThrows(DecodingException.class, () -> BorshType.F64.decode(Hex.decode("000000000000f87f")));
    assertTrue(e.getMessage().contains("NaN"));
    // map keys out of order
    e = assertThrows(DecodingException.class, () -> BorshType.parse("BTreeMap<u8, u8>").decode(Hex.decode("020000000201" + "0101")));
    assertEquals("borsh[1]", e.field());
  }

  @Test
  void encodingErrorsNameThePath() {
    BorshType t = BorshType.struct("T", List.of(BorshType.Field.of("xs", BorshType.parse("Vec<u8>"))));
    SvmException e = assertThrows(SvmException.class, () -> t.encode(Map.of("xs", List.of(1, 256))));
    assertTrue(e.getMessage().startsWith("borsh.xs[1]"), e.getMessage());
    e = assertThrows(SvmException.class, () -> t.encode(Map.of()));
    assertTrue(e.getMessage().contains("xs") && e.getMessage().contains("missing"), e.getMessage());
    assertThrows(SvmException.class, () -> BorshType.U64.encode(-1));
    assertThrows(SvmException.class, () -> BorshType.STRING.encode("\uD800"));
    assertThrows(SvmException.class, () -> BorshType.parse("Vec<()>"));
    assertThrows(SvmException.class, () -> BorshType.parse("HashMap<f32, u8>"));
    SvmException p = assertThrows(SvmException.class, () -> BorshType.parse("Vec<u8"));
    assertTrue(p.getMessage().contains("offset 6"), p.getMessage());
  }

  @Test
  void handWrittenCodecs() {
    byte[] data = new BorshWriter().u8(3).u64(-1L).string("hi").bool(true).toByteArray();
    BorshReader r = new BorshReader(data);
    assertEquals(3, r.u8("tag"));
    assertEquals("18446744073709551615", Long.toUnsignedString(r.u64("amount")));
    assertEquals("hi", r.string("memo"));
    assertTrue(r.bool("flag"));
    r.expectEnd();
    DecodingException e = assertThrows(DecodingException.class, () -> new BorshReader(new byte[] {1}).u64("amount"));
    assertEquals("amount", e.field());
  }
}
