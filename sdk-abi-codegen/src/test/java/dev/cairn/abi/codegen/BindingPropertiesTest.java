package dev.cairn.abi.codegen;

import static dev.cairn.abi.codegen.Bindings.call;
import static dev.cairn.abi.codegen.Bindings.field;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.abi.Address;
import dev.cairn.abi.Function;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Generated encoders agree with the runtime Function API, and structs round-trip, for random values. */
class BindingPropertiesTest {
  private static final Bindings B = Bindings.get();

  @Property(tries = 200)
  void transferMatchesEncodeCall(
      @ForAll @Size(20) List<Byte> to,
      @ForAll @BigRange(min = "0", max = "115792089237316195423570985008687907853269984665640564039457584007913129639935") BigInteger amount) {
    byte[] raw = new byte[20];
    for (int i = 0; i < 20; i++) {
      raw[i] = to.get(i);
    }
    Address a = Address.of(raw);
    assertArrayEquals(
        Function.parse("transfer(address,uint256)").encodeCall(a, amount),
        (byte[]) call(B.type("Erc20"), "encodeTransfer", a, amount));
  }

  @Property(tries = 200)
  void leafRoundTrips(
      @ForAll @BigRange(min = "0", max = "18446744073709551615") BigInteger id,
      @ForAll @Size(32) List<Byte> tag,
      @ForAll @StringLength(max = 40) String label) {
    byte[] t = new byte[32];
    for (int i = 0; i < 32; i++) {
      t[i] = tag.get(i);
    }
    Object leaf = B.record("Nested$Leaf", id, t, label);
    Class<?> nested = B.type("Nested");
    Function stats = (Function) field(nested, "FUNCTION_STATS");
    byte[] calldata = (byte[]) call(nested, "encodeStats", leaf);
    Object back = B.type("Nested$Leaf").cast(
        callFromTuple(stats.decodeCall(calldata).getTuple(0)));
    assertEquals(leaf, back);
  }

  private static Object callFromTuple(dev.cairn.abi.Tuple t) {
    return call(B.type("Nested$Leaf"), "fromTuple", t);
  }
}
