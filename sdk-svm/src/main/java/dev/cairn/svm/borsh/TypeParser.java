package dev.cairn.svm.borsh;

import dev.cairn.svm.SvmException;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser of Rust-like Borsh type strings (see {@link BorshType#parse}). */
final class TypeParser {
  private static final int MAX_DEPTH = 64;
  private final String s;
  private int pos;
  private int depth;

  TypeParser(String s) {
    this.s = s;
  }

  private SvmException fail(String problem) {
    return new SvmException(SvmException.Reason.INVALID_INPUT, "type \"" + (s.length() > 200 ? s.substring(0, 200) + "..." : s)
        + "\" at offset " + pos + ": " + problem);
  }

  BorshType parseAll() {
    if (s.length() > 4096) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "type: longer than 4096 characters");
    }
    BorshType t = type();
    skip();
    if (pos != s.length()) {
      throw fail("unexpected '" + s.charAt(pos) + "'");
    }
    return t;
  }

  private void skip() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  private boolean eat(char c) {
    skip();
    if (pos < s.length() && s.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!eat(c)) {
      throw fail("expected '" + c + "'");
    }
  }

  private String ident() {
    skip();
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw fail("expected a type");
    }
    return s.substring(start, pos);
  }

  private BorshType type() {
    if (++depth > MAX_DEPTH) {
      throw fail("nested deeper than " + MAX_DEPTH);
    }
    try {
      return typeInner();
    } catch (SvmException e) {
      throw e;
    } finally {
      depth--;
    }
  }

  private BorshType typeInner() {
    if (eat('(')) {
      List<BorshType> elems = new ArrayList<>();
      if (!eat(')')) {
        do {
          elems.add(type());
        } while (eat(','));
        expect(')');
      }
      return elems.isEmpty() ? BorshType.UNIT : BorshType.tuple(elems);
    }
    if (eat('[')) {
      BorshType e = type();
      expect(';');
      skip();
      int start = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos)) && pos - start < 9) {
        pos++;
      }
      if (start == pos) {
        throw fail("expected an array length");
      }
      int n = Integer.parseInt(s.substring(start, pos));
      expect(']');
      try {
        return BorshType.array(e, n);
      } catch (SvmException x) {
        throw fail(x.getMessage());
      }
    }
    int at = pos;
    String id = ident();
    switch (id) {
      case "u8": return BorshType.U8;
      case "u16": return BorshType.U16;
      case "u32": return BorshType.U32;
      case "u64": return BorshType.U64;
      case "u128": return BorshType.U128;
      case "u256": return BorshType.U256;
      case "i8": return BorshType.I8;
      case "i16": return BorshType.I16;
      case "i32": return BorshType.I32;
      case "i64": return BorshType.I64;
      case "i128": return BorshType.I128;
      case "i256": return BorshType.I256;
      case "f32": return BorshType.F32;
      case "f64": return BorshType.F64;
      case "bool": return BorshType.BOOL;
      case "String":
      case "string": return BorshType.STRING;
      case "Pubkey":
      case "pubkey":
      case "publicKey": return BorshType.PUBKEY;
      case "bytes": return BorshType.BYTES;
      default: break;
    }
    expect('<');
    BorshType a = type();
    BorshType b = null;
    if (id.equals("HashMap") || id.equals("BTreeMap")) {
      expect(',');
      b = type();
    }
    expect('>');
    try {
      switch (id) {
        case "Vec": return BorshType.vec(a);
        case "Option": return BorshType.option(a);
        case "HashMap": return BorshType.hashMap(a, b);
        case "BTreeMap": return BorshType.btreeMap(a, b);
        case "HashSet": return BorshType.hashSet(a);
        case "BTreeSet": return BorshType.btreeSet(a);
        default:
          pos = at;
          throw fail("unknown type " + id);
      }
    } catch (SvmException x) {
      if (x.getMessage().startsWith("type \"")) {
        throw x;
      }
      throw fail(x.getMessage());
    }
  }
}
