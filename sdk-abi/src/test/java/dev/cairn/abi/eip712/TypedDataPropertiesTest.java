package dev.cairn.abi.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.differential.TypedDataGen;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link TypedData} over random typed data (no oracle needed). */
class TypedDataPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<TypedDataGen.Case> typedData() {
    return TypedDataGen.cases();
  }

  /** Parsing the JSON and rebuilding from the parsed Java values give the same hashes. */
  @Property(tries = 300)
  void jsonAndJavaValuesAgree(@ForAll("typedData") TypedDataGen.Case c) throws Exception {
    TypedData td = TypedData.parseJson(JSON.writeValueAsString(c.typedData()));
    TypedData again = TypedData.of(td.types(), td.primaryType(), td.domain(), td.message());
    assertArrayEquals(td.digest(), again.digest());
    assertArrayEquals(td.domainSeparator(), again.domainSeparator());
    for (String type : td.types().keySet()) {
      assertEquals(td.encodeType(type), again.encodeType(type));
      assertTrue(td.encodeType(type).startsWith(type + "("));
    }
  }

  /** Removing any member value from the message is an INVALID_VALUE naming a message path. */
  @Property(tries = 300)
  void aMissingMemberIsNamed(@ForAll("typedData") TypedDataGen.Case c, @ForAll long pick)
      throws Exception {
    ObjectNode td = c.typedData().deepCopy();
    JsonNode message = td.get("message");
    List<String[]> candidates = new ArrayList<>();
    collectObjects(message, "message", candidates);
    if (candidates.isEmpty()) {
      return; // the domain-only or member-less case: nothing to remove
    }
    String[] victim = candidates.get((int) Math.floorMod(pick, (long) candidates.size()));
    ObjectNode parent = (ObjectNode) resolve(td, victim[0]);
    parent.remove(victim[1]);
    AbiException e =
        assertThrows(AbiException.class, () -> TypedData.parseJson(JSON.writeValueAsString(td)));
    assertEquals(AbiException.Reason.INVALID_VALUE, e.reason());
    assertTrue(e.getMessage().startsWith("message"), e.getMessage());
  }

  private static void collectObjects(JsonNode n, String path, List<String[]> out) {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("notDeclared")) {
          out.add(new String[] {path, e.getKey()});
        }
        collectObjects(e.getValue(), path + "/" + e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collectObjects(n.get(i), path + "/" + i, out);
      }
    }
  }

  private static JsonNode resolve(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("/")) {
      n = n.isArray() ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return n;
  }

  /** Corrupted JSON either still parses or fails with AbiException: never another exception. */
  @Property(tries = 1000)
  void corruptedInputOnlyEverThrowsAbiException(
      @ForAll("typedData") TypedDataGen.Case c,
      @ForAll("edits") List<int[]> edits) throws Exception {
    StringBuilder s = new StringBuilder(JSON.writeValueAsString(c.typedData()));
    String alphabet = "{}[]\",:0x-1e9.aZ\\u ";
    for (int[] e : edits) {
      int at = Math.floorMod(e[1], s.length() + 1);
      char ch = alphabet.charAt(Math.floorMod(e[2], alphabet.length()));
      switch (e[0]) {
        case 0 -> s.setLength(at);
        case 1 -> s.insert(at, ch);
        default -> {
          if (at < s.length()) {
            s.setCharAt(at, ch);
          }
        }
      }
    }
    try {
      TypedData td = TypedData.parseJson(s.toString());
      assertEquals(32, td.digest().length);
    } catch (AbiException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
    }
  }

  @Provide
  Arbitrary<List<int[]>> edits() {
    Arbitrary<int[]> edit =
        Arbitraries.integers().between(0, 2).flatMap(kind ->
            Arbitraries.integers().tuple2().map(t -> new int[] {kind, t.get1(), t.get2()}));
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }
}
