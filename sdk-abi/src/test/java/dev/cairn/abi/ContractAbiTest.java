package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.ABIJSON;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractAbiTest {

  static String resource(String name) {
    return AbiResources.read(name);
  }

  @Test
  void erc20SelectorsAndTopics() {
    ContractAbi abi = ContractAbi.parseJson(resource("erc20.json"));
    assertEquals(9, abi.functions().size());
    assertEquals(2, abi.events().size());
    assertEquals(2, abi.errors().size());
    Function transfer = abi.function("transfer").orElseThrow();
    assertEquals("a9059cbb", Hex.encode(transfer.selector()));
    assertEquals("view", abi.function("balanceOf").orElseThrow().stateMutability());
    assertEquals(
        transfer, abi.functionBySelector(Hex.decode("a9059cbb")).orElseThrow());
    Event t = abi.event("Transfer").orElseThrow();
    assertEquals(
        "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Hex.encode(t.topic0()));
    assertEquals(List.of(t), abi.eventsByTopic(t.topic0()));
    AbiError e = abi.error("ERC20InsufficientBalance").orElseThrow();
    assertEquals("e450d38c", Hex.encode(e.selector()));
    assertEquals(e, abi.errorBySelector(e.selector()).orElseThrow());
    assertTrue(abi.constructor().isEmpty());
    assertTrue(abi.fallback().isEmpty());
    assertTrue(abi.receive().isEmpty());
    assertEquals("ContractAbi[9 functions, 2 events, 2 errors]", abi.toString());
  }

  @Test
  void overloadsNeedASignature() {
    ContractAbi abi = ContractAbi.parseJson(resource("erc721.json"));
    assertEquals(2, abi.functions("safeTransferFrom").size());
    AbiException e = assertThrows(AbiException.class, () -> abi.function("safeTransferFrom"));
    assertTrue(e.getMessage().contains("overloaded"), e.getMessage());
    assertEquals(
        "b88d4fde",
        Hex.encode(
            abi.function("safeTransferFrom(address,address,uint256,bytes)").orElseThrow().selector()));
    assertTrue(abi.function("nope(uint256)").isEmpty());
    assertTrue(abi.function("nope").isEmpty());
  }

  @Test
  void nestedArtifactInternalTypesAndSpecialFragments() {
    ContractAbi abi = ContractAbi.parseJson(resource("nested.json"));
    ConstructorFragment ctor = abi.constructor().orElseThrow();
    assertTrue(ctor.isPayable());
    assertEquals("contract IERC20", ctor.inputs().get(0).internalType().orElseThrow());
    assertEquals("payable", abi.fallback().orElseThrow().stateMutability());
    assertTrue(abi.receive().isPresent());
    Function plant = abi.function("plant").orElseThrow();
    Param tree = abi.inputsOf(plant).get(0);
    assertEquals("Nested.Tree", tree.structName().orElseThrow());
    Param branches = tree.components().get(1);
    assertEquals("branches", branches.name());
    assertEquals("Nested.Branch", branches.structName().orElseThrow());
    Param leaves = branches.components().get(1);
    assertEquals("struct Nested.Leaf[2]", leaves.internalType().orElseThrow());
    Param path = leaves.components().get(2);
    assertEquals("Shapes.Point", path.structName().orElseThrow());
    assertEquals("(int64,int64)[]", path.canonicalType());
    assertEquals("x", path.components().get(0).name());
    assertEquals("enum Nested.Status", tree.components().get(2).internalType().orElseThrow());
    assertTrue(tree.components().get(0).structName().isEmpty());
    assertEquals("struct Nested.Leaf[]", abi.outputsOf(plant).get(1).internalType().orElseThrow());
    assertEquals("leaves", plant.outputs().name(1));
    assertEquals("tree", plant.inputs().name(0));
    assertThrows(AbiException.class, () -> abi.inputsOf(Function.parse("f()")));
    assertEquals(1, abi.anonymousEvents().stream().filter(e -> e.name().equals("Pruned")).count());
  }

  /** headlong (an independent implementation) reads the same signatures and selectors. */
  @ParameterizedTest
  @ValueSource(strings = {"erc20.json", "erc721.json", "erc1155.json", "nested.json"})
  void agreesWithHeadlong(String name) {
    String json = resource(name);
    ContractAbi abi = ContractAbi.parseJson(json);
    String array = json.trim().startsWith("{") ? arrayOf(abi) : json;
    List<String> theirs =
        ABIJSON.parseNormalFunctions(array).stream()
            .map(f -> f.getCanonicalSignature() + f.getOutputs().getCanonicalType() + Hex.encode(f.selector()))
            .collect(Collectors.toList());
    List<String> ours =
        abi.functions().stream()
            .map(f -> f.signature() + f.outputs().canonicalType() + Hex.encode(f.selector()))
            .collect(Collectors.toList());
    assertEquals(theirs, ours);
    List<String> theirEvents =
        ABIJSON.parseEvents(array).stream()
            .map(e -> e.getCanonicalSignature() + e.isAnonymous() + indexed(e.getIndexManifest()))
            .collect(Collectors.toList());
    List<String> ourEvents =
        abi.events().stream()
            .map(e -> e.signature() + e.isAnonymous() + indexed(e))
            .collect(Collectors.toList());
    assertEquals(theirEvents, ourEvents);
    List<String> theirErrors =
        ABIJSON.parseErrors(array).stream()
            .map(e -> e.getCanonicalSignature())
            .collect(Collectors.toList());
    assertEquals(
        theirErrors, abi.errors().stream().map(AbiError::signature).collect(Collectors.toList()));
  }

  private static String arrayOf(ContractAbi abi) {
    return abi.toJson();
  }

  private static String indexed(boolean[] manifest) {
    StringBuilder sb = new StringBuilder();
    for (boolean b : manifest) {
      sb.append(b ? 'I' : '-');
    }
    return sb.toString();
  }

  private static String indexed(Event e) {
    StringBuilder sb = new StringBuilder();
    for (Param p : e.inputs()) {
      sb.append(p.isIndexed() ? 'I' : '-');
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"erc20.json", "erc721.json", "erc1155.json", "nested.json", "legacy-weth9.json"})
  void jsonAndHumanReadableRoundTrip(String name) {
    ContractAbi abi = ContractAbi.parseJson(resource(name));
    ContractAbi again = ContractAbi.parseJson(abi.toJson());
    assertEquals(abi, again);
    ContractAbi human = ContractAbi.parseHumanReadable(abi.toHumanReadable());
    assertEquals(abi.functions(), human.functions());
    assertEquals(abi.events(), human.events());
    assertEquals(abi.errors(), human.errors());
    assertEquals(abi.constructor(), human.constructor());
    assertEquals(abi.toHumanReadable(), human.toHumanReadable());
  }

  @Test
  void typesTheCodecRejectsNameTheParameter() {
    AbiException e =
        assertThrows(
            AbiException.class,
            () ->
                ContractAbi.parseJson(
                    "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[],\"outputs\":[{\"type\":\"bool\"},"
                        + "{\"type\":\"tuple[]\",\"components\":[]}]}]"));
    assertTrue(e.getMessage().startsWith("abi[0].outputs[1]: "), e.getMessage());
    assertEquals(-1, e.position());
  }

  @Test
  void legacyAbi() {
    ContractAbi abi = ContractAbi.parseJson(resource("legacy-weth9.json"));
    assertEquals("payable", abi.function("deposit").orElseThrow().stateMutability());
    assertEquals("view", abi.function("totalSupply").orElseThrow().stateMutability());
    assertEquals("payable", abi.fallback().orElseThrow().stateMutability());
    assertEquals(
        "uint256", abi.function("balanceOf").orElseThrow().outputs().get(0).canonicalType());
  }

  @Test
  void humanReadableAbi() {
    ContractAbi abi =
        ContractAbi.parseHumanReadable(
            "constructor(string symbol, uint8 decimals)",
            "function balanceOf(address owner) view returns (uint256)",
            "function transfer(address to, uint256 amount) returns (bool)",
            "transferFrom(address,address,uint256)",
            "event Transfer(address indexed from, address indexed to, uint256 value)",
            "error InsufficientBalance(uint256 available, uint256 required)",
            "fallback() external",
            "receive() external payable");
    assertEquals(3, abi.functions().size());
    assertEquals("23b872dd", Hex.encode(abi.function("transferFrom").orElseThrow().selector()));
    assertEquals("owner", abi.function("balanceOf").orElseThrow().inputs().name(0));
    assertFalse(abi.fallback().orElseThrow().isPayable());
    assertEquals(2, abi.constructor().orElseThrow().inputs().size());
    AbiException e =
        assertThrows(
            AbiException.class,
            () -> ContractAbi.parseHumanReadable("function ok()", "function bad(uint7 x)"));
    assertEquals(13, e.position());
    assertTrue(e.getMessage().startsWith("fragments[1]: unknown type \"uint7\""), e.getMessage());
  }

  @Test
  void sourceIndexLocatesEachFragment() {
    ContractAbi abi =
        ContractAbi.parseHumanReadable(
            "event A(uint256 x)",
            "function f()",
            "constructor(bool b)",
            "error E()",
            "function f()",
            "fallback() external",
            "receive() external payable");
    assertEquals(0, abi.sourceIndex(abi.events().get(0)));
    assertEquals(1, abi.sourceIndex(abi.functions().get(0)));
    // equal duplicates are told apart by identity
    assertEquals(4, abi.sourceIndex(abi.functions().get(1)));
    assertEquals(2, abi.sourceIndex(abi.constructor().orElseThrow()));
    assertEquals(3, abi.sourceIndex(abi.errors().get(0)));
    assertEquals(5, abi.sourceIndex(abi.fallback().orElseThrow()));
    assertEquals(6, abi.sourceIndex(abi.receive().orElseThrow()));
    assertEquals(-1, abi.sourceIndex(Function.parse("f()")));
    assertEquals(-1, abi.sourceIndex(null));
  }

  @Test
  void duplicateSpecialFragmentsAndBadNamesAreRejected() {
    AbiException e =
        assertThrows(
            AbiException.class,
            () -> ContractAbi.parseJson("[{\"type\":\"receive\"},{\"type\":\"receive\"}]"));
    assertTrue(e.getMessage().startsWith("abi[1]: a second receive"), e.getMessage());
    AbiException n =
        assertThrows(
            AbiException.class,
            () -> ContractAbi.parseJson("[{\"type\":\"function\",\"name\":\"a b\"}]"));
    // the JSON reader checks names itself now (errors and events were not checked), naming the field
    assertTrue(n.getMessage().startsWith("abi[0].name: not an identifier"), n.getMessage());
    AbiException ev =
        assertThrows(
            AbiException.class,
            () ->
                ContractAbi.parseHumanReadable(
                    "event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));
    assertTrue(ev.getMessage().contains("at most 3"), ev.getMessage());
    ContractAbi.parseHumanReadable(
        "event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d) anonymous");
  }

  @Test
  void decodeCallAndLog() {
    ContractAbi abi = ContractAbi.parseJson(resource("erc20.json"));
    Address to = Address.parse("0x00000000000000000000000000000000000000aa");
    byte[] data = abi.function("transfer").orElseThrow().encodeCall(to, BigInteger.TEN);
    DecodedCall call = abi.decodeCall(data);
    assertEquals("transfer(address,uint256)", call.function().signature());
    assertEquals(to, call.get("to"));
    assertEquals(BigInteger.TEN, call.args().get(1));
    assertThrows(DecodingException.class, () -> abi.decodeCall(Hex.decode("deadbeef")));
    assertThrows(DecodingException.class, () -> abi.decodeCall(new byte[2]));
    Event transfer = abi.event("Transfer").orElseThrow();
    EncodedLog log = transfer.encodeLog(to, to, BigInteger.ONE);
    DecodedLog decoded = abi.decodeLog(log.topics(), log.data());
    assertEquals(BigInteger.ONE, decoded.get("value"));
    List<byte[]> unknown = new ArrayList<>(log.topics());
    unknown.set(0, new byte[32]);
    assertThrows(DecodingException.class, () -> abi.decodeLog(unknown, log.data()));
    assertThrows(DecodingException.class, () -> abi.decodeLog(List.of(), new byte[0]));
  }

  @Test
  void sharedTopicPicksTheMatchingIndexedLayout() {
    ContractAbi abi =
        ContractAbi.parseHumanReadable(
            "event Transfer(address indexed from, address indexed to, uint256 value)",
            "event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)");
    Address a = Address.parse("0x00000000000000000000000000000000000000aa");
    Event nft = abi.events().get(1);
    EncodedLog log = nft.encodeLog(a, a, BigInteger.valueOf(7));
    DecodedLog d = abi.decodeLog(log.topics(), log.data());
    assertEquals(nft, d.event());
    assertEquals(BigInteger.valueOf(7), d.get("tokenId"));
    assertArrayEquals(abi.events().get(0).topic0(), nft.topic0());
  }
}
