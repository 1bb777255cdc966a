package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {
  private static final Address ADDR = Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

  static String w(long v) {
    return String.format("%064x", v);
  }

  static byte[] hex(String... words) {
    return Hex.decode(String.join("", words));
  }

  static DecodingException rejects(TupleType t, byte[] data) {
    return assertThrows(DecodingException.class, () -> t.decode(data));
  }

  // ------------------------------------------------------------------ encoding

  @Test
  void transferCalldata() {
    Function f = Function.parse("transfer(address,uint256)");
    assertEquals("a9059cbb", Hex.encode(f.selector()));
    byte[] call = f.encodeCall(ADDR, BigInteger.TEN.pow(18));
    assertEquals(
        "a9059cbb"
            + "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
            + "0000000000000000000000000000000000000000000000000de0b6b3a7640000",
        Hex.encode(call));
    // long, int and BigInteger give the same bytes
    assertArrayEquals(call, f.encodeCall(ADDR, 1_000_000_000_000_000_000L));
    assertArrayEquals(call, f.encodeCall(Tuple.of(ADDR, BigInteger.TEN.pow(18))));
    Tuple args = f.decodeCall(call);
    assertEquals(ADDR, args.getAddress(0));
    assertEquals(BigInteger.TEN.pow(18), args.getBigInteger(1));
    assertEquals(1_000_000_000_000_000_000L, args.getLong(1));
  }

  @Test
  void humanReadableFunctions() {
    Function f = Function.parse("function balanceOf(address owner) external view returns (uint256 balance)");
    assertEquals("balanceOf", f.name());
    assertEquals("balanceOf(address)", f.signature());
    assertEquals("70a08231", Hex.encode(f.selector()));
    assertEquals("view", f.stateMutability());
    assertEquals("owner", f.inputs().name(0));
    assertEquals("balance", f.outputs().name(0));
    assertEquals("(uint256)", f.outputs().canonicalType());
    byte[] ret = hex(w(42));
    assertEquals(42, f.decodeReturn(ret).getBigInteger(0).intValueExact());
    assertArrayEquals(ret, f.encodeReturn(Tuple.of(42)));

    Function g =
        Function.parse(
            "function swap((address token, uint256[] amounts) memory order, bytes calldata data) payable returns (bool ok)");
    assertEquals("swap((address,uint256[]),bytes)", g.signature());
    assertEquals("payable", g.stateMutability());
    assertEquals(Arrays.asList("token", "amounts"), ((TupleType) g.inputs().get(0)).names());
    Function h = Function.parse("  function  f ( uint [ ] x , tuple ( bool ) [2] y )  ");
    assertEquals("f(uint256[],(bool)[2])", h.signature());
    assertEquals("f()", Function.parse("f()").signature());
    assertEquals(TupleType.EMPTY, Function.parse("f()").inputs());

    AbiException e = assertThrows(AbiException.class, () -> Function.parse("function f(uint256 a b)"));
    assertEquals(AbiException.Reason.PARSE, e.reason());
    assertEquals(21, e.position());
    AbiException e2 = assertThrows(AbiException.class, () -> Function.parse("f(uint256,uint7)"));
    assertEquals(10, e2.position());
    assertThrows(AbiException.class, () -> Function.parse("function f(uint256) returns"));
    assertThrows(AbiException.class, () -> Function.parse("function f(uint256) sometimes"));
    assertThrows(AbiException.class, () -> Function.parse("function (uint256)"));
  }

  @Test
  void decodeCallChecksSelector() {
    Function f = Function.parse("transfer(address,uint256)");
    byte[] call = f.encodeCall(ADDR, 1);
    call[0] ^= 1;
    DecodingException e = assertThrows(DecodingException.class, () -> f.decodeCall(call));
    assertEquals("calldata", e.field());
    assertEquals(0, e.offset());
    assertThrows(DecodingException.class, () -> f.decodeCall(new byte[3]));
  }

  @Test
  void valueErrorsNameThePath() {
    Function f = Function.parse("f(address,uint8[],(bool,string[])[])");
    AbiException e =
        assertThrows(AbiException.class, () -> f.encodeCall(ADDR, List.of(300), List.of()));
    assertEquals(AbiException.Reason.INVALID_VALUE, e.reason());
    assertEquals("args[1][0]: 300 out of range for uint8", e.getMessage());
    AbiException e2 =
        assertThrows(
            AbiException.class,
            () -> f.encodeCall(ADDR, List.of(), List.of(Tuple.of(true, List.of("a", 5)))));
    assertEquals("args[2][0][1][1]: expected a String, got Integer", e2.getMessage());
    AbiException e3 = assertThrows(AbiException.class, () -> f.encodeCall(ADDR, List.of()));
    assertTrue(e3.getMessage().contains("expected 3 values"), e3.getMessage());
    AbiException e4 = assertThrows(AbiException.class, () -> f.encodeCall("0x00", List.of(), List.of()));
    assertEquals("args[0]: expected an Address, got String", e4.getMessage());
    AbiException e5 = assertThrows(AbiException.class, () -> f.encodeCall((Object[]) null));
    assertEquals(AbiException.Reason.INVALID_VALUE, e5.reason());
  }

  @Test
  void integerRanges() {
    TupleType t = AbiTypes.tuple("uint8", "int8", "uint256", "int256", "int64", "uint64");
    BigInteger max256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    BigInteger min256 = BigInteger.ONE.shiftLeft(255).negate();
    BigInteger max255 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
    Tuple ok = Tuple.of(255, -128, max256, min256, Long.MIN_VALUE, new BigInteger("18446744073709551615"));
    byte[] enc = t.encode(ok);
    assertEquals(ok, t.decode(enc));
    Tuple d = t.decode(enc);
    assertEquals(Long.class, d.get(0).getClass());
    assertEquals(BigInteger.class, d.get(2).getClass());
    assertEquals(Long.class, d.get(4).getClass());
    assertEquals(BigInteger.class, d.get(5).getClass());
    assertEquals(
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80", Hex.encode(enc, 32, 32));
    Object[][] bad = {
      {256, -128, 0, 0, 0, 0},
      {0, -129, 0, 0, 0, 0},
      {0, 128, 0, 0, 0, 0},
      {-1, 0, 0, 0, 0, 0},
      {0, 0, max256.add(BigInteger.ONE), 0, 0, 0},
      {0, 0, -1L, 0, 0, 0},
      {0, 0, 0, max255.add(BigInteger.ONE), 0, 0},
      {0, 0, 0, min256.subtract(BigInteger.ONE), 0, 0},
      {0, 0, 0, 0, BigInteger.ONE.shiftLeft(63), 0},
      {0, 0, 0, 0, 0, BigInteger.ONE.shiftLeft(64)},
      {0, 0, 0, 0, 0, 1.5},
      {0, 0, 0, 0, 0, "1"},
    };
    for (int i = 0; i < bad.length; i++) {
      Object[] row = bad[i];
      AbiException e = assertThrows(AbiException.class, () -> t.encode(Tuple.of(row)), "row " + i);
      assertEquals(AbiException.Reason.INVALID_VALUE, e.reason());
      assertTrue(e.getMessage().startsWith("args["), e.getMessage());
    }
  }

  @Test
  void arraysAcceptListsAndObjectArrays() {
    TupleType t = AbiTypes.tuple("uint16[2]", "string[]", "(uint8,bool)[]");
    byte[] a = t.encode(Tuple.of(List.of(1, 2), List.of("x", "yz"), List.of(Tuple.of(1, true))));
    byte[] b =
        t.encode(
            Tuple.of(new Object[] {1L, BigInteger.TWO}, new String[] {"x", "yz"}, new Tuple[] {Tuple.of(1, true)}));
    assertArrayEquals(a, b);
    Tuple d = t.decode(a);
    assertEquals(List.of(1L, 2L), d.getList(0));
    assertEquals(List.of("x", "yz"), d.getList(1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) d.getList(1)).set(0, "q"));
    AbiException e = assertThrows(AbiException.class, () -> t.encode(Tuple.of(List.of(1), List.of(), List.of())));
    assertEquals("args[0]: expected 2 elements for uint16[2], got 1", e.getMessage());
  }

  @Test
  void stringsAreUtf8() {
    TupleType t = AbiTypes.tuple("string");
    String s = "é🚀 ok";
    byte[] enc = t.encode(Tuple.of(s));
    assertEquals(9, enc[63]);
    assertEquals(s, t.decode(enc).getString(0));
    AbiException e = assertThrows(AbiException.class, () -> t.encode(Tuple.of("a\uD800b")));
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
  }

  @Test
  void constructorArgsAreParamsWithoutSelector() {
    TupleType ctor = AbiTypes.tuple("string", "uint8");
    byte[] enc = ctor.encode(Tuple.of("Token", 18));
    assertEquals(w(0x40) + w(18) + w(5) + Hex.encode("Token".getBytes()) + "0".repeat(54), Hex.encode(enc));
  }

  // ------------------------------------------------------------------ packed

  @Test
  void packedMatchesSolidityDocs() {
    // the example from the Solidity docs: abi.encodePacked(int16(-1), bytes1(0x42), uint16(0x03), string("Hello, world!"))
    TupleType t = AbiTypes.tuple("int16", "bytes1", "uint16", "string");
    assertEquals(
        "ffff42000348656c6c6f2c20776f726c6421",
        Hex.encode(t.encodePacked(Tuple.of(-1, new byte[] {0x42}, 3, "Hello, world!"))));
    TupleType u = AbiTypes.tuple("address", "bool", "uint8[]", "int8[2][]", "bytes", "bytes2[]");
    byte[] p =
        u.encodePacked(
            Tuple.of(
                ADDR, true, List.of(1, 2), List.of(List.of(-1, 1)), new byte[] {9}, List.of(new byte[] {1, 2})));
    assertEquals(
        "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" + "01" + w(1) + w(2) + "f".repeat(64) + w(1) + "09"
            + "0102" + "0".repeat(60),
        Hex.encode(p));
    assertEquals("ffffffffffffff85", Hex.encode(AbiTypes.tuple("int64").encodePacked(Tuple.of(-123))));
    assertEquals(
        "00" + "0".repeat(44) + "ff",
        Hex.encode(AbiTypes.tuple("uint192").encodePacked(Tuple.of(255))));
  }

  @Test
  void packedUnsupported() {
    for (String type : new String[] {"(uint8,bool)", "string[]", "bytes[2]", "(uint8)[]"}) {
      TupleType t = AbiTypes.tuple(type);
      Object v =
          type.startsWith("(uint8,")
              ? Tuple.of(1, true)
              : type.equals("string[]") ? List.of("a") : type.equals("bytes[2]") ? List.of(new byte[1], new byte[1]) : List.of(Tuple.of(1));
      AbiException e = assertThrows(AbiException.class, () -> t.encodePacked(Tuple.of(v)), type);
      assertEquals(AbiException.Reason.UNSUPPORTED, e.reason(), type);
    }
  }

  // ------------------------------------------------------------------ strict decoding

  @Test
  void truncatedAndTrailing() {
    TupleType t = AbiTypes.tuple("uint256", "bytes");
    byte[] ok = t.encode(Tuple.of(1, new byte[] {1, 2, 3}));
    for (int len = 0; len < ok.length; len++) {
      byte[] cut = Arrays.copyOf(ok, len);
      DecodingException e = rejects(t, cut);
      assertTrue(e.getMessage().startsWith("abi"), e.getMessage());
    }
    DecodingException e = rejects(t, Arrays.copyOf(ok, ok.length + 32));
    assertEquals(ok.length, e.offset());
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    // decoding a range inside a larger array ignores what is outside
    byte[] framed = new byte[ok.length + 10];
    System.arraycopy(ok, 0, framed, 5, ok.length);
    assertEquals(Tuple.of(1, new byte[] {1, 2, 3}), t.decode(framed, 5, ok.length));
    assertThrows(DecodingException.class, () -> t.decode(framed, 5, ok.length + 6));
    assertThrows(DecodingException.class, () -> t.decode(null));
  }

  @Test
  void offsetsMustBeCanonical() {
    TupleType t = AbiTypes.tuple("string", "string");
    // canonical: offsets 0x40 and 0x80
    byte[] ok = hex(w(0x40), w(0x80), w(1), "61" + "0".repeat(62), w(1), "62" + "0".repeat(62));
    assertEquals(Tuple.of("a", "b"), t.decode(ok));
    // both offsets at the same tail (overlap)
    DecodingException overlap = rejects(t, hex(w(0x40), w(0x40), w(1), "61" + "0".repeat(62)));
    assertEquals("abi[1]", overlap.field());
    assertEquals(32, overlap.offset());
    // out of order
    rejects(t, hex(w(0x80), w(0x40), w(1), "62" + "0".repeat(62), w(1), "61" + "0".repeat(62)));
    // a gap before the first tail
    rejects(t, hex(w(0x60), w(0xa0), w(0), w(1), "61" + "0".repeat(62), w(1), "62" + "0".repeat(62)));
    // offset outside the data
    DecodingException out = rejects(t, hex(w(0x40), w(0x1000), w(1), "61" + "0".repeat(62)));
    assertTrue(out.getMessage().contains("outside"), out.getMessage());
    // an offset of 2^255
    rejects(t, hex("8" + "0".repeat(63), w(0x80), w(1), "61" + "0".repeat(62), w(1), "62" + "0".repeat(62)));
  }

  @Test
  void paddingAndValueChecks() {
    String zero = w(0);
    Object[][] cases = {
      {"address", "01" + "0".repeat(62)},
      {"address", "0".repeat(22) + "01" + "0".repeat(40)},
      {"bool", w(2)},
      {"bool", "01" + "0".repeat(62)},
      {"uint8", w(256)},
      {"uint248", "01" + "0".repeat(62)},
      {"uint32", "8" + "0".repeat(63)},
      {"int8", w(0x80)},
      {"int8", "f".repeat(62) + "7f"},
      {"int16", "fe" + "f".repeat(58) + "8000"},
      {"int64", "f".repeat(48) + "7fffffffffffffff"},
      {"int128", "f".repeat(32) + "0".repeat(32)},
      {"int128", "0".repeat(31) + "1" + "f".repeat(32)},
      {"bytes1", "0102" + "0".repeat(60)},
      {"bytes31", "0".repeat(62) + "01"},
      {"function", "0".repeat(48) + "01" + "0".repeat(14)},
    };
    for (Object[] c : cases) {
      TupleType t = AbiTypes.tuple((String) c[0]);
      DecodingException e = rejects(t, hex((String) c[1]));
      assertEquals("abi[0]", e.field(), (String) c[0]);
      assertTrue(e.offset() >= 0 && e.offset() < 32, e.getMessage());
    }
    assertEquals(Tuple.of(-1L), AbiTypes.tuple("int8").decode(hex("f".repeat(64))));
    assertEquals(Tuple.of(BigInteger.ONE.shiftLeft(127).negate()), AbiTypes.tuple("int128").decode(hex("f".repeat(32) + "8" + "0".repeat(31))));
    assertEquals(zero.length(), 64);
  }

  @Test
  void bytesAndStringTails() {
    TupleType b = AbiTypes.tuple("bytes");
    TupleType s = AbiTypes.tuple("string");
    // non-zero padding after the data
    DecodingException e = rejects(b, hex(w(0x20), w(1), "01" + "0".repeat(61) + "1"));
    assertEquals(95, e.offset());
    rejects(s, hex(w(0x20), w(1), "61" + "0".repeat(61) + "1"));
    // length beyond the data; length 2^255; length 2^32
    rejects(b, hex(w(0x20), w(33), w(0)));
    DecodingException big = rejects(b, hex(w(0x20), "8" + "0".repeat(63), w(0)));
    assertEquals(32, big.offset());
    rejects(b, hex(w(0x20), w(1L << 32), w(0)));
    // invalid UTF-8: a lone continuation byte, an overlong slash, a surrogate, above U+10FFFF, truncated
    for (String bad : new String[] {"80", "c0af", "eda080", "f4908080", "e282"}) {
      int n = bad.length() / 2;
      DecodingException u = rejects(s, hex(w(0x20), w(n), bad + "0".repeat(64 - bad.length())));
      assertEquals(64, u.offset(), bad);
      assertTrue(u.getMessage().contains("UTF-8"), u.getMessage());
    }
    assertEquals("€", s.decode(hex(w(0x20), w(3), "e282ac" + "0".repeat(58))).getString(0));
  }

  @Test
  void arrayLengthsCheckedBeforeAllocating() {
    TupleType t = AbiTypes.tuple("uint256[]");
    // 2^31-1 elements claimed, 64 bytes given: would need 64 GiB if allocated
    DecodingException e = rejects(t, hex(w(0x20), w(Integer.MAX_VALUE), w(1)));
    assertEquals(32, e.offset());
    assertTrue(e.getMessage().contains("array length"), e.getMessage());
    rejects(t, hex(w(0x20), "f".repeat(64)));
    rejects(t, hex(w(0x20), "8" + "0".repeat(63)));
    // dynamic elements: each needs at least an offset and a length word
    TupleType ts = AbiTypes.tuple("string[]");
    rejects(ts, hex(w(0x20), w(3), w(0x60), w(0x80), w(0xa0), w(0), w(0)));
    // nested: each inner array needs 32 bytes
    rejects(AbiTypes.tuple("uint8[][]"), hex(w(0x20), w(100_000_000), w(0)));
    // empty arrays are fine
    assertEquals(Tuple.of(List.of()), t.decode(hex(w(0x20), w(0))));
  }

  @Test
  void hugeNestedDynamicTypesDoNotOverflow() {
    // minimum sizes of these types exceed any long if computed naively
    TupleType t = AbiTypes.tuple("string" + "[1000000]".repeat(8) + "[]");
    assertTrue(t.get(0).minEncodedLength() > 0);
    rejects(t, hex(w(0x20), w(1), w(0x20)));
    rejects(t, hex(w(0x20), w(Integer.MAX_VALUE)));
    assertEquals(Tuple.of(List.of()), t.decode(hex(w(0x20), w(0))));
    TupleType u = AbiTypes.tuple("(string[1000000][1000000],bytes)[1000000][]");
    assertTrue(u.minEncodedLength() > 0);
    rejects(u, hex(w(0x20), w(3), w(0)));
  }

  @Test
  void offsetBombIsRejected() {
    // uint256[][] with 10_000 inner arrays whose offsets all point at the same 10_000-element array:
    // a lenient decoder would materialise 100 million values from 640 KiB of input
    int n = 10_000;
    int inner = n;
    StringBuilder sb = new StringBuilder();
    sb.append(w(0x20)).append(w(n));
    for (int i = 0; i < n; i++) {
      sb.append(w(32L * n));
    }
    sb.append(w(inner));
    for (int i = 0; i < inner; i++) {
      sb.append(w(i));
    }
    DecodingException e = rejects(AbiTypes.tuple("uint256[][]"), hex(sb.toString()));
    assertEquals("abi[0][1]", e.field());
    assertTrue(e.getMessage().contains("non-canonical offset"), e.getMessage());
  }

  @Test
  void decodingErrorsNameNestedPaths() {
    TupleType t = AbiTypes.tuple("uint8", "(bool,uint8[])[]");
    byte[] ok = t.encode(Tuple.of(1, List.of(Tuple.of(true, List.of(1, 2)), Tuple.of(false, List.of(3)))));
    assertEquals(Tuple.of(1, List.of(Tuple.of(true, List.of(1, 2)), Tuple.of(false, List.of(3)))), t.decode(ok));
    // corrupt the last uint8 (3) into 0x100
    byte[] bad = ok.clone();
    bad[bad.length - 2] = 1;
    DecodingException e = rejects(t, bad);
    assertEquals("abi[1][1][1][0]", e.field());
    assertEquals(bad.length - 32, e.offset());
    assertNotEquals(-1, e.offset());
  }

  @Test
  void emptyTuplesAndNestedStatics() {
    TupleType t = AbiTypes.tuple("()", "(uint8,(bool,bytes2)[2])", "uint256");
    Tuple v = Tuple.of(Tuple.EMPTY, Tuple.of(7, List.of(Tuple.of(true, new byte[] {1, 2}), Tuple.of(false, new byte[2]))), 5);
    byte[] enc = t.encode(v);
    assertEquals(32 * 6, enc.length);
    assertEquals(v, t.decode(enc));
    assertEquals(0, TupleType.EMPTY.encode(Tuple.EMPTY).length);
    assertEquals(Tuple.EMPTY, TupleType.EMPTY.decode(new byte[0]));
  }
}
