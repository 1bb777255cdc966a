package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.type.AddressType;
import dev.cairn.abi.type.ArrayType;
import dev.cairn.abi.type.BoolType;
import dev.cairn.abi.type.BytesType;
import dev.cairn.abi.type.FixedBytesType;
import dev.cairn.abi.type.IntType;
import dev.cairn.abi.type.StringType;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public vectors: ethereum/tests ABITests and ethers' random ABI corpus. */
class VectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ethereumTestsBasicAbi() throws Exception {
    JsonNode root = JSON.readTree(TestData.read("ethereum-tests/ABITests/basic_abi_tests.json"));
    int ran = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      List<String> types = new ArrayList<>();
      c.get("types").forEach(t -> types.add(t.asText()));
      TupleType tt = AbiTypes.tuple(types.toArray(new String[0]));
      Object[] args = new Object[types.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = basicValue(tt.get(i), c.get("args").get(i));
      }
      byte[] expected = Hex.decode(c.get("result").asText());
      byte[] encoded = tt.encode(Tuple.of(args));
      assertArrayEquals(expected, encoded, e.getKey());
      assertEquals(Tuple.of(args), tt.decode(expected), e.getKey());
      ran++;
    }
    assertEquals(3, ran);
  }

  private static Object basicValue(AbiType<?> t, JsonNode v) {
    if (t instanceof IntType) {
      return v.bigIntegerValue();
    }
    if (t instanceof AddressType) {
      return Address.parse(v.asText());
    }
    if (t instanceof FixedBytesType || t instanceof BytesType) {
      return v.asText().getBytes(StandardCharsets.UTF_8);
    }
    if (t instanceof ArrayType) {
      List<Object> l = new ArrayList<>();
      v.forEach(x -> l.add(basicValue(((ArrayType) t).elementType(), x)));
      return l;
    }
    throw new AssertionError("unexpected type " + t);
  }

  @Test
  void ethersRandomCorpus() throws Exception {
    JsonNode root = JSON.readTree(TestData.read("ethers/abi.json"));
    int ran = 0;
    for (JsonNode c : root) {
      AbiType<?> t = AbiTypes.parse(c.get("type").asText());
      TupleType single = TupleType.of(t);
      Object value = ethersValue(t, c.get("verbose"));
      byte[] expected = Hex.decode(c.get("encoded").asText());
      String name = c.get("name").asText() + " " + t;
      assertArrayEquals(expected, single.encode(Tuple.of(value)), name);
      Tuple decoded = single.decode(expected);
      assertEquals(Tuple.of(value), decoded, name);
      assertArrayEquals(expected, single.encode(decoded), name);
      ran++;
    }
    // every case of the corpus uses supported types (none is fixed/ufixed): all must run
    assertEquals(1002, ran);
  }

  static Object ethersValue(AbiType<?> t, JsonNode v) {
    String kind = v.get("type").asText();
    JsonNode val = v.get("value");
    if (t instanceof TupleType) {
      assertEquals("object", kind);
      TupleType tt = (TupleType) t;
      Object[] out = new Object[tt.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ethersValue(tt.get(i), val.get(i));
      }
      return Tuple.of(out);
    }
    if (t instanceof ArrayType) {
      assertEquals("array", kind);
      List<Object> out = new ArrayList<>();
      for (JsonNode x : val) {
        out.add(ethersValue(((ArrayType) t).elementType(), x));
      }
      return out;
    }
    if (t instanceof IntType) {
      assertEquals("number", kind);
      BigInteger b = new BigInteger(val.asText());
      return t.valueClass() == Long.class ? (Object) b.longValueExact() : b;
    }
    if (t instanceof AddressType) {
      return Address.parse(val.asText());
    }
    if (t instanceof BoolType) {
      return val.booleanValue();
    }
    if (t instanceof StringType) {
      return val.asText();
    }
    assertEquals("hexstring", kind);
    return Hex.decode(val.asText());
  }
}
