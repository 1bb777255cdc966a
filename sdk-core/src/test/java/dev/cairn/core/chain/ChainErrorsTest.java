package dev.cairn.core.chain;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.SignerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class ChainErrorsTest {
  private static final ChainId ETH = ChainId.ETHEREUM_MAINNET;
  private static final ChainId SOL = ChainId.SOLANA_MAINNET;
  private static final ChainId HUB = ChainId.COSMOS_HUB;

  /** abi.encodeWithSignature("Error(string)", reason), built by hand. */
  static byte[] errorString(String reason) {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    int padded = (r.length + 31) / 32 * 32;
    byte[] out = new byte[4 + 32 + 32 + padded];
    out[0] = 0x08;
    out[1] = (byte) 0xc3;
    out[2] = 0x79;
    out[3] = (byte) 0xa0;
    out[4 + 31] = 0x20;
    out[4 + 32 + 28] = (byte) (r.length >>> 24);
    out[4 + 32 + 29] = (byte) (r.length >>> 16);
    out[4 + 32 + 30] = (byte) (r.length >>> 8);
    out[4 + 32 + 31] = (byte) r.length;
    System.arraycopy(r, 0, out, 68, r.length);
    return out;
  }

  @Test
  void classifiesEvmRpcErrors() {
    byte[] data = errorString("insufficient allowance");
    ChainError revert = ChainErrors.evmRpcError(ETH, 3, "execution reverted: insufficient allowance", data);
    assertEquals(ErrorKind.REVERTED, revert.kind());
    assertEquals(Optional.of("3"), revert.nativeCode());
    // classification only: the revert data is kept verbatim, decoding it is sdk-evm's (sdk-abi Reverts)
    assertEquals(Optional.empty(), revert.revertReason());
    assertArrayEquals(data, revert.nativeData());
    assertEquals(Optional.of(ETH), revert.chainId());
    assertEquals(ErrorKind.NONCE_MISMATCH, ChainErrors.evmRpcError(ETH, -32000, "nonce too low", null).kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS,
        ChainErrors.evmRpcError(ETH, -32000, "insufficient funds for gas * price + value", null).kind());
    assertEquals(ErrorKind.OUT_OF_GAS, ChainErrors.evmRpcError(ETH, -32000, "gas required exceeds allowance (21000)", null).kind());
    assertEquals(ErrorKind.OUT_OF_GAS, ChainErrors.evmRpcError(ETH, -32000, "out of gas", null).kind());
    assertEquals(ErrorKind.REJECTED_BY_NODE, ChainErrors.evmRpcError(ETH, -32000, "already known", null).kind());
    assertEquals(ErrorKind.REJECTED_BY_NODE,
        ChainErrors.evmRpcError(ETH, -32000, "replacement transaction underpriced", null).kind());
    assertEquals(ErrorKind.UNSUPPORTED, ChainErrors.evmRpcError(ETH, -32601, "the method does not exist", null).kind());
    assertEquals(ErrorKind.INVALID_INPUT, ChainErrors.evmRpcError(ETH, -32602, "invalid argument 0", null).kind());
    assertEquals(ErrorKind.UNKNOWN, ChainErrors.evmRpcError(ETH, -32099, "something odd", null).kind());
    assertEquals("JSON-RPC error 5", ChainErrors.evmRpcError(ETH, 5, null, null).message());
    ChainError receipt = ChainErrors.evmReceiptFailed(ETH, "0xabc", null);
    assertEquals(ErrorKind.REVERTED, receipt.kind());
    assertEquals(Optional.of("0xabc"), receipt.transactionId());
    assertEquals(Optional.of("receipt:status=0"), receipt.nativeCode());
  }

  @Test
  void classifiesSolanaErrors() {
    assertEquals(ErrorKind.EXPIRED, ChainErrors.svmTransactionError(SOL, "BlockhashNotFound", null, null).kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ChainErrors.svmTransactionError(SOL, "InsufficientFundsForFee", null, null).kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ChainErrors.svmTransactionError(SOL, "InsufficientFundsForRent", null, null).kind());
    assertEquals(ErrorKind.REJECTED_BY_NODE, ChainErrors.svmTransactionError(SOL, "AlreadyProcessed", null, null).kind());
    assertEquals(ErrorKind.UNKNOWN, ChainErrors.svmTransactionError(SOL, "SomethingNew", null, null).kind());
    assertEquals(Optional.of("SomethingNew"), ChainErrors.svmTransactionError(SOL, "SomethingNew", null, null).nativeCode());

    String logs = "Program ComputeBudget111111111111111111111111111111 invoke [1]\nProgram X consumed 200000 of 200000 compute units";
    ChainError cu = ChainErrors.svmInstructionError(SOL, 1, "ComputationalBudgetExceeded", logs, "sig1");
    assertEquals(ErrorKind.OUT_OF_GAS, cu.kind());
    assertEquals(Optional.of("InstructionError:1:ComputationalBudgetExceeded"), cu.nativeCode());
    assertEquals(Optional.of(logs), cu.nativeMessage());
    assertEquals(Optional.of("sig1"), cu.transactionId());
    assertEquals(ErrorKind.OUT_OF_GAS, ChainErrors.svmInstructionError(SOL, 0, "ProgramFailedToComplete",
        "Program X failed: exceeded CUs meter at BPF instruction", null).kind());
    assertEquals(ErrorKind.REVERTED, ChainErrors.svmInstructionError(SOL, 0, "InvalidAccountData", null, null).kind());

    ChainError custom = ChainErrors.svmCustomProgramError(SOL, 0, "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4", 6001, "log", null);
    assertEquals(ErrorKind.REVERTED, custom.kind());
    assertEquals(Optional.of("InstructionError:0:Custom:6001"), custom.nativeCode());
    assertEquals(Optional.of("custom program error: 0x1771"), custom.revertReason());
    // sdk-core knows no program ids: without a mapping every custom error is REVERTED ...
    assertEquals(ErrorKind.REVERTED,
        ChainErrors.svmCustomProgramError(SOL, 0, "11111111111111111111111111111111", 1, null, null).kind());
    assertEquals(ErrorKind.REVERTED, ChainErrors.svmCustomProgramError(SOL, 0, null, 1, null, null).kind());
    // ... and the Solana module supplies program-specific kinds through the hook
    ChainErrors.ProgramErrorMapping system = (program, code) ->
        "11111111111111111111111111111111".equals(program) && code == 1 ? ErrorKind.INSUFFICIENT_FUNDS : null;
    ChainError lamports = ChainErrors.svmCustomProgramError(SOL, 2, "11111111111111111111111111111111", 1, null, "sig", system);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, lamports.kind());
    assertEquals(Optional.of("InstructionError:2:Custom:1"), lamports.nativeCode());
    assertEquals(ErrorKind.REVERTED, ChainErrors.svmCustomProgramError(SOL, 0, "Other", 1, null, null, system).kind());
  }

  @Test
  void classifiesCosmosAbciCodes() {
    assertEquals(ErrorKind.OUT_OF_GAS, ChainErrors.cosmosAbci(HUB, "sdk", 11, "out of gas in location: WriteFlat", null).kind());
    ChainError seq = ChainErrors.cosmosAbci(HUB, "sdk", 32,
        "account sequence mismatch, expected 7, got 6: incorrect account sequence", "ABCD");
    assertEquals(ErrorKind.NONCE_MISMATCH, seq.kind());
    assertEquals(Optional.of("sdk:32"), seq.nativeCode());
    assertEquals(Optional.of("ABCD"), seq.transactionId());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ChainErrors.cosmosAbci(HUB, "sdk", 5, "0uatom is smaller than 10uatom: insufficient funds", null).kind());
    assertEquals(ErrorKind.REJECTED_BY_NODE, ChainErrors.cosmosAbci(HUB, "sdk", 13, "insufficient fee", null).kind());
    assertEquals(ErrorKind.REJECTED_BY_NODE, ChainErrors.cosmosAbci(HUB, "sdk", 19, "tx already in mempool", null).kind());
    assertEquals(ErrorKind.EXPIRED, ChainErrors.cosmosAbci(HUB, "sdk", 30, "tx timeout height", null).kind());
    ChainError wasm = ChainErrors.cosmosAbci(HUB, "wasm", 5,
        "failed to execute message; message index: 0: Unauthorized: execute wasm contract failed", null);
    assertEquals(ErrorKind.REVERTED, wasm.kind());
    assertEquals(Optional.of("Unauthorized"), wasm.revertReason());
    assertEquals(ErrorKind.OUT_OF_GAS, ChainErrors.cosmosAbci(HUB, "wasm", 6, null, null).kind());
    ChainError other = ChainErrors.cosmosAbci(HUB, "staking", 8, null, null);
    assertEquals(ErrorKind.UNKNOWN, other.kind());
    assertEquals(Optional.of("staking:8"), other.nativeCode());
    assertEquals("ABCI error staking:8", other.message());
  }

  @Test
  void chainErrorKeepsNativeDetail() {
    byte[] data = {1, 2, 3};
    ChainError e = ChainError.builder(ErrorKind.REVERTED, ETH, "reverted")
        .nativeCode("3").nativeMessage("execution reverted").nativeData(data)
        .revertReason("nope").transactionId("0x01").build();
    data[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, e.nativeData());
    e.nativeData()[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, e.nativeData());
    assertEquals(Optional.of("3"), e.nativeCode());
    assertEquals(Optional.of("execution reverted"), e.nativeMessage());
    assertEquals(Optional.of("nope"), e.revertReason());
    assertEquals(Optional.of("0x01"), e.transactionId());
    assertEquals(e, e.toBuilder().build());
    assertEquals(e.hashCode(), e.toBuilder().build().hashCode());
    assertNotEquals(e, e.toBuilder().nativeData(null).build());
    assertTrue(e.toString().contains("REVERTED on eip155:1"));
    assertTrue(e.toString().contains("0x010203"));
    ChainException ex = e.toException();
    assertSame(e, ex.error());
    assertEquals(ErrorKind.REVERTED, ex.kind());
    assertEquals(e.toString(), ex.getMessage());
    ChainError plain = ChainError.of(ErrorKind.TRANSPORT, null, "connection refused");
    assertEquals(Optional.empty(), plain.chainId());
    assertEquals(0, plain.nativeData().length);
    assertTrue(ErrorKind.TRANSPORT.isTransient());
    assertFalse(ErrorKind.REVERTED.isTransient());
  }

  @Test
  void mapsThrowables() {
    ChainError original = ChainError.of(ErrorKind.OUT_OF_GAS, ETH, "x");
    assertSame(original, ChainErrors.fromThrowable(ETH, new CompletionException(new ChainException(original))));
    assertEquals(ErrorKind.TIMEOUT, ChainErrors.fromThrowable(ETH, new TimeoutException()).kind());
    assertEquals(ErrorKind.TRANSPORT, ChainErrors.fromThrowable(ETH, new IOException("reset")).kind());
    assertEquals(ErrorKind.UNSUPPORTED, ChainErrors.fromThrowable(ETH,
        new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind", "no")).kind());
    assertEquals(ErrorKind.UNKNOWN, ChainErrors.fromThrowable(ETH, new IllegalStateException()).kind());
    assertEquals(ErrorKind.SIGNER_REJECTED, ChainErrors.fromThrowable(ETH,
        new SignerException(SignerException.Reason.REJECTED_BY_USER, "device", "rejected on the device")).kind());
    assertEquals(ErrorKind.SIGNER_UNAVAILABLE, ChainErrors.fromThrowable(ETH,
        new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "device", "locked")).kind());
    assertEquals(ErrorKind.POLICY_DENIED, ChainErrors.fromThrowable(ETH,
        new SignerException(SignerException.Reason.POLICY_DENIED, "policy", "transfer above the limit")).kind());
    for (SignerException.Reason r : SignerException.Reason.values()) {
      assertNotNull(ChainErrors.kindOf(r));
    }
    assertEquals(ErrorKind.UNKNOWN, ChainErrors.kindOf(null));
    assertTrue(ErrorKind.EXPIRED.isTransient());
    assertFalse(ErrorKind.POLICY_DENIED.isTransient());
    assertFalse(ErrorKind.SIGNER_REJECTED.isTransient());
  }

  @Test
  void chainResult() {
    ChainResult<Integer> ok = ChainResult.success(2);
    assertTrue(ok.isSuccess());
    assertEquals(4, ok.map(v -> v * 2).valueOrThrow());
    ChainError err = ChainError.of(ErrorKind.REVERTED, ETH, "no");
    ChainResult<Integer> bad = ChainResult.failure(err);
    assertFalse(bad.isSuccess());
    assertEquals(Optional.of(err), bad.map(v -> v * 2).error());
    assertSame(err, assertThrows(ChainException.class, bad::valueOrThrow).error());
    CompletableFuture<Integer> failing = new CompletableFuture<>();
    failing.completeExceptionally(new ChainException(err));
    assertEquals(bad, ChainResult.capture(failing, ETH).join());
    assertEquals(ok, ChainResult.capture(CompletableFuture.completedFuture(2), ETH).join());
  }
}
