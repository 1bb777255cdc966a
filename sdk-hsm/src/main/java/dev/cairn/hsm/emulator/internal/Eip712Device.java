package dev.cairn.hsm.emulator.internal;

import dev.cairn.core.hash.Keccak256;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.StatusWords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Ethereum app's side of full EIP-712: struct definitions (INS 0x1A) are stored, struct
 * implementations (INS 0x1C) are consumed as a stream in the order the definitions dictate, and
 * each completed struct is hashed ({@code keccak(typeHash || encodeData)}); the first root is the
 * domain, the second the message. Every protocol violation is status 0x6A80.
 */
public final class Eip712Device {
  /** A field definition as received. */
  static final class Field {
    final int key; // 0 custom, 1 int, 2 uint, 3 address, 4 bool, 5 string, 6 bytesN, 7 bytes
    final String customName;
    final int size; // bytes for int/uint/bytesN
    final int[] arrays; // -1 dynamic
    final String name;

    Field(int key, String customName, int size, int[] arrays, String name) {
      this.key = key;
      this.customName = customName;
      this.size = size;
      this.arrays = arrays;
      this.name = name;
    }

    String baseType() {
      switch (key) {
        case 0: return customName;
        case 1: return "int" + size * 8;
        case 2: return "uint" + size * 8;
        case 3: return "address";
        case 4: return "bool";
        case 5: return "string";
        case 6: return "bytes" + size;
        default: return "bytes";
      }
    }

    String typeString() {
      StringBuilder sb = new StringBuilder(baseType());
      for (int a : arrays) {
        sb.append('[');
        if (a >= 0) {
          sb.append(a);
        }
        sb.append(']');
      }
      return sb.toString();
    }
  }

  private abstract static class Frame {
    final List<byte[]> encoded = new ArrayList<>();
  }

  private static final class StructFrame extends Frame {
    final String type;
    int index;

    StructFrame(String type) {
      this.type = type;
    }
  }

  private static final class ArrayFrame extends Frame {
    final Field field;
    final int level;
    int remaining;

    ArrayFrame(Field field, int level, int count) {
      this.field = field;
      this.level = level;
      this.remaining = count;
    }
  }

  private final Map<String, List<Field>> structs = new LinkedHashMap<>();
  private String currentDef;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final List<byte[]> roots = new ArrayList<>();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  /** Forgets everything. */
  public void reset() {
    structs.clear();
    currentDef = null;
    stack.clear();
    roots.clear();
    partial.reset();
  }

  /** INS 0x1A. */
  public void define(int p2, byte[] data) {
    if (p2 == 0x00) {
      currentDef = new String(data, StandardCharsets.UTF_8);
      if (data.length == 0 || structs.containsKey(currentDef)) {
        throw bad();
      }
      structs.put(currentDef, new ArrayList<>());
      return;
    }
    if (p2 != 0xFF || currentDef == null) {
      throw bad();
    }
    try {
      int p = 0;
      int desc = data[p++] & 0xFF;
      int key = desc & 0x0F;
      boolean isArray = (desc & 0x80) != 0;
      boolean hasSize = (desc & 0x40) != 0;
      if (key > 7) {
        throw bad();
      }
      String custom = null;
      if (key == 0) {
        int n = data[p++] & 0xFF;
        custom = new String(data, p, n, StandardCharsets.UTF_8);
        p += n;
      }
      int size = -1;
      if (hasSize) {
        size = data[p++] & 0xFF;
      }
      if ((key == 1 || key == 2 || key == 6) != hasSize) {
        throw bad();
      }
      int[] arrays = new int[0];
      if (isArray) {
        int levels = data[p++] & 0xFF;
        arrays = new int[levels];
        for (int i = 0; i < levels; i++) {
          int kind = data[p++] & 0xFF;
          arrays[i] = kind == 0 ? -1 : kind == 1 ? data[p++] & 0xFF : badInt();
        }
      }
      int n = data[p++] & 0xFF;
      if (p + n != data.length) {
        throw bad();
      }
      String name = new String(data, p, n, StandardCharsets.UTF_8);
      structs.get(currentDef).add(new Field(key, custom, size, arrays, name));
    } catch (ArrayIndexOutOfBoundsException | StringIndexOutOfBoundsException e) {
      throw bad();
    }
  }

  /** INS 0x1C. */
  public void implement(int p1, int p2, byte[] data) {
    if (p2 == 0x00) {
      if (!stack.isEmpty()) {
        throw bad();
      }
      String name = new String(data, StandardCharsets.UTF_8);
      if (!structs.containsKey(name) || roots.size() >= 2 || (roots.isEmpty() != name.equals("EIP712Domain"))) {
        throw bad();
      }
      stack.push(new StructFrame(name));
      settle();
      return;
    }
    if (stack.isEmpty()) {
      throw bad();
    }
    Field expected = expectedField();
    int level = expectedLevel();
    boolean wantsArray = expected != null && level < expected.arrays.length;
    if (p2 == 0x0F) {
      if (!wantsArray || data.length != 1 || partial.size() != 0) {
        throw bad();
      }
      int count = data[0] & 0xFF;
      if (expected.arrays[level] >= 0 && expected.arrays[level] != count) {
        throw bad();
      }
      stack.push(new ArrayFrame(expected, level, count));
      settle();
      return;
    }
    if (p2 != 0xFF || wantsArray || expected == null || expected.key == 0) {
      throw bad();
    }
    partial.write(data, 0, data.length);
    if (p1 == 0x01) {
      return;
    }
    if (p1 != 0x00) {
      throw bad();
    }
    byte[] all = partial.toByteArray();
    partial.reset();
    if (all.length < 2 || ((all[0] & 0xFF) << 8 | (all[1] & 0xFF)) != all.length - 2) {
      throw bad();
    }
    deliver(encodePrimitive(expected, Arrays.copyOfRange(all, 2, all.length)));
  }

