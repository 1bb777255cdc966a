package dev.cairn.abi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.internal.FragmentSpec.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonAbiReaderTest {

  static String resource(String name) {
    try (InputStream in = JsonAbiReaderTest.class.getResourceAsStream("/abi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /abi/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void nestedArtifactKeepsInternalTypesAndComponents() {
    List<FragmentSpec> all = JsonAbiReader.read(resource("nested.json"));
    FragmentSpec ctor = all.get(0);
    assertEquals(Kind.CONSTRUCTOR, ctor.kind());
    assertEquals("payable", ctor.stateMutability());
    assertEquals("contract IERC20", ctor.inputs().get(0).internalType());
    assertEquals("enum Nested.Status", ctor.inputs().get(1).internalType());
    FragmentSpec plant = find(all, "plant");
    ParamSpec tree = plant.inputs().get(0);
    assertEquals("struct Nested.Tree", tree.internalType());
    assertEquals(
        "(address,(uint256,(bytes32,string,(int64,int64)[])[2],bytes)[],uint8)",
        tree.canonicalType());
    ParamSpec grid = plant.inputs().get(1);
    assertEquals("struct Shapes.Point[][]", grid.internalType());
    assertEquals("tuple[][]", grid.type());
    assertEquals("(int64,int64)[][]", grid.canonicalType());
    assertEquals("struct Nested.Leaf[]", plant.outputs().get(1).internalType());
    FragmentSpec pruned = find(all, "Pruned");
    assertTrue(pruned.anonymous());
    assertTrue(pruned.inputs().get(0).indexed());
    assertTrue(pruned.inputs().get(1).indexed());
    assertFalse(pruned.inputs().get(2).indexed());
    assertEquals(1, all.stream().filter(f -> f.kind() == Kind.FALLBACK).count());
    assertEquals(1, all.stream().filter(f -> f.kind() == Kind.RECEIVE).count());
    assertEquals("payable", all.stream().filter(f -> f.kind() == Kind.RECEIVE).findFirst().get().stateMutability());
    assertEquals("Unauthorized()", find(all, "Unauthorized").signature());
    assertEquals("callback(function)", find(all, "callback").signature());
  }

  @Test
  void legacyFlags() {
    List<FragmentSpec> all = JsonAbiReader.read(resource("legacy-weth9.json"));
    assertEquals("view", find(all, "name").stateMutability());
    assertEquals("view", find(all, "totalSupply").stateMutability());
    assertEquals("nonpayable", find(all, "approve").stateMutability());
    assertEquals("payable", find(all, "deposit").stateMutability());
    assertEquals("uint256", find(all, "balanceOf").outputs().get(0).type());
    assertEquals(Kind.FUNCTION, find(all, "noTypeMeansFunction").kind());
    FragmentSpec fb = all.stream().filter(f -> f.kind() == Kind.FALLBACK).findFirst().get();
    assertEquals("payable", fb.stateMutability());
  }

  @Test
  void tokensParse() {
    assertEquals(13, JsonAbiReader.read(resource("erc20.json")).size());
    assertEquals(15, JsonAbiReader.read(resource("erc721.json")).size());
    assertEquals(12, JsonAbiReader.read(resource("erc1155.json")).size());
  }

  private static FragmentSpec find(List<FragmentSpec> all, String name) {
    return all.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[{'type':'function','name':'f','inputs':[]},{'type':'function','name':'g','inputs':[]},{'type':'function','name':'h','inputs':[]},"
            + "{'type':'function','name':'i','inputs':[{'type':'uint8'},{'type':'uint7'}]}]"
            + "|abi[3].inputs[1].type: unknown type \"uint7\"",
        "[{'type':'event','name':'E','inputs':[{'type':'tuple','components':[{'type':'uint8'},{'name':'x'}]}]}]"
            + "|abi[0].inputs[0].components[1].type: missing",
        "[{'type':'function','name':'f','outputs':[{'type':'tuple[]'}]}]"
            + "|abi[0].outputs[0].components: missing for the tuple type \"tuple[]\"",
        "[{'type':'function','name':'f','inputs':[{'type':'uint8','components':[]}]}]"
            + "|abi[0].inputs[0].components: given for the non-tuple type",
        "[{'type':'function','name':'f','inputs':[{'type':'uint8[02]'}]}]"
            + "|abi[0].inputs[0].type: bad array length",
        "[{'type':'function','name':'f','inputs':[{'type':'uint8[2'}]}]"
            + "|abi[0].inputs[0].type: malformed type",
        "[{'type':'function','name':'f','inputs':[{'type':'uint8]'}]}]"
            + "|abi[0].inputs[0].type: unknown type",
        "[{'type':'function','inputs':[]}]|abi[0].name: missing for a function",
        "[{'type':'receive'},{'type':'error','name':''}]|abi[1].name: missing for a error",
        "[{'type':'method','name':'f'}]|abi[0].type: unknown entry type \"method\"",
        "[{'type':'function','name':'f','stateMutability':'cheap'}]"
            + "|abi[0].stateMutability: unknown state mutability \"cheap\"",
        "[{'type':'function','name':5}]|abi[0].name: expected a string",
        "[{'type':'function','name':'f','inputs':{}}]|abi[0].inputs: expected an array",
        "[{'type':'function','name':'f','inputs':[7]}]|abi[0].inputs[0]: expected an object",
        "[{'type':'event','name':'E','anonymous':'yes'}]|abi[0].anonymous: expected a boolean",
        "[{'type':'event','name':'E','inputs':[{'type':'bool','indexed':1}]}]"
            + "|abi[0].inputs[0].indexed: expected a boolean",
        "[1]|abi[0]: expected an object",
        "{'bytecode':'0x'}|no \"abi\" member",
        "{'abi':{}}|abi: expected an array",
        "'abi'|expected a JSON array",
        "[{'type':'function','name':'f'}] []|unexpected content after the ABI",
        "[{'type':'function','name':'f','name':'g'}]|abi[0].name: duplicate key",
        "[{'type':'event','name':'E','inputs':[{'type':'bool','type':'uint8'}]}]|abi[0].inputs[0].type: duplicate key",
        "[{'type':'function','name':'f'}|malformed JSON",
        "[{'type':'function' 'name':'f'}]|malformed JSON",
        "|abi:",
      })
  void malformedEntriesNameTheField(String json, String message) {
    String text = json == null ? "" : json.replace('\'', '"');
    AbiException e = assertThrows(AbiException.class, () -> JsonAbiReader.read(text));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void unknownTypeIsInvalidTypeWithPosition() {
    String json = "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint7\"}]}]";
    AbiException e = assertThrows(AbiException.class, () -> JsonAbiReader.read(json));
    assertEquals(AbiException.Reason.INVALID_TYPE, e.reason());
    assertEquals(json.indexOf("\"uint7\""), e.position());
  }

  @Test
  void deepComponentsAreRejected() {
    StringBuilder sb = new StringBuilder("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[");
    int n = 100;
    for (int i = 0; i < n; i++) {
      sb.append("{\"type\":\"tuple\",\"components\":[");
    }
    sb.append("{\"type\":\"bool\"}");
    for (int i = 0; i < n; i++) {
      sb.append("]}");
    }
    sb.append("]}]");
    AbiException e = assertThrows(AbiException.class, () -> JsonAbiReader.read(sb.toString()));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
  }
}
