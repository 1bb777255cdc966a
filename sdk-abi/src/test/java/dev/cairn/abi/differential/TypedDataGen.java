package dev.cairn.abi.differential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.eip712.internal.FieldType;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random EIP-712 typed data (eth_signTypedData_v4 JSON): 1 to 5 struct types with random names
 * (mixed case, {@code _}, {@code $}, digits, to exercise the sort order), members of every atomic
 * type, bytes, string, struct references, and arrays (fixed and dynamic, up to two dimensions) of
 * any of these; the reference graph is acyclic and every struct is reachable from the primary.
 */
public final class TypedDataGen {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[][] DOMAIN = {
    {"name", "string"},
    {"version", "string"},
    {"chainId", "uint256"},
    {"verifyingContract", "address"},
    {"salt", "bytes32"}
  };
  private static final String NAME_START = "ABCXYZabxyz_$";
  private static final String NAME_CHARS = "ABCabc019_$";

  /** A generated case; {@code ethersCompatible} if ethers 6 can take it too. */
  public record Case(ObjectNode typedData, boolean ethersCompatible) {}

  private TypedDataGen() {}

  public static Arbitrary<Case> cases() {
    return Arbitraries.randomValue(TypedDataGen::generate);
  }

  static Case generate(Random r) {
    boolean ethers = true;
    int n = 1 + r.nextInt(5);
    List<String> names = new ArrayList<>(structNames(r, n));
    ObjectNode types = F.objectNode();
    List<List<String[]>> fields = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fields.add(new ArrayList<>());
    }
    // make each struct j > 0 referenced by some struct i < j (reachable from the primary)
    for (int j = 1; j < n; j++) {
      int i = r.nextInt(j);
      fields.get(i).add(new String[] {null, names.get(j) + arraySuffix(r, 0.3)});
    }
    for (int i = 0; i < n; i++) {
      int extra = r.nextInt(5);
      if (fields.get(i).isEmpty() && extra == 0 && r.nextInt(4) != 0) {
        extra = 1;
      }
      for (int k = 0; k < extra; k++) {
        String base = r.nextInt(6) == 0 && i + 1 < n
            ? names.get(i + 1 + r.nextInt(n - i - 1))
            : elementaryType(r);
        fields.get(i).add(new String[] {null, base + arraySuffix(r, 0.25)});
      }
      Collections.shuffle(fields.get(i), r);
      if (fields.get(i).isEmpty()) {
        ethers = false; // ethers wants every struct to have members
      }
    }
    for (int i = 0; i < n; i++) {
      ArrayNode members = types.putArray(names.get(i));
      int k = 0;
      for (String[] f : fields.get(i)) {
        String fname = r.nextInt(4) == 0 ? "$f" + k : "f" + k;
        members.addObject().put("name", fname).put("type", f[1]);
        k++;
      }
    }
    // domain
    ObjectNode domain = F.objectNode();
    List<String[]> domainFields = new ArrayList<>();
    for (String[] d : DOMAIN) {
      if (r.nextInt(3) != 0) {
        domainFields.add(d);
      }
    }
    boolean declareDomain = r.nextInt(4) == 0;
    if (declareDomain) {
      if (r.nextBoolean()) {
        Collections.shuffle(domainFields, r);
        ethers = false;
      }
      if (r.nextInt(3) == 0) {
        domainFields.add(r.nextInt(domainFields.size() + 1), new String[] {"extra", elementaryType(r)});
        ethers = false;
      }
      ArrayNode dt = F.arrayNode();
      for (String[] d : domainFields) {
        dt.addObject().put("name", d[0]).put("type", d[1]);
      }
      ObjectNode withDomain = F.objectNode();
      withDomain.set("EIP712Domain", dt);
      withDomain.setAll(types);
      types = withDomain;
    }
    ObjectNode td = F.objectNode();
    td.set("types", types);
    for (String[] d : domainFields) {
      domain.set(d[0], value(r, d[1], types));
    }
    boolean domainOnly = r.nextInt(20) == 0;
    if (domainOnly) {
      td.put("primaryType", "EIP712Domain");
      ethers = false;
    } else {
      td.put("primaryType", names.get(0));
    }
    td.set("domain", domain);
    if (!domainOnly) {
      td.set("message", structValue(r, names.get(0), types));
    }
    return new Case(td, ethers);
  }

  private static Set<String> structNames(Random r, int n) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < n) {
      StringBuilder sb = new StringBuilder();
      sb.append(NAME_START.charAt(r.nextInt(NAME_START.length())));
      int len = r.nextInt(4);
      for (int i = 0; i < len; i++) {
        sb.append(NAME_CHARS.charAt(r.nextInt(NAME_CHARS.length())));
      }
      String s = sb.toString();
      if (FieldType.isValidStructName(s) && !s.equals("EIP712Domain")) {
        out.add(s);
      }
    }
    return out;
  }

  private static String arraySuffix(Random r, double p) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < 2 && r.nextDouble() < p; d++) {
      sb.append(r.nextBoolean() ? "[]" : "[" + (1 + r.nextInt(3)) + "]");
    }
    return sb.toString();
  }

  static String elementaryType(Random r) {
    switch (r.nextInt(8)) {
      case 0:
        return "uint" + 8 * (1 + r.nextInt(32));
      case 1:
        return "int" + 8 * (1 + r.nextInt(32));
      case 2:
        return "address";
      case 3:
        return "bool";
      case 4:
        return "bytes" + (1 + r.nextInt(32));
      case 5:
        return "bytes";
      case 6:
        return "string";
      default:
        return r.nextBoolean() ? "uint256" : "int256";
    }
  }

  private static ObjectNode structValue(Random r, String type, ObjectNode types) {
    ObjectNode o = F.objectNode();
    for (com.fasterxml.jackson.databind.JsonNode m : types.get(type)) {
      o.set(m.get("name").asText(), value(r, m.get("type").asText(), types));
    }
    if (r.nextInt(10) == 0) {
      o.put("notDeclared", "ignored by every implementation");
    }
    return o;
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Random r, String type, ObjectNode types) {
    if (type.endsWith("]")) {
      int open = type.lastIndexOf('[');
      String len = type.substring(open + 1, type.length() - 1);
      int n = len.isEmpty() ? r.nextInt(4) : Integer.parseInt(len);
      ArrayNode a = F.arrayNode();
      for (int i = 0; i < n; i++) {
        a.add(value(r, type.substring(0, open), types));
      }
      return a;
    }
    if (types.has(type)) {
      return structValue(r, type, types);
    }
    switch (type) {
      case "address":
        return F.textNode(Rnd.address(r));
      case "bool":
        return F.booleanNode(r.nextBoolean());
      case "string":
        return F.textNode(Rnd.string(r));
      case "bytes":
        return F.textNode(Hex.encodePrefixed(Rnd.bytes(r, Rnd.dynamicLength(r))));
      default:
        break;
    }
    if (type.startsWith("bytes")) {
      String hex = Hex.encodePrefixed(Rnd.bytes(r, Integer.parseInt(type.substring(5))));
      return F.textNode(r.nextInt(8) == 0 ? "0x" + hex.substring(2).toUpperCase() : hex);
    }
    boolean signed = type.startsWith("int");
    BigInteger v = Rnd.integer(r, signed, Integer.parseInt(type.substring(signed ? 3 : 4)));
    int form = r.nextInt(3);
    if (form == 0 && v.bitLength() < 53) {
      return F.numberNode(v.longValue());
    }
    if (form == 1 && v.signum() >= 0) {
      return F.textNode("0x" + v.toString(16));
    }
    return F.textNode(v.toString());
  }
}