  /** The domain separator and message hash once both roots are complete. */
  public byte[] digest() {
    if (roots.size() != 2 || !stack.isEmpty()) {
      throw bad();
    }
    byte[] pre = new byte[66];
    pre[0] = 0x19;
    pre[1] = 0x01;
    System.arraycopy(roots.get(0), 0, pre, 2, 32);
    System.arraycopy(roots.get(1), 0, pre, 34, 32);
    return Keccak256.hash(pre);
  }

  private Field expectedField() {
    Frame top = stack.peek();
    if (top instanceof StructFrame) {
      StructFrame s = (StructFrame) top;
      List<Field> fields = structs.get(s.type);
      return s.index < fields.size() ? fields.get(s.index) : null;
    }
    return ((ArrayFrame) top).field;
  }

  private int expectedLevel() {
    Frame top = stack.peek();
    return top instanceof StructFrame ? 0 : ((ArrayFrame) top).level + 1;
  }

  private void deliver(byte[] word) {
    Frame top = stack.peek();
    top.encoded.add(word);
    if (top instanceof StructFrame) {
      ((StructFrame) top).index++;
    } else {
      ((ArrayFrame) top).remaining--;
    }
    settle();
  }

  /** Completes finished frames and opens struct frames for custom fields. */
  private void settle() {
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      boolean done = top instanceof StructFrame
          ? ((StructFrame) top).index >= structs.get(((StructFrame) top).type).size()
          : ((ArrayFrame) top).remaining == 0;
      if (done) {
        stack.pop();
        byte[] h = top instanceof StructFrame ? hashStruct(((StructFrame) top).type, top.encoded) : Keccak256.hash(concat(top.encoded));
        if (stack.isEmpty()) {
          roots.add(h);
          return;
        }
        Frame parent = stack.peek();
        parent.encoded.add(h);
        if (parent instanceof StructFrame) {
          ((StructFrame) parent).index++;
        } else {
          ((ArrayFrame) parent).remaining--;
        }
        continue;
      }
      Field f = expectedField();
      int level = expectedLevel();
      if (f.key == 0 && level >= f.arrays.length) {
        if (!structs.containsKey(f.customName)) {
          throw bad();
        }
        stack.push(new StructFrame(f.customName));
        continue;
      }
      return;
    }
  }

  private byte[] encodePrimitive(Field f, byte[] v) {
    byte[] w = new byte[32];
    switch (f.key) {
      case 1: {
        if (v.length > f.size || v.length > 32) {
          throw bad();
        }
        boolean negative = v.length == f.size && v.length > 0 && (v[0] & 0x80) != 0;
        if (negative) {
          Arrays.fill(w, (byte) 0xFF);
        }
        System.arraycopy(v, 0, w, 32 - v.length, v.length);
        return w;
      }
      case 2:
      case 3:
      case 4:
        if (v.length > 32) {
          throw bad();
        }
        System.arraycopy(v, 0, w, 32 - v.length, v.length);
        return w;
      case 5:
      case 7:
        return Keccak256.hash(v);
      case 6:
        if (v.length > f.size) {
          throw bad();
        }
        System.arraycopy(v, 0, w, 0, v.length);
        return w;
      default:
        throw bad();
    }
  }

  private byte[] hashStruct(String type, List<byte[]> encoded) {
    byte[] typeHash = Keccak256.hash(encodeType(type).getBytes(StandardCharsets.UTF_8));
    List<byte[]> all = new ArrayList<>(encoded.size() + 1);
    all.add(typeHash);
    all.addAll(encoded);
    return Keccak256.hash(concat(all));
  }

  /** EIP-712 encodeType: the primary type, then referenced struct types sorted by name. */
  public String encodeType(String primary) {
    TreeSet<String> deps = new TreeSet<>();
    collect(primary, deps);
    deps.remove(primary);
    StringBuilder sb = new StringBuilder();
    appendType(sb, primary);
    for (String d : deps) {
      appendType(sb, d);
    }
    return sb.toString();
  }

  private void collect(String type, TreeSet<String> seen) {
    if (!seen.add(type)) {
      return;
    }
    List<Field> fields = structs.get(type);
    if (fields == null) {
      throw bad();
    }
    for (Field f : fields) {
      if (f.key == 0) {
        collect(f.customName, seen);
      }
    }
  }

  private void appendType(StringBuilder sb, String type) {
    sb.append(type).append('(');
    List<Field> fields = structs.get(type);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(fields.get(i).typeString()).append(' ').append(fields.get(i).name);
    }
    sb.append(')');
  }

  private static byte[] concat(List<byte[]> parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  private static int badInt() {
    throw bad();
  }

  private static LedgerException bad() {
    return LedgerException.ofStatus(StatusWords.INVALID_DATA);
  }
}
