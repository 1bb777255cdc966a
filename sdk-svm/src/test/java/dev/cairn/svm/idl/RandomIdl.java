package dev.cairn.svm.idl;

import dev.cairn.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random Anchor IDLs in the 0.30+ format and their pre-0.30 equivalents (test support). */
final class RandomIdl {
  private static final String[] LEAVES = {"bool", "u8", "i8", "u16", "i16", "u32", "i32", "f32", "u64", "i64", "f64",
      "u128", "i128", "bytes", "string", "pubkey"};

  final List<String> defs = new ArrayList<>();
  final List<String> legacyDefs = new ArrayList<>();
  private final SplittableRandom r;
  private int next;

  RandomIdl(SplittableRandom r) {
    this.r = r;
  }

  /** A type in both formats: [new, legacy]. */
  String[] type(int depth) {
    if (depth <= 0 || r.nextInt(3) == 0) {
      String t = LEAVES[r.nextInt(LEAVES.length)];
      return new String[] {Json.quote(t), Json.quote(t.equals("pubkey") ? "publicKey" : t)};
    }
    switch (r.nextInt(5)) {
      case 0: {
        String[] e = type(depth - 1);
        return new String[] {"{\"vec\":" + e[0] + "}", "{\"vec\":" + e[1] + "}"};
      }
      case 1: {
        String[] e = type(depth - 1);
        if (e[0].startsWith("{\"option\"")) {
          return e;
        }
        return new String[] {"{\"option\":" + e[0] + "}", "{\"option\":" + e[1] + "}"};
      }
      case 2: {
        String[] e = type(depth - 1);
        int n = 1 + r.nextInt(3);
        return new String[] {"{\"array\":[" + e[0] + "," + n + "]}", "{\"array\":[" + e[1] + "," + n + "]}"};
      }
      case 3:
        return defined(structDef(depth - 1));
      default:
        return defined(enumDef(depth - 1));
    }
  }

  private static String[] defined(String name) {
    return new String[] {"{\"defined\":{\"name\":" + Json.quote(name) + "}}", "{\"defined\":" + Json.quote(name) + "}"};
  }

  /** Adds a struct type (named or tuple fields) and returns its name. */
  String structDef(int depth) {
    return structDef(depth, true);
  }

  String structDef(int depth, boolean allowTuple) {
    String name = "S" + next++;
    boolean tuple = allowTuple && r.nextInt(4) == 0;
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String[] t = type(depth);
      String sep = i == 0 ? "" : ",";
      if (tuple) {
        a.append(sep).append(t[0]);
        b.append(sep).append(t[1]);
      } else {
        a.append(sep).append("{\"name\":\"field").append(i).append("\",\"type\":").append(t[0]).append('}');
        b.append(sep).append("{\"name\":\"field").append(i).append("\",\"type\":").append(t[1]).append('}');
      }
    }
    defs.add("{\"name\":\"" + name + "\",\"type\":{\"kind\":\"struct\",\"fields\":[" + a + "]}}");
    legacyDefs.add("{\"name\":\"" + name + "\",\"type\":{\"kind\":\"struct\",\"fields\":[" + b + "]}}");
    return name;
  }

  String enumDef(int depth) {
    String name = "E" + next++;
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String sep = i == 0 ? "" : ",";
      int k = r.nextInt(3);
      String va = "{\"name\":\"V" + i + "\"";
      String vb = va;
      if (k == 1) {
        String[] t = type(depth);
        va += ",\"fields\":[{\"name\":\"x\",\"type\":" + t[0] + "}]";
        vb += ",\"fields\":[{\"name\":\"x\",\"type\":" + t[1] + "}]";
      } else if (k == 2) {
        String[] t = type(depth);
        String[] u = type(depth);
        va += ",\"fields\":[" + t[0] + "," + u[0] + "]";
        vb += ",\"fields\":[" + t[1] + "," + u[1] + "]";
      }
      a.append(sep).append(va).append('}');
      b.append(sep).append(vb).append('}');
    }
    defs.add("{\"name\":\"" + name + "\",\"type\":{\"kind\":\"enum\",\"variants\":[" + a + "]}}");
    legacyDefs.add("{\"name\":\"" + name + "\",\"type\":{\"kind\":\"enum\",\"variants\":[" + b + "]}}");
    return name;
  }

  static String bytes(byte[] b) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < b.length; i++) {
      sb.append(i == 0 ? "" : ",").append(b[i] & 0xff);
    }
    return sb.append(']').toString();
  }
}
