package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevertsTest {

  // require(false, "Not enough Ether provided.") as returned by eth_call
  static final String ERROR_HEX =
      "08c379a0"
          + "0000000000000000000000000000000000000000000000000000000000000020"
          + "000000000000000000000000000000000000000000000000000000000000001a"
          + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";

  @Test
  void errorString() {
    DecodedRevert r = Reverts.decode(Hex.decode(ERROR_HEX));
    assertEquals(DecodedRevert.Kind.ERROR_STRING, r.kind());
    assertEquals("Not enough Ether provided.", r.reason().orElseThrow());
    assertEquals("reverted: Not enough Ether provided.", r.message());
    assertSame(Reverts.ERROR, r.error().orElseThrow());
    assertArrayEquals(Hex.decode(ERROR_HEX), Reverts.encodeError("Not enough Ether provided."));
    assertEquals("08c379a0", Hex.encode(Reverts.ERROR.selector()));
    assertEquals("4e487b71", Hex.encode(Reverts.PANIC.selector()));
  }

  @ParameterizedTest
  @CsvSource({
    "0, GENERIC",
    "1, ASSERTION_FAILED",
    "17, ARITHMETIC_OVERFLOW",
    "18, DIVISION_BY_ZERO",
    "33, ENUM_CONVERSION",
    "34, STORAGE_BYTE_ARRAY_ENCODING",
    "49, POP_EMPTY_ARRAY",
    "50, ARRAY_INDEX_OUT_OF_BOUNDS",
    "65, OUT_OF_MEMORY",
    "81, ZERO_FUNCTION_POINTER",
  })
  void panicCodes(int code, PanicCode expected) {
    byte[] data = Reverts.encodePanic(BigInteger.valueOf(code));
    assertEquals("4e487b71" + String.format("%064x", code), Hex.encode(data));
    DecodedRevert r = Reverts.decode(data);
    assertEquals(DecodedRevert.Kind.PANIC, r.kind());
    assertEquals(BigInteger.valueOf(code), r.panicCode().orElseThrow());
    assertEquals(expected, r.panic().orElseThrow());
    assertEquals(code, expected.code());
    assertTrue(r.message().startsWith("panic 0x" + Integer.toHexString(code) + ": "), r.message());
  }

  @Test
  void unknownPanicCode() {
    DecodedRevert r = Reverts.decode(Reverts.encodePanic(BigInteger.valueOf(0x99)));
    assertEquals(DecodedRevert.Kind.PANIC, r.kind());
    assertTrue(r.panic().isEmpty());
    assertEquals("panic 0x99: unknown panic code", r.message());
    assertTrue(PanicCode.of(BigInteger.valueOf(256)).isEmpty());
    assertTrue(PanicCode.of(BigInteger.valueOf(-1)).isEmpty());
  }

  @Test
  void customErrorsViaTheAbi() {
    ContractAbi abi = ContractAbi.parseJson(AbiResources.read("erc20.json"));
    AbiError e = abi.error("ERC20InsufficientBalance").orElseThrow();
    Address who = Address.parse("0x00000000000000000000000000000000000000aa");
    byte[] data = e.encode(who, BigInteger.ONE, BigInteger.TEN);
    DecodedRevert r = Reverts.decode(data, abi);
    assertEquals(DecodedRevert.Kind.CUSTOM_ERROR, r.kind());
    assertEquals(e, r.error().orElseThrow());
    assertEquals(BigInteger.TEN, r.args().get(2));
    assertEquals(
        "ERC20InsufficientBalance(sender=" + who.toChecksumString() + ", balance=1, needed=10)",
        r.message());
    // without the ABI the selector is unknown
    DecodedRevert raw = Reverts.decode(data);
    assertEquals(DecodedRevert.Kind.UNKNOWN, raw.kind());
    assertArrayEquals(data, raw.data());
    assertTrue(raw.message().startsWith("unknown revert data 0xe450d38c"));
    // with a list of errors
    assertEquals(DecodedRevert.Kind.CUSTOM_ERROR, Reverts.decode(data, abi.errors()).kind());
    // an error without inputs
    AbiError unauthorized = AbiError.parse("error Unauthorized()");
    assertEquals("Unauthorized()", Reverts.decode(unauthorized.encode(), List.of(unauthorized)).message());
  }

  @Test
  void emptyShortAndMalformed() {
    assertEquals(DecodedRevert.Kind.EMPTY, Reverts.decode(new byte[0]).kind());
    assertEquals(DecodedRevert.Kind.EMPTY, Reverts.decode(null).kind());
    assertEquals("empty revert data", Reverts.decode(new byte[0]).message());
    assertEquals(DecodedRevert.Kind.UNKNOWN, Reverts.decode(Hex.decode("08c379")).kind());
    // the Error selector with a truncated body
    assertEquals(
        DecodedRevert.Kind.UNKNOWN, Reverts.decode(Hex.decode(ERROR_HEX.substring(0, 100))).kind());
    // Panic with trailing garbage
    assertEquals(
        DecodedRevert.Kind.UNKNOWN,
        Reverts.decode(Hex.decode(Hex.encode(Reverts.encodePanic(BigInteger.ONE)) + "00")).kind());
    ContractAbi abi = ContractAbi.parseHumanReadable("error E(uint8 x)");
    byte[] bad = Hex.decode(Hex.encode(abi.errors().get(0).selector()) + "00".repeat(31) + "ff00");
    assertEquals(DecodedRevert.Kind.UNKNOWN, Reverts.decode(bad, abi).kind());
  }

  @Test
  void abiErrorDecodeIsStrict() {
    AbiError e = AbiError.parse("error InsufficientBalance(uint256 available, uint256 required)");
    assertEquals("InsufficientBalance(uint256,uint256)", e.signature());
    assertEquals("error InsufficientBalance(uint256 available, uint256 required)", e.toString());
    byte[] data = e.encode(1, 2);
    Tuple t = e.decode(data);
    assertEquals(BigInteger.TWO, t.get(1));
    DecodingException wrong =
        assertThrows(DecodingException.class, () -> e.decode(Reverts.encodeError("x")));
    assertEquals("revertData", wrong.field());
    assertThrows(DecodingException.class, () -> e.decode(new byte[] {1}));
    assertThrows(DecodingException.class, () -> e.decode(null));
    assertThrows(AbiException.class, () -> AbiError.of("", List.of()));
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryData(@ForAll byte[] data) {
    DecodedRevert r = Reverts.decode(data);
    assertArrayEquals(data, r.data());
  }

  @Property(tries = 200)
  void reasonRoundTrip(@ForAll String reason) {
    assertEquals(reason, Reverts.decode(Reverts.encodeError(reason)).reason().orElseThrow());
  }
}
