package dev.cairn.svm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.borsh.BorshType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Borsh decoding of bytes from outside, against type trees that are themselves built from the
 * fuzzer's data (and against parsed Rust-like type strings). {@link BorshType#decode} returns a
 * value or throws {@link DecodingException}; type construction and parsing throw {@link
 * SvmException} only. Borsh as Cairn decodes it is strict (no trailing bytes, bools and option tags
 * 0/1, maps in key order, no NaN), so a decoded value re-encodes to exactly the input, and its JSON
 * form reads back to a value with the same bytes.
 *
 * <p>Input layout of {@link #randomTypeTree}: a type description in prefix form (one opcode byte per
 * node, see {@link TypeCursor}), then the Borsh bytes of a value.
 */
class BorshFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void randomTypeTree(byte[] data) {
    TypeCursor c = new TypeCursor(data);
    BorshType type;
    try {
      type = c.type(0);
    } catch (SvmException e) {
      return; // a combination the factories refuse (zero-sized collection, unsupported map key)
    } catch (TypeCursor.OutOfInput e) {
      return;
    }
    byte[] value = java.util.Arrays.copyOfRange(data, c.pos, data.length);
    checkDecode(type, value, !c.nestedOption);
  }

  /** A Rust-like type string, then (after a NUL) the Borsh bytes to decode against it. */
  @FuzzTest(maxDuration = "10m")
  void typeString(byte[] data) {
    int nul = 0;
    while (nul < data.length && data[nul] != 0) {
      nul++;
    }
    String text = new String(data, 0, nul, StandardCharsets.UTF_8);
    BorshType type;
    try {
      type = BorshType.parse(text);
    } catch (SvmException e) {
      return;
    }
    assertEquals(type.toString(), BorshType.parse(type.toString()).toString(), "a parsed type prints to a string that parses to it");
    if (nul < data.length) {
      // a type string names no structs, so a nested option shows in its text
      checkDecode(type, java.util.Arrays.copyOfRange(data, nul + 1, data.length),
          !type.toString().contains("Option<Option<"));
    }
  }

  /**
   * {@code jsonRoundTrip} is false when the type holds an {@code Option<Option<T>>} anywhere (also
   * inside a struct or enum, whose text shows only its name): {@code Some(None)} has no JSON form
   * (documented, as in Anchor), so only the Borsh round trip is checked there.
   */
  static void checkDecode(BorshType type, byte[] value, boolean jsonRoundTrip) {
    Object v;
    try {
      v = type.decode(value);
    } catch (DecodingException e) {
      return;
    }
    assertArrayEquals(value, type.encode(v), "Borsh is canonical: " + type);
    JsonValue json = type.toJson(v);
    if (jsonRoundTrip) {
      Object back = type.fromJson(Json.parse(Json.write(json)));
      assertArrayEquals(value, type.encode(back), "JSON round trip of " + type);
    }
  }

  /**
   * Builds a type from a byte cursor: 0-17 primitives, then Vec, [T; n], Option, HashMap, BTreeMap,
   * HashSet, BTreeSet, tuple, struct, tuple struct, enum. Depth at most 5, at most 4 children.
   */
  static final class TypeCursor {
    static final class OutOfInput extends RuntimeException {
      private static final long serialVersionUID = 1L;

      OutOfInput() {
        super(null, null, false, false);
      }
    }

    static final BorshType[] PRIMITIVES = {
      BorshType.U8, BorshType.U16, BorshType.U32, BorshType.U64, BorshType.U128, BorshType.U256,
      BorshType.I8, BorshType.I16, BorshType.I32, BorshType.I64, BorshType.I128, BorshType.I256,
      BorshType.F32, BorshType.F64, BorshType.BOOL, BorshType.STRING, BorshType.BYTES, BorshType.PUBKEY, BorshType.UNIT
    };
    static final int KINDS = PRIMITIVES.length + 12;

    final byte[] d;
    int pos;
    int names;
    boolean nestedOption; // an Option<Option<T>> somewhere in the tree

    TypeCursor(byte[] d) {
      this.d = d;
    }

    int next() {
      if (pos >= d.length) {
        throw new OutOfInput();
      }
      return d[pos++] & 0xff;
    }

    BorshType type(int depth) {
      int k = next() % (depth >= 5 ? PRIMITIVES.length : KINDS);
      if (k < PRIMITIVES.length) {
        return PRIMITIVES[k];
      }
      switch (k - PRIMITIVES.length) {
        case 0: return BorshType.vec(type(depth + 1));
        case 1: {
          BorshType e = type(depth + 1);
          return BorshType.array(e, next() % 9);
        }
        case 2: {
          BorshType inner = type(depth + 1);
          nestedOption |= inner.toString().startsWith("Option<");
          return BorshType.option(inner);
        }
        case 3: return BorshType.hashMap(type(depth + 1), type(depth + 1));
        case 4: return BorshType.btreeMap(type(depth + 1), type(depth + 1));
        case 5: return BorshType.hashSet(type(depth + 1));
        case 6: return BorshType.btreeSet(type(depth + 1));
        case 7: return BorshType.tuple(children(depth));
        case 8: {
          List<BorshType> ts = children(depth);
          List<BorshType.Field> fs = new ArrayList<>();
          for (int i = 0; i < ts.size(); i++) {
            fs.add(BorshType.Field.of("f" + i, ts.get(i)));
          }
          return BorshType.struct("S" + (names++), fs);
        }
        case 9: return BorshType.tupleStruct("T" + (names++), children(depth));
        default: {
          int n = 1 + next() % 4;
          List<BorshType.Variant> vs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int kind = next() % 3;
            if (kind == 0) {
              vs.add(BorshType.Variant.unit("V" + i));
            } else if (kind == 1) {
              List<BorshType> ts = children(depth);
              List<BorshType.Field> fs = new ArrayList<>();
              for (int j = 0; j < ts.size(); j++) {
                fs.add(BorshType.Field.of("g" + j, ts.get(j)));
              }
              vs.add(BorshType.Variant.named("V" + i, fs));
            } else {
              vs.add(BorshType.Variant.tuple("V" + i, children(depth)));
            }
          }
          return BorshType.enumeration("E" + (names++), vs);
        }
      }
    }

    List<BorshType> children(int depth) {
      int n = 1 + next() % 4;
      List<BorshType> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(type(depth + 1));
      }
      return out;
    }
  }
}
