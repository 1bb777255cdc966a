package dev.cairn.cosmos.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.transport.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ABCI, gRPC-gateway and CometBFT error mapping (codes from cosmos-sdk types/errors/errors.go and wasmd x/wasm/types/errors.go). */
class CosmosErrorsTest {
  static final ChainId CHAIN = ChainId.cosmos("cosmoshub-4");

  @ParameterizedTest(name = "{0}:{1} -> {2}")
  @CsvSource({
      "sdk, 2, INVALID_INPUT",       // tx parse error
      "sdk, 3, NONCE_MISMATCH",      // invalid sequence
      "sdk, 4, REJECTED_BY_NODE",    // unauthorized
      "sdk, 5, INSUFFICIENT_FUNDS",
      "sdk, 11, OUT_OF_GAS",
      "sdk, 13, REJECTED_BY_NODE",   // insufficient fee
      "sdk, 19, REJECTED_BY_NODE",   // tx already in mempool
      "sdk, 20, REJECTED_BY_NODE",   // mempool is full
      "sdk, 21, REJECTED_BY_NODE",   // tx too large
      "sdk, 30, EXPIRED",            // tx timeout height
      "sdk, 32, NONCE_MISMATCH",     // incorrect account sequence
      "sdk, 7, INVALID_INPUT",       // invalid address
      "sdk, 99, UNKNOWN",
      "wasm, 2, REVERTED",           // create
      "wasm, 4, REVERTED",           // instantiate
      "wasm, 5, REVERTED",           // execute
      "wasm, 6, OUT_OF_GAS",
      "wasm, 8, INVALID_INPUT",      // not found
      "wasm, 9, REVERTED",           // query
      "wasm, 11, REVERTED",          // migrate
      "ibc, 5, UNKNOWN",
  })
  void abciCodes(String codespace, long code, ErrorKind kind) {
    ChainError e = CosmosErrors.abci(CHAIN, codespace, code, "log text", "AB");
    assertEquals(kind, e.kind());
    assertEquals(codespace + ":" + code, e.nativeCode().orElseThrow());
    assertEquals("log text", e.nativeMessage().orElseThrow());
    assertEquals("AB", e.transactionId().orElseThrow());
    assertEquals(CHAIN, e.chainId().orElseThrow());
  }

  @Test
  void sequenceMismatchGivesExpectedAndGot() {
    String log = "account sequence mismatch, expected 7, got 6: incorrect account sequence";
    assertEquals(7, CosmosErrors.expectedSequence(log).getAsLong());
    assertEquals(6, CosmosErrors.gotSequence(log).getAsLong());
    assertEquals(7, CosmosErrors.expectedSequence(CosmosErrors.abci(CHAIN, "sdk", 32, log, null)).getAsLong());
    assertFalse(CosmosErrors.expectedSequence("insufficient funds").isPresent());
    assertFalse(CosmosErrors.expectedSequence("account sequence mismatch, expected , got 6").isPresent());
    assertFalse(CosmosErrors.expectedSequence(CosmosErrors.abci(CHAIN, "sdk", 5, log, null)).isPresent(),
        "only a NONCE_MISMATCH error yields a sequence");
  }

  @Test
  void contractMessages() {
    assertEquals("Unauthorized", CosmosErrors.contractMessage(
        "failed to execute message; message index: 0: Unauthorized: execute wasm contract failed").orElseThrow());
    assertEquals("Generic error: Invalid zero amount", CosmosErrors.contractMessage(
        "failed to execute message; message index: 1: Generic error: Invalid zero amount: execute wasm contract failed")
        .orElseThrow());
    assertEquals("Cannot Sub with 0 and 5", CosmosErrors.contractMessage(
        "rpc error: code = Unknown desc = Cannot Sub with 0 and 5: query wasm contract failed: unknown request").orElseThrow());
    assertFalse(CosmosErrors.contractMessage("out of gas").isPresent());
    ChainError e = CosmosErrors.abci(CHAIN, "wasm", 5,
        "failed to execute message; message index: 0: Unauthorized: execute wasm contract failed", null);
    assertEquals("Unauthorized", e.revertReason().orElseThrow());
  }

  @ParameterizedTest(name = "grpc {0} ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "2|account sequence mismatch, expected 7, got 6: incorrect account sequence With gas wanted: '0' and gas used: '1' |NONCE_MISMATCH",
      "2|failed to execute message; message index: 0: spendable balance 0uatom is smaller than 5uatom: insufficient funds: execute wasm contract failed|REVERTED",
      "2|0uatom is smaller than 5uatom: insufficient funds|INSUFFICIENT_FUNDS",
      "2|out of gas in location: WriteFlat; gasWanted: 1, gasUsed: 2: out of gas|OUT_OF_GAS",
      "5|tx not found: ABCD|INVALID_INPUT",
      "3|invalid address|INVALID_INPUT",
      "4|context deadline exceeded|TIMEOUT",
      "14|connection refused|TRANSPORT",
      "12|unknown service cosmos.tx.v1beta1.Service|UNSUPPORTED",
      "13|panic|UNKNOWN",
  })
  void grpcGatewayErrors(int code, String message, ErrorKind kind) {
    ChainError e = CosmosErrors.grpc(CHAIN, code, message);
    assertEquals(kind, e.kind());
    assertEquals("grpc:" + code, e.nativeCode().orElseThrow());
    assertEquals(message, e.nativeMessage().orElseThrow());
  }

  @Test
  void fromTransportReadsGatewayBodiesAndRpcErrors() {
    TransportException http = TransportException.httpStatus("POST /cosmos/tx/v1beta1/simulate", 500, "x", null,
        "{\"code\":2,\"message\":\"account sequence mismatch, expected 9, got 8: incorrect account sequence\",\"details\":[]}");
    ChainError e = CosmosErrors.fromTransport(CHAIN, http).orElseThrow();
    assertEquals(ErrorKind.NONCE_MISMATCH, e.kind());
    assertEquals(9, CosmosErrors.expectedSequence(e).getAsLong());
    assertEquals(2, CosmosErrors.gatewayCode(http).getAsLong());

    TransportException html = TransportException.httpStatus("GET /x", 404, "<html>", null, "<html>Not Found</html>");
    assertFalse(CosmosErrors.fromTransport(CHAIN, html).isPresent(), "a 404 without a gateway body is not the chain's answer");
    assertFalse(CosmosErrors.gatewayCode(html).isPresent());

    TransportException rpc = TransportException.rpcError("broadcast_tx_sync", -32603, "Internal error", "\"mempool is full\"");
    ChainError r = CosmosErrors.fromTransport(CHAIN, rpc).orElseThrow();
    assertEquals(ErrorKind.REJECTED_BY_NODE, r.kind());
    assertEquals("Internal error: mempool is full", r.nativeMessage().orElseThrow());

    assertFalse(CosmosErrors.fromTransport(CHAIN, TransportException.connect("status", "refused", null)).isPresent());
  }
}
