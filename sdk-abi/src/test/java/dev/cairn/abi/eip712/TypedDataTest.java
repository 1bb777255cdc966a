package dev.cairn.abi.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.Address;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour and validation of {@link TypedData}. */
class TypedDataTest {
  private static final String MAIL_TYPES =
      "\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"}],"
          + "\"Person\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"wallet\",\"type\":\"address\"}],"
          + "\"Mail\":[{\"name\":\"from\",\"type\":\"Person\"},{\"name\":\"to\",\"type\":\"Person\"},"
          + "{\"name\":\"contents\",\"type\":\"string\"}]";
  private static final String DOMAIN = "{\"name\":\"Ether Mail\",\"chainId\":1}";
  private static final String COW =
      "{\"name\":\"Cow\",\"wallet\":\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"}";

  private static String mail(String to) {
    return "{\"types\":{" + MAIL_TYPES + "},\"primaryType\":\"Mail\",\"domain\":" + DOMAIN
        + ",\"message\":{\"from\":" + COW + ",\"to\":" + to + ",\"contents\":\"Hi\"}}";
  }

  private static AbiException fails(String json, AbiException.Reason reason, String... fragments) {
    AbiException e = assertThrows(AbiException.class, () -> TypedData.parseJson(json));
    assertEquals(reason, e.reason(), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention " + f);
    }
    return e;
  }

  private static String single(String type, String valueJson) {
    return "{\"types\":{\"T\":[{\"name\":\"x\",\"type\":\"" + type + "\"}]},"
        + "\"primaryType\":\"T\",\"domain\":{},\"message\":{\"x\":" + valueJson + "}}";
  }

  @Test
  void hugeExponentIsAParseErrorNotANumberFormatException() {
    // found by TypedDataPropertiesTest: Jackson refuses to build a BigDecimal with this exponent
    String json = "{\"types\":{\"EIP712Domain\":[]},\"primaryType\":\"EIP712Domain\","
        + "\"domain\":{},\"message\":{\"x\":2182e61641247636}}";
    AbiException e = assertThrows(AbiException.class, () -> TypedData.parseJson(json));
    assertEquals(AbiException.Reason.PARSE, e.reason(), e.getMessage());
  }

  @Test
  void missingFieldNamesItsPath() {
    fails(mail("{\"name\":\"Bob\"}"), AbiException.Reason.INVALID_VALUE, "message.to.wallet", "missing");
    fails(mail("{\"name\":\"Bob\",\"wallet\":null}"), AbiException.Reason.INVALID_VALUE,
        "message.to.wallet");
    fails(mail("\"Bob\""), AbiException.Reason.INVALID_VALUE, "message.to", "expected an object");
  }

  @Test
  void invalidAddressNamesItsPath() {
    fails(mail("{\"name\":\"Bob\",\"wallet\":\"0x1234\"}"), AbiException.Reason.INVALID_VALUE,
        "message.to.wallet");
    // mixed case with a wrong EIP-55 checksum
    fails(mail("{\"name\":\"Bob\",\"wallet\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827\"}"),
        AbiException.Reason.INVALID_VALUE, "message.to.wallet", "checksum");
  }

  @Test
  void addressesInAnyAcceptedCaseGiveTheSameDigest() {
    String lower = "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826";
    String upper = "0xCD2A3D9F938E13CD947EC05ABC7FE734DF8DD826";
    String checksum = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";
    byte[] d = TypedData.parseJson(mail("{\"name\":\"B\",\"wallet\":\"" + lower + "\"}")).digest();
    assertArrayEquals(d, TypedData.parseJson(mail("{\"name\":\"B\",\"wallet\":\"" + upper + "\"}")).digest());
    assertArrayEquals(d, TypedData.parseJson(mail("{\"name\":\"B\",\"wallet\":\"" + checksum + "\"}")).digest());
  }

  @Test
  void undeclaredTypeNamesTheMember() {
    String json = "{\"types\":{\"Mail\":[{\"name\":\"from\",\"type\":\"Persn\"}]},"
        + "\"primaryType\":\"Mail\",\"message\":{\"from\":{}}}";
    fails(json, AbiException.Reason.INVALID_TYPE, "types.Mail.from", "Persn");
    fails(single("uint", "1"), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("uint7", "1"), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("uint264", "1"), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("bytes33", "\"0x\""), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("bytes0", "\"0x\""), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("uint8[0]", "[]"), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("uint8[01]", "[1]"), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("uint8[", "[1]"), AbiException.Reason.INVALID_TYPE, "types.T.x");
    fails(single("function", "\"0x\""), AbiException.Reason.INVALID_TYPE, "types.T.x");
  }

  @Test
  void primaryTypeMustBeDeclared() {
    fails("{\"types\":{\"A\":[]},\"primaryType\":\"B\",\"message\":{}}",
        AbiException.Reason.INVALID_TYPE, "primaryType", "B");
    fails("{\"types\":{\"A\":[]},\"message\":{}}", AbiException.Reason.INVALID_TYPE, "primaryType");
  }

  @Test
  void cyclicTypesAreRejected() {
    fails("{\"types\":{\"A\":[{\"name\":\"b\",\"type\":\"B\"}],\"B\":[{\"name\":\"a\",\"type\":\"A\"}]},"
        + "\"primaryType\":\"A\",\"message\":{}}", AbiException.Reason.INVALID_TYPE, "cyclic");
    // also through arrays, and to itself
    fails("{\"types\":{\"Node\":[{\"name\":\"kids\",\"type\":\"Node[]\"}]},"
        + "\"primaryType\":\"Node\",\"message\":{\"kids\":[]}}", AbiException.Reason.INVALID_TYPE,
        "types.Node", "cyclic");
  }

  @Test
  void typeNestingIsBounded() {
    // a chain of 40 struct types: S0 -> S1 -> ... -> S39
    StringBuilder types = new StringBuilder("{\"types\":{");
    for (int i = 0; i < 40; i++) {
      types.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":[");
      if (i < 39) {
        types.append("{\"name\":\"n\",\"type\":\"S").append(i + 1).append("\"}");
      }
      types.append(']');
    }
    types.append("},\"primaryType\":\"S0\",\"message\":{}}");
    fails(types.toString(), AbiException.Reason.INVALID_TYPE, "deeper than " + TypedData.MAX_DEPTH);
    // array dimensions count too
    fails(single("uint8" + "[]".repeat(40), "[]"), AbiException.Reason.INVALID_TYPE, "array dimensions");
    // 20 dimensions of B, whose member has 20 more: each type alone is fine, together too deep
    fails("{\"types\":{\"A\":[{\"name\":\"b\",\"type\":\"B" + "[]".repeat(20) + "\"}],"
        + "\"B\":[{\"name\":\"x\",\"type\":\"uint8" + "[]".repeat(20) + "\"}]},"
        + "\"primaryType\":\"A\",\"message\":{}}", AbiException.Reason.INVALID_TYPE, "types.A", "deeper");
    // hostile type strings: no deep recursion, and the message quotes only a prefix
    AbiException e = fails(single("uint8" + "[]".repeat(500_000), "[]"), AbiException.Reason.INVALID_TYPE,
        "types.T.x", "array dimensions");
    assertTrue(e.getMessage().length() < 200, e.getMessage());
    e = fails(single("X".repeat(100_000), "1"), AbiException.Reason.INVALID_TYPE, "types.T.x", "...'");
    assertTrue(e.getMessage().length() < 200, e.getMessage());
    String longName = "N".repeat(10_000);
    e = fails("{\"types\":{\"" + longName + "\":[]},\"primaryType\":\"" + longName + "\",\"message\":{}}",
        AbiException.Reason.INVALID_TYPE, "invalid struct name");
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    e = fails("{\"types\":{\"A\":[]},\"primaryType\":\"A\",\"domain\":{\"" + longName + "\":1},\"message\":{}}",
        AbiException.Reason.INVALID_VALUE, "domain.NNN");
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }

  @Test
  void jsonNestingIsBounded() {
    String deep = "[".repeat(100) + "]".repeat(100);
    fails(single("uint8[]", deep), AbiException.Reason.PARSE, "deeper than");
  }

  @Test
  void malformedJsonIsAParseErrorWithAPosition() {
    AbiException e = fails("{\"types\": {", AbiException.Reason.PARSE);
    assertTrue(e.position() >= 0);
    fails("", AbiException.Reason.PARSE);
    fails("{} {}", AbiException.Reason.PARSE, "trailing");
    fails("{\"types\":{},\"types\":{}}", AbiException.Reason.PARSE, "duplicate key");
    fails("[]", AbiException.Reason.INVALID_VALUE, "not a JSON object");
    fails("{\"primaryType\":\"A\"}", AbiException.Reason.INVALID_TYPE, "types");
    fails("{\"types\":{\"A\":[{\"name\":1,\"type\":\"uint8\"}]},\"primaryType\":\"A\"}",
        AbiException.Reason.INVALID_TYPE, "types.A[0]");
  }

  @Test
  void invalidNamesAreRejected() {
    fails("{\"types\":{\"uint7\":[]},\"primaryType\":\"uint7\",\"message\":{}}",
        AbiException.Reason.INVALID_TYPE, "types.uint7");
    fails("{\"types\":{\"My Type\":[]},\"primaryType\":\"My Type\",\"message\":{}}",
        AbiException.Reason.INVALID_TYPE, "invalid struct name");
    fails("{\"types\":{\"A\":[{\"name\":\"a,b\",\"type\":\"uint8\"}]},\"primaryType\":\"A\",\"message\":{}}",
        AbiException.Reason.INVALID_TYPE, "types.A[0]", "member name");
    fails("{\"types\":{\"A\":[{\"name\":\"a\",\"type\":\"uint8\"},{\"name\":\"a\",\"type\":\"bool\"}]},"
        + "\"primaryType\":\"A\",\"message\":{}}", AbiException.Reason.INVALID_TYPE, "types.A.a", "duplicate");
  }

  @Test
  void integerRangesAndForms() {
    byte[] d = TypedData.parseJson(single("uint8", "255")).digest();
    assertArrayEquals(d, TypedData.parseJson(single("uint8", "\"255\"")).digest());
    assertArrayEquals(d, TypedData.parseJson(single("uint8", "\"0xff\"")).digest());
    assertArrayEquals(d, TypedData.parseJson(single("uint8", "\"0xFF\"")).digest());
    assertArrayEquals(d, TypedData.parseJson(single("uint8", "2.55e2")).digest());
    assertArrayEquals(d, TypedData.parseJson(single("uint8", "255.0")).digest());
    fails(single("uint8", "256"), AbiException.Reason.INVALID_VALUE, "message.x", "out of range", "uint8");
    fails(single("uint8", "\"0x100\""), AbiException.Reason.INVALID_VALUE, "message.x", "out of range");
    fails(single("uint8", "-1"), AbiException.Reason.INVALID_VALUE, "message.x", "out of range");
    fails(single("uint8", "1.5"), AbiException.Reason.INVALID_VALUE, "message.x", "not an integer");
    fails(single("uint256", "1e400"), AbiException.Reason.INVALID_VALUE, "message.x", "out of range");
    // huge exponents either way are rejected without computing 10^exponent
    fails(single("uint256", "1e999999999"), AbiException.Reason.INVALID_VALUE, "message.x", "out of range");
    fails(single("uint256", "1e-999999999"), AbiException.Reason.INVALID_VALUE, "message.x", "not an integer");
    TypedData.parseJson(single("uint256", "0e-999999999"));
    TypedData.parseJson(single("uint256", "100e-2"));
    fails(single("uint8", "\"12a\""), AbiException.Reason.INVALID_VALUE, "message.x");
    fails(single("uint8", "\"\""), AbiException.Reason.INVALID_VALUE, "message.x");
    fails(single("uint8", "\"-\""), AbiException.Reason.INVALID_VALUE, "message.x");
    fails(single("uint8", "\"0x\""), AbiException.Reason.INVALID_VALUE, "message.x");
    fails(single("uint8", "\"-0x1\""), AbiException.Reason.INVALID_VALUE, "message.x");
    fails(single("uint8", "\"1".concat("0".repeat(200)).concat("\"")), AbiException.Reason.INVALID_VALUE, "too long");
    fails(single("uint8", "true"), AbiException.Reason.INVALID_VALUE, "message.x", "expected an integer");
    TypedData.parseJson(single("int8", "-128"));
    TypedData.parseJson(single("int8", "\"127\""));
    fails(single("int8", "-129"), AbiException.Reason.INVALID_VALUE, "out of range for int8");
    fails(single("int8", "128"), AbiException.Reason.INVALID_VALUE, "out of range for int8");
    // the 2^256 - 1 and -2^255 boundaries
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    byte[] enc = TypedData.parseJson(single("uint256", "\"" + max + "\"")).encodeData("T", Map.of("x", max));
    assertEquals("ff".repeat(32), Hex.encode(enc, 32, 32));
    BigInteger min = BigInteger.ONE.shiftLeft(255).negate();
    TypedData td = TypedData.parseJson(single("int256", "\"" + min + "\""));
    assertEquals("80" + "00".repeat(31), Hex.encode(td.encodeData("T", td.message()), 32, 32));
  }

  @Test
  void bytesAndStringValues() {
    fails(single("bytes4", "\"0x010203\""), AbiException.Reason.INVALID_VALUE, "message.x", "4 bytes");
    fails(single("bytes", "\"0x123\""), AbiException.Reason.INVALID_VALUE, "message.x", "odd");
    fails(single("bytes", "\"1234\""), AbiException.Reason.INVALID_VALUE, "message.x", "0x");
    fails(single("bytes", "\"0xzz\""), AbiException.Reason.INVALID_VALUE, "message.x", "hex digit");
    fails(single("string", "\"\\ud800\""), AbiException.Reason.INVALID_VALUE, "message.x", "surrogate");
    fails(single("string", "5"), AbiException.Reason.INVALID_VALUE, "message.x", "expected a string");
    fails(single("bool", "\"true\""), AbiException.Reason.INVALID_VALUE, "message.x", "boolean");
    TypedData td = TypedData.parseJson(single("bytes3", "\"0xABCDEF\""));
    assertEquals("abcdef" + "00".repeat(29), Hex.encode(td.encodeData("T", td.message()), 32, 32));
    TypedData s = TypedData.parseJson(single("string", "\"é🚀\""));
    assertArrayEquals(
        Keccak256.hash("é🚀".getBytes(StandardCharsets.UTF_8)),
        java.util.Arrays.copyOfRange(s.encodeData("T", s.message()), 32, 64));
  }

  @Test
  void arraysAreHashedAndLengthChecked() {
    String types = "{\"types\":{\"Item\":[{\"name\":\"amount\",\"type\":\"uint8\"}],"
        + "\"Order\":[{\"name\":\"items\",\"type\":\"Item[2]\"},{\"name\":\"tags\",\"type\":\"string[]\"}]},"
        + "\"primaryType\":\"Order\",\"domain\":{},\"message\":";
    fails(types + "{\"items\":[{\"amount\":1},{\"amount\":300}],\"tags\":[]}}",
        AbiException.Reason.INVALID_VALUE, "message.items[1].amount", "out of range");
    fails(types + "{\"items\":[{\"amount\":1}],\"tags\":[]}}",
        AbiException.Reason.INVALID_VALUE, "message.items", "expected 2 elements");
    fails(types + "{\"items\":[{\"amount\":1},{\"amount\":2}],\"tags\":[\"a\",null]}}",
        AbiException.Reason.INVALID_VALUE, "message.tags[1]");
    fails(types + "{\"items\":[{\"amount\":1},{\"amount\":2}],\"tags\":\"a\"}}",
        AbiException.Reason.INVALID_VALUE, "message.tags", "expected an array");
    TypedData td = TypedData.parseJson(types + "{\"items\":[{\"amount\":1},{\"amount\":2}],\"tags\":[\"a\",\"b\"]}}");
    assertEquals("Order(Item[2] items,string[] tags)Item(uint8 amount)", td.encodeType("Order"));
    // items word = keccak(hashStruct(item0) || hashStruct(item1))
    Map<String, Object> i0 = Map.of("amount", 1);
    Map<String, Object> i1 = Map.of("amount", 2);
    byte[] expectItems = Keccak256.create().update(td.hashStruct("Item", i0)).update(td.hashStruct("Item", i1)).digest();
    byte[] tags = Keccak256.create()
        .update(Keccak256.hash("a".getBytes(StandardCharsets.UTF_8)))
        .update(Keccak256.hash("b".getBytes(StandardCharsets.UTF_8))).digest();
    byte[] enc = td.encodeData("Order", td.message());
    assertArrayEquals(expectItems, java.util.Arrays.copyOfRange(enc, 32, 64));
    assertArrayEquals(tags, java.util.Arrays.copyOfRange(enc, 64, 96));
  }

  @Test
  void encodeTypeSortsReferencedTypesAndIncludesArraysOfStructs() {
    // the eth_signTypedData_v4 example shape: arrays of structs
    Map<String, List<TypedData.Field>> types = new LinkedHashMap<>();
    types.put("Mail", List.of(new TypedData.Field("from", "Person"),
        new TypedData.Field("to", "Person[]"), new TypedData.Field("contents", "string")));
    types.put("Person", List.of(new TypedData.Field("name", "string"),
        new TypedData.Field("wallets", "address[]")));
    types.put("Group", List.of(new TypedData.Field("name", "string"),
        new TypedData.Field("members", "Person[]")));
    types.put("Zebra", List.of(new TypedData.Field("g", "Group[][2]"), new TypedData.Field("a", "Apple")));
    types.put("Apple", List.of(new TypedData.Field("m", "Mail")));
    Map<String, Object> person = Map.of("name", "Cow", "wallets", List.of(Address.ZERO));
    Map<String, Object> mail = Map.of("from", person, "to", new Object[] {person}, "contents", "x");
    TypedData td = TypedData.of(types, "Mail", Map.of("name", "n"), mail);
    assertEquals("Mail(Person from,Person[] to,string contents)Person(string name,address[] wallets)",
        td.encodeType("Mail"));
    assertEquals("Zebra(Group[][2] g,Apple a)Apple(Mail m)Group(string name,Person[] members)"
        + "Mail(Person from,Person[] to,string contents)Person(string name,address[] wallets)",
        td.encodeType("Zebra"));
    assertEquals("EIP712Domain(string name)", td.encodeType("EIP712Domain"));
    assertThrows(AbiException.class, () -> td.encodeType("Nope"));
    assertThrows(AbiException.class, () -> td.typeHash(null));
  }

  @Test
  void domainFieldsFollowTheDeclaredOrderOrTheStandardOrder() {
    String inferred = "{\"types\":{\"A\":[]},\"primaryType\":\"A\","
        + "\"domain\":{\"chainId\":\"0x1\",\"name\":\"n\",\"salt\":\"0x" + "11".repeat(32) + "\"},\"message\":{}}";
    TypedData td = TypedData.parseJson(inferred);
    assertEquals("EIP712Domain(string name,uint256 chainId,bytes32 salt)", td.encodeType("EIP712Domain"));
    String declared = "{\"types\":{\"EIP712Domain\":[{\"name\":\"chainId\",\"type\":\"uint256\"},"
        + "{\"name\":\"name\",\"type\":\"string\"}],\"A\":[]},\"primaryType\":\"A\","
        + "\"domain\":{\"chainId\":1,\"name\":\"n\",\"version\":\"ignored\"},\"message\":{}}";
    TypedData td2 = TypedData.parseJson(declared);
    assertEquals("EIP712Domain(uint256 chainId,string name)", td2.encodeType("EIP712Domain"));
    // an unknown key while the domain type is derived is an error, not silently dropped
    fails("{\"types\":{\"A\":[]},\"primaryType\":\"A\",\"domain\":{\"nme\":\"x\"},\"message\":{}}",
        AbiException.Reason.INVALID_VALUE, "domain.nme");
    // declared but missing in the domain
    fails("{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"}],\"A\":[]},"
        + "\"primaryType\":\"A\",\"message\":{}}", AbiException.Reason.INVALID_VALUE, "domain.name");
    fails("{\"types\":{\"A\":[]},\"primaryType\":\"A\",\"domain\":{}}",
        AbiException.Reason.INVALID_VALUE, "message");
  }

  @Test
  void primaryTypeEip712DomainSignsTheDomainAlone() {
    String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"}]},"
        + "\"primaryType\":\"EIP712Domain\",\"domain\":{\"name\":\"x\"}}";
    TypedData td = TypedData.parseJson(json);
    byte[] expected = Keccak256.create().update(new byte[] {0x19, 0x01}).update(td.domainSeparator()).digest();
    assertArrayEquals(expected, td.digest());
    AbiException e = assertThrows(AbiException.class, td::hashStruct);
    assertEquals(AbiException.Reason.UNSUPPORTED, e.reason());
    assertTrue(td.message().isEmpty());
  }

  @Test
  void javaValuesAreCopiedAndAccepted() {
    Map<String, List<TypedData.Field>> types = new LinkedHashMap<>();
    List<TypedData.Field> fields = new ArrayList<>(List.of(
        new TypedData.Field("a", "uint64"), new TypedData.Field("b", "bytes2"),
        new TypedData.Field("c", "address"), new TypedData.Field("d", "bool"),
        new TypedData.Field("e", "int16[]"), new TypedData.Field("f", "bytes")));
    types.put("T", fields);
    List<Object> ints = new ArrayList<>(List.of((short) -3, 7L, BigInteger.TEN, (byte) 1, 2.0));
    byte[] raw = {1, 2};
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("a", Long.MAX_VALUE);
    msg.put("b", raw);
    msg.put("c", Address.ZERO);
    msg.put("d", true);
    msg.put("e", ints);
    msg.put("f", new byte[0]);
    TypedData td = TypedData.of(types, "T", null, msg);
    byte[] digest = td.digest();
    fields.clear();
    ints.clear();
    raw[0] = 9;
    msg.clear();
    assertArrayEquals(digest, td.digest());
    assertEquals(6, td.types().get("T").size());
    assertThrows(UnsupportedOperationException.class, () -> td.message().put("x", 1));
    assertNotEquals("", td.toString());
    assertTrue(td.toString().contains("T"));
    Map<String, Object> bad = new LinkedHashMap<>(td.message());
    bad.put("e", List.of(40_000));
    AbiException e = assertThrows(AbiException.class, () -> td.hashStruct("T", bad));
    assertTrue(e.getMessage().contains("T.e[0]"), e.getMessage());
  }
}
