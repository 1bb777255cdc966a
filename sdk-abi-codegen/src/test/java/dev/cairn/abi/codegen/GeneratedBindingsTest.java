package dev.cairn.abi.codegen;

import static dev.cairn.abi.codegen.Bindings.call;
import static dev.cairn.abi.codegen.Bindings.field;
import static dev.cairn.abi.codegen.Bindings.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiError;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.Address;
import dev.cairn.abi.EncodedLog;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.abi.TopicFilter;
import dev.cairn.abi.Tuple;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Generated bindings for ERC-20/721/1155 and a nested-struct contract, compiled and called. */
class GeneratedBindingsTest {
  private static final Bindings B = Bindings.get();
  private static final Address ALICE = Address.parse("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.parse("0x0000000000000000000000000000000000000b0b");
  private static final BigInteger BIG = new BigInteger("115792089237316195423570985008687907853269984665640564039457584007913129639935");

  @Test
  void erc20TransferMatchesFunctionEncodeCall() {
    Class<?> erc20 = B.type("Erc20");
    byte[] generated = (byte[]) call(erc20, "encodeTransfer", BOB, BIG);
    byte[] expected = Function.parse("transfer(address,uint256)").encodeCall(BOB, BIG);
    assertArrayEquals(expected, generated);
    assertEquals("0xa9059cbb", field(erc20, "FUNCTION_TRANSFER_SELECTOR"));
    Object args = call(erc20, "decodeTransferCall", (Object) generated);
    assertEquals("TransferCall", args.getClass().getSimpleName());
    assertEquals(BOB, get(args, "to"));
    assertEquals(BIG, get(args, "value"));
    assertEquals(ALICE, call(erc20, "decodeBalanceOfCall", (Object) call(erc20, "encodeBalanceOf", ALICE)));
    assertThrows(DecodingException.class, () -> call(erc20, "decodeBalanceOfCall", (Object) generated));
    assertEquals("a9059cbb", Hex.encode(generated, 0, 4));
    assertEquals(
        "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
        field(erc20, "EVENT_TRANSFER_TOPIC"));
    assertEquals(
        Hex.encodePrefixed(((Function) field(erc20, "FUNCTION_TRANSFER_FROM")).selector()),
        field(erc20, "FUNCTION_TRANSFER_FROM_SELECTOR"));
  }

  @Test
  void erc20ResultsDecodeToTheirJavaTypes() {
    Class<?> erc20 = B.type("Erc20");
    byte[] balance = Function.parse("function balanceOf(address) returns (uint256)").encodeReturn(Tuple.of(BIG));
    assertEquals(BIG, call(erc20, "decodeBalanceOfResult", (Object) balance));
    byte[] decimals = Function.parse("function decimals() returns (uint8)").encodeReturn(Tuple.of(18));
    assertEquals(18, call(erc20, "decodeDecimalsResult", (Object) decimals));
    byte[] name = Function.parse("function name() returns (string)").encodeReturn(Tuple.of("Cairn"));
    assertEquals("Cairn", call(erc20, "decodeNameResult", (Object) name));
    byte[] ok = Function.parse("function transfer(address,uint256) returns (bool)").encodeReturn(Tuple.of(true));
    assertEquals(true, call(erc20, "decodeTransferResult", (Object) ok));
    assertThrows(DecodingException.class, () -> call(erc20, "decodeBalanceOfResult", (Object) new byte[31]));
  }

  @Test
  void erc20TransferLogDecodesAndFilters() {
    Class<?> erc20 = B.type("Erc20");
    Event transfer = Event.parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    EncodedLog log = transfer.encodeLog(ALICE, BOB, BigInteger.valueOf(1234));
    Object event = call(erc20, "decodeTransferEvent", log.topics(), log.data());
    assertEquals(ALICE, get(event, "from"));
    assertEquals(BOB, get(event, "to"));
    assertEquals(BigInteger.valueOf(1234), get(event, "value"));
    assertEquals(B.type("Erc20$TransferEvent"), event.getClass());
    // an Approval log is rejected by the Transfer decoder
    EncodedLog approval =
        Event.parse("event Approval(address indexed owner, address indexed spender, uint256 value)")
            .encodeLog(ALICE, BOB, BigInteger.ONE);
    assertThrows(DecodingException.class, () -> call(erc20, "decodeTransferEvent", approval.topics(), approval.data()));

    TopicFilter filter = (TopicFilter) call(erc20, "filterTransferEvent", null, BOB);
    assertEquals(transfer.topicFilter(null, BOB), filter);
    assertTrue(filter.matches(log.topics()));
    assertFalse(((TopicFilter) call(erc20, "filterTransferEvent", BOB, null)).matches(log.topics()));
  }

  @Test
  void erc20CustomErrorsDispatchBySelector() {
    Class<?> erc20 = B.type("Erc20");
    byte[] revert =
        AbiError.parse("error ERC20InsufficientBalance(address,uint256,uint256)")
            .encode(ALICE, BigInteger.TEN, BigInteger.valueOf(11));
    Optional<?> decoded = (Optional<?>) call(erc20, "decodeError", (Object) revert);
    assertTrue(decoded.isPresent());
    Object err = decoded.get();
    assertEquals("ERC20InsufficientBalanceError", err.getClass().getSimpleName());
    assertTrue(B.type("Erc20$CustomError").isInstance(err));
    assertEquals(ALICE, get(err, "sender"));
    assertEquals(BigInteger.TEN, get(err, "balance"));
    assertEquals(BigInteger.valueOf(11), get(err, "needed"));
    assertEquals(err, call(erc20, "decodeERC20InsufficientBalanceError", (Object) revert));

    byte[] other = AbiError.parse("error Unrelated(uint256)").encode(BigInteger.ONE);
    assertEquals(Optional.empty(), call(erc20, "decodeError", (Object) other));
    assertEquals(Optional.empty(), call(erc20, "decodeError", (Object) new byte[3]));
    assertEquals(Optional.empty(), call(erc20, "decodeError", (Object) null));
    byte[] truncated = java.util.Arrays.copyOf(revert, 40);
    assertThrows(DecodingException.class, () -> call(erc20, "decodeError", (Object) truncated));
  }

  @Test
  void erc721OverloadsGetDistinctNamesAndCorrectSelectors() {
    Class<?> erc721 = B.type("Erc721");
    assertEquals("0x42842e0e", field(erc721, "FUNCTION_SAFE_TRANSFER_FROM3_SELECTOR"));
    assertEquals("0xb88d4fde", field(erc721, "FUNCTION_SAFE_TRANSFER_FROM4_SELECTOR"));
    byte[] data = {1, 2, 3};
    byte[] call4 = (byte[]) call(erc721, "encodeSafeTransferFrom4", ALICE, BOB, BigInteger.valueOf(7), data);
    assertArrayEquals(
        Function.parse("safeTransferFrom(address,address,uint256,bytes)").encodeCall(ALICE, BOB, BigInteger.valueOf(7), data),
        call4);
    byte[] call3 = (byte[]) call(erc721, "encodeSafeTransferFrom3", ALICE, BOB, BigInteger.valueOf(7));
    assertArrayEquals(
        Function.parse("safeTransferFrom(address,address,uint256)").encodeCall(ALICE, BOB, BigInteger.valueOf(7)), call3);
    // ERC-165 interface id argument is bytes4
    byte[] supports = (byte[]) call(erc721, "encodeSupportsInterface", (Object) Hex.decode("80ac58cd"));
    assertEquals("01ffc9a780ac58cd", Hex.encode(supports, 0, 8));

    Event transfer = Event.parse("event Transfer(address indexed, address indexed, uint256 indexed)");
    EncodedLog log = transfer.encodeLog(ALICE, BOB, BigInteger.valueOf(99));
    Object event = call(erc721, "decodeTransferEvent", log.topics(), log.data());
    assertEquals(BigInteger.valueOf(99), get(event, "tokenId"));
    assertTrue(((TopicFilter) call(erc721, "filterTransferEvent", null, null, BigInteger.valueOf(99))).matches(log.topics()));
    byte[] owner = Function.parse("function ownerOf(uint256) returns (address)").encodeReturn(Tuple.of(BOB));
    assertEquals(BOB, call(erc721, "decodeOwnerOfResult", (Object) owner));
  }

  @Test
  void erc1155BatchesAndUriEvent() {
    Class<?> erc1155 = B.type("Erc1155");
    List<Address> accounts = List.of(ALICE, BOB);
    List<BigInteger> ids = List.of(BigInteger.ONE, BigInteger.TWO);
    assertArrayEquals(
        Function.parse("balanceOfBatch(address[],uint256[])").encodeCall(accounts, ids),
        (byte[]) call(erc1155, "encodeBalanceOfBatch", accounts, ids));
    byte[] ret = Function.parse("function f() returns (uint256[])").encodeReturn(Tuple.of(List.of(BIG, BigInteger.ZERO)));
    assertEquals(List.of(BIG, BigInteger.ZERO), call(erc1155, "decodeBalanceOfBatchResult", (Object) ret));

    Event batch = Event.parse(
        "event TransferBatch(address indexed, address indexed, address indexed, uint256[], uint256[])");
    EncodedLog log = batch.encodeLog(ALICE, ALICE, BOB, ids, List.of(BigInteger.TEN, BIG));
    Object ev = call(erc1155, "decodeTransferBatchEvent", log.topics(), log.data());
    assertEquals(ids, get(ev, "ids"));
    assertEquals(List.of(BigInteger.TEN, BIG), get(ev, "values"));
    assertEquals(BOB, get(ev, "to"));

    Event uri = Event.parse("event URI(string value, uint256 indexed id)");
    EncodedLog ul = uri.encodeLog("ipfs://x/{id}.json", BigInteger.valueOf(5));
    Object uev = call(erc1155, "decodeURIEvent", ul.topics(), ul.data());
    assertEquals("ipfs://x/{id}.json", get(uev, "value"));
    assertEquals(BigInteger.valueOf(5), get(uev, "id"));
    // the function uri(uint256) and the event URI coexist
    assertEquals("0x0e89341c", field(erc1155, "FUNCTION_URI_SELECTOR"));
  }

  private Object leaf(long id, int tagByte, String label) {
    byte[] tag = new byte[32];
    tag[0] = (byte) tagByte;
    return B.record("Nested$Leaf", BigInteger.valueOf(id), tag, label);
  }

  private Object branch(int seed) {
    return B.record(
        "Nested$Branch",
        List.of(leaf(seed, seed, "a" + seed), leaf(seed + 1, 0x7f, "")),
        leaf(Long.MAX_VALUE, 0xff, "main" + seed),
        BOB,
        List.of(1, 2, 255));
  }

  private Object tree() {
    return B.record("Nested$Tree", List.of(branch(1), branch(2)), new byte[] {9, 8, 7}, BIG.shiftRight(130).negate());
  }

  @Test
  void nestedStructRoundTrip() {
    Class<?> nested = B.type("Nested");
    Object tree = tree();
    byte[] calldata = (byte[]) call(nested, "encodePlant", tree);
    Function plant = (Function) field(nested, "FUNCTION_PLANT");
    Tuple args = plant.decodeCall(calldata);
    // what the contract would return: the same tree
    byte[] returned = plant.encodeReturn(args);
    Object decoded = call(nested, "decodePlantResult", (Object) returned);
    assertEquals(tree, call(nested, "decodePlantCall", (Object) calldata));
    assertEquals(tree, decoded);
    assertEquals(tree.hashCode(), decoded.hashCode());
    // content equality: a different tag byte makes a different record
    Object other = B.record("Nested$Tree", List.of(branch(1), branch(3)), new byte[] {9, 8, 7}, BIG.shiftRight(130).negate());
    assertNotEquals(tree, other);
    assertTrue(tree.toString().contains("data=0x090807"), tree.toString());
    // the same value through the Function API directly
    Tuple asTuple = (Tuple) get(tree, "toTuple");
    assertArrayEquals(plant.encodeCall(Tuple.of(asTuple)), calldata);

    List<?> branches = List.of(branch(4), branch(5), branch(6));
    byte[] echo = (byte[]) call(nested, "encodeEchoBranches", branches);
    Function echoFn = (Function) field(nested, "FUNCTION_ECHO_BRANCHES");
    assertEquals(branches, call(nested, "decodeEchoBranchesResult", (Object) echoFn.encodeReturn(echoFn.decodeCall(echo))));
  }

  @Test
  void fixedSizeArraysAreChecked() {
    Class<?> nested = B.type("Nested");
    List<List<BigInteger>> m = List.of(List.of(BigInteger.ONE, BigInteger.TWO), List.of(BIG, BigInteger.ZERO), List.of(BigInteger.TEN, BigInteger.TEN));
    byte[] calldata = (byte[]) call(nested, "encodeMatrix", m);
    Function matrix = (Function) field(nested, "FUNCTION_MATRIX");
    assertEquals(m, call(nested, "decodeMatrixResult", (Object) matrix.encodeReturn(matrix.decodeCall(calldata))));
    AbiException outer = assertThrows(AbiException.class, () -> call(nested, "encodeMatrix", m.subList(0, 2)));
    assertTrue(outer.getMessage().contains("m: expected 3 elements, got 2"), outer.getMessage());
    List<List<BigInteger>> ragged = List.of(m.get(0), List.of(BigInteger.ONE), m.get(2));
    AbiException inner = assertThrows(AbiException.class, () -> call(nested, "encodeMatrix", ragged));
    assertTrue(inner.getMessage().contains("m[]: expected 2 elements, got 1"), inner.getMessage());
    assertThrows(AbiException.class, () -> call(nested, "encodePlant", (Object) null));
    Object badBranch = B.record("Nested$Branch", List.of(), leaf(1, 1, "x"), BOB, List.of(1, 2));
    Object badTree = B.record("Nested$Tree", List.of(badBranch, badBranch), new byte[0], BigInteger.ZERO);
    AbiException weights = assertThrows(AbiException.class, () -> call(nested, "encodePlant", badTree));
    assertTrue(weights.getMessage().contains("Branch.weights"), weights.getMessage());
  }

  @Test
  void smallIntegersUsePrimitivesAndMultipleReturnsARecord() {
    Class<?> nested = B.type("Nested");
    byte[] calldata = (byte[]) call(nested, "encodeSmall", -128, 65535, 4294967295L, Long.MIN_VALUE, BIG.shiftRight(192), -8388608);
    assertArrayEquals(
        Function.parse("small(int8,uint16,uint32,int64,uint64,int24)")
            .encodeCall(-128, 65535, 4294967295L, Long.MIN_VALUE, BIG.shiftRight(192), -8388608),
        calldata);
    AbiException range = assertThrows(AbiException.class, () -> call(nested, "encodeSmall", 128, 0, 0L, 0L, BigInteger.ZERO, 0));
    assertTrue(range.getMessage().contains("int8"), range.getMessage());
    byte[] ret = ((Function) field(nested, "FUNCTION_SMALL")).encodeReturn(Tuple.of(-5, 4000000000L));
    Object result = call(nested, "decodeSmallResult", (Object) ret);
    assertEquals(-5, get(result, "value0"));
    assertEquals(4000000000L, get(result, "value1"));

    byte[] stats = ((Function) field(nested, "FUNCTION_STATS")).encodeReturn(Tuple.of(BigInteger.valueOf(3), BigInteger.valueOf(-6), true));
    Object s = call(nested, "decodeStatsResult", (Object) stats);
    assertEquals(BigInteger.valueOf(3), get(s, "id"));
    assertEquals(BigInteger.valueOf(-6), get(s, "scaled"));
    assertEquals(true, get(s, "ok"));
    // uint64 is BigInteger (not every value fits a long); the struct field uint64 id too
    assertEquals(BigInteger.class, B.type("Nested$Leaf").getRecordComponents()[0].getType());
    Class<?>[] smallParams = null;
    for (var m : nested.getMethods()) {
      if (m.getName().equals("encodeSmall")) {
        smallParams = m.getParameterTypes();
      }
    }
    assertArrayEquals(
        new Class<?>[] {int.class, int.class, long.class, long.class, BigInteger.class, int.class}, smallParams);
  }

  @Test
  void nestedEventsErrorsAndConstructor() {
    Class<?> nested = B.type("Nested");
    Object tree = tree();
    Event planted = (Event) field(nested, "EVENT_PLANTED");
    EncodedLog log = planted.encodeLog(ALICE, "oak", get(tree, "toTuple"));
    Object ev = call(nested, "decodePlantedEvent", log.topics(), log.data());
    assertEquals(ALICE, get(ev, "gardener"));
    assertArrayEquals(Keccak256.hash("oak".getBytes(StandardCharsets.UTF_8)), (byte[]) get(ev, "name"));
    assertEquals(tree, get(ev, "tree"));
    TopicFilter f = (TopicFilter) call(nested, "filterPlantedEvent", null, "oak");
    assertTrue(f.matches(log.topics()));
    assertFalse(((TopicFilter) call(nested, "filterPlantedEvent", null, "elm")).matches(log.topics()));

    Event pruned = (Event) field(nested, "EVENT_PRUNED");
    assertTrue(pruned.isAnonymous());
    Object leaf = leaf(4, 4, "four");
    EncodedLog pl = pruned.encodeLog(BigInteger.valueOf(4), get(leaf, "toTuple"));
    Object pev = call(nested, "decodePrunedEvent", pl.topics(), pl.data());
    assertEquals(leaf, get(pev, "leaf"));

    AbiError bad = (AbiError) field(nested, "ERROR_BAD_TREE");
    byte[] revert = bad.encode(get(tree, "toTuple"), "too tall");
    Object err = ((Optional<?>) call(nested, "decodeError", (Object) revert)).orElseThrow();
    assertEquals(tree, get(err, "tree"));
    assertEquals("too tall", get(err, "reason"));
    Object empty = ((Optional<?>) call(nested, "decodeError", (Object) Hex.decode("3db2a12a"))).orElseThrow();
    assertEquals("EmptyError", empty.getClass().getSimpleName());

    byte[] ctor = (byte[]) call(nested, "encodeConstructorArgs", ALICE, BigInteger.ONE);
    assertEquals(64, ctor.length);
    assertEquals(BigInteger.ONE, new BigInteger(1, java.util.Arrays.copyOfRange(ctor, 32, 64)));
  }

  @Test
  void indexedStructArrayAndBytesAreHashedTopics() {
    Class<?> nested = B.type("Nested");
    Event tagged = (Event) field(nested, "EVENT_TAGGED");
    Object leaf = leaf(7, 7, "seven");
    List<BigInteger> ids = List.of(BigInteger.ONE, BIG);
    byte[] blob = {1, 2, 3, 4};
    EncodedLog log = tagged.encodeLog(get(leaf, "toTuple"), ids, blob, true);
    Object ev = call(nested, "decodeTaggedEvent", log.topics(), log.data());
    assertArrayEquals(log.topics().get(1), (byte[]) get(ev, "leaf"));
    assertArrayEquals(log.topics().get(2), (byte[]) get(ev, "ids"));
    assertArrayEquals(Keccak256.hash(blob), (byte[]) get(ev, "blob"));
    assertEquals(true, get(ev, "flag"));
    // the filter takes the values themselves and hashes them as the log does
    assertTrue(((TopicFilter) call(nested, "filterTaggedEvent", leaf, ids, blob)).matches(log.topics()));
    assertTrue(((TopicFilter) call(nested, "filterTaggedEvent", leaf, null, null)).matches(log.topics()));
    assertFalse(((TopicFilter) call(nested, "filterTaggedEvent", leaf(8, 7, "seven"), null, null)).matches(log.topics()));
    // records with only byte-array hashes compare by content
    assertEquals(ev, call(nested, "decodeTaggedEvent", log.topics(), log.data()));
  }

  @Test
  void namesThatClashWithGeneratedCodeStillWork() {
    Class<?> clashes = B.type("Clashes");
    // struct C.Address (a record named like dev.cairn.abi.Address) with components List, tuple, e0
    Object addr = B.record("Clashes$Address", BigInteger.TEN, ALICE, List.of(new byte[32], new byte[32]));
    Object list = B.record("Clashes$List", "x");
    byte[] calldata = (byte[]) call(clashes, "encodeF", addr, List.of(list));
    assertArrayEquals(
        Function.parse("f((uint256,address,bytes32[2]),(string)[])")
            .encodeCall(Tuple.of(BigInteger.TEN, ALICE, List.of(new byte[32], new byte[32])), List.of(Tuple.of("x"))),
        calldata);
    Object args = call(clashes, "decodeFCall", (Object) calldata);
    assertEquals(addr, get(args, "Tuple_"));
    assertEquals(List.of(list), get(args, "FUNCTION_F_"));
    // an unnamed tuple without internalType becomes the record Struct
    assertEquals("Struct", B.type("Clashes$Struct").getSimpleName());
  }

  @Test
  void generationIsDeterministic() {
    AbiCodegen codegen = AbiCodegen.forPackage(Bindings.PACKAGE);
    for (GeneratedSource first : B.generated) {
      String name = first.className().toLowerCase(java.util.Locale.ROOT) + ".json";
      GeneratedSource again = codegen.generate(name, first.className(), Bindings.resource("abi/" + name));
      assertEquals(first.content(), again.content(), name);
    }
  }

  @Test
  void generatedCodeUsesNoReflection() {
    for (GeneratedSource s : B.generated) {
      assertFalse(s.content().contains("java.lang.reflect"), s.className());
      assertFalse(s.content().contains("Class.forName"), s.className());
      assertFalse(s.content().contains("getClass()"), s.className());
    }
  }
}
