package dev.cairn.core.chain;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValueTypesTest {
  private static final AccountId ALICE = AccountId.of(ChainId.ETHEREUM_MAINNET, "0xa11ce");
  private static final String PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

  private static ChainException invalid(String fieldPrefix, Executable e) {
    ChainException ex = assertThrows(ChainException.class, e);
    assertEquals(ErrorKind.INVALID_INPUT, ex.kind());
    assertTrue(ex.error().message().startsWith(fieldPrefix), ex.error().message());
    return ex;
  }

  @Test
  void amountsAndDenominations() {
    Amount a = Amount.of(new BigInteger("1500000000000000000"), Denomination.ETH);
    assertEquals(new BigDecimal("1.500000000000000000"), a.toDisplayUnits());
    assertEquals(0, a.toDisplayUnits().compareTo(new BigDecimal("1.5")));
    assertTrue(Amount.zero(Denomination.SOL).isZero());
    assertEquals(Amount.of(5, Denomination.ATOM), Amount.of(BigInteger.valueOf(5), Denomination.of("uatom", 6)));
    invalid("amount.units", () -> Amount.of(-1, Denomination.ETH));
    invalid("amount.units", () -> Amount.of(Amount.MAX_UNITS.add(BigInteger.ONE), Denomination.ETH));
    invalid("amount.denomination", () -> Amount.of(1, null));
    invalid("denomination.code", () -> Denomination.of("", 6));
    invalid("denomination.code", () -> Denomination.of("u atom", 6));
    invalid("denomination.decimals", () -> Denomination.of("x", 78));
    assertEquals("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
        Denomination.of("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", 6).code());
  }

  @Test
  void feesPerFamily() {
    // EVM: 21000 gas at maxFeePerGas 30 gwei
    Fee evm = Fee.of(Denomination.ETH, 21000, new BigDecimal("30000000000"), new BigDecimal("1000000000"), BigInteger.ZERO);
    assertEquals(new BigInteger("630000000000000"), evm.maxTotal().units());
    // SVM: 5000 lamports per signature plus 200000 CU at 0.001 lamport/CU (1000 micro-lamports)
    Fee svm = Fee.of(Denomination.SOL, 200000, new BigDecimal("0.001"), new BigDecimal("0.001"), BigInteger.valueOf(5000));
    assertEquals(BigInteger.valueOf(5200), svm.maxTotal().units());
    // Cosmos: 80001 gas at 0.025 uatom rounds up
    Fee cosmos = Fee.of(Denomination.ATOM, 80001, new BigDecimal("0.025"), BigDecimal.ZERO, BigInteger.ZERO);
    assertEquals(BigInteger.valueOf(2001), cosmos.maxTotal().units());
    invalid("fee.priorityUnitPrice", () -> Fee.of(Denomination.ETH, 1, BigDecimal.ONE, BigDecimal.TEN, BigInteger.ZERO));
    invalid("fee.limit", () -> Fee.of(Denomination.ETH, -1, BigDecimal.ONE, BigDecimal.ONE, BigInteger.ZERO));
    FeeEstimate est = FeeEstimate.of(ChainId.ETHEREUM_MAINNET, evm, evm, evm);
    assertSame(evm, est.get(FeeLevel.FAST));
    invalid("feeEstimate", () -> FeeEstimate.of(ChainId.ETHEREUM_MAINNET, evm, svm, evm));
    invalid("feeEstimate.normal", () -> FeeEstimate.of(ChainId.ETHEREUM_MAINNET, evm, null, evm));
    assertEquals(Fee.of(Denomination.SOL, 1, new BigDecimal("0.10"), BigDecimal.ZERO, BigInteger.ONE),
        Fee.of(Denomination.SOL, 1, new BigDecimal("0.1"), BigDecimal.ZERO, BigInteger.ONE));
  }

  @Test
  void callPayloadsAndContractCalls() {
    CallPayload evm = CallPayload.evm(new byte[] {1, 2});
    assertEquals(ChainFamily.EVM, evm.family());
    invalid("payload", evm::cosmWasmJson);
    invalid("payload", evm::svmInstructions);
    invalid("payload.msg", () -> CallPayload.cosmWasm("[1,2]"));
    invalid("payload.instructions", () -> CallPayload.svm(List.of()));
    SvmInstruction ix = SvmInstruction.of(PROGRAM,
        List.of(SvmInstruction.AccountMeta.of("11111111111111111111111111111111", true, true)), new byte[] {3});
    CallPayload svm = CallPayload.svm(List.of(ix));
    assertEquals(List.of(ix), svm.svmInstructions());
    invalid("account.pubkey", () -> SvmInstruction.AccountMeta.of("0OIl", false, false));
    invalid("instruction.programId", () -> SvmInstruction.of("short", List.of(), new byte[0]));

    // payload family must match the chain
    invalid("call.payload", () -> ContractCall.of(ALICE, svm));
    ContractCall solCall = ContractCall.of(AccountId.of(ChainId.SOLANA_MAINNET, PROGRAM), svm);
    assertEquals(ChainId.SOLANA_MAINNET, solCall.chainId());
    invalid("call.funds", () -> ContractCall.of(AccountId.of(ChainId.SOLANA_MAINNET, PROGRAM), svm,
        List.of(Amount.of(1, Denomination.SOL))));
    invalid("call.funds", () -> ContractCall.of(ALICE, evm, List.of(Amount.of(1, Denomination.ETH), Amount.of(1, Denomination.SOL))));
    AccountId contract = AccountId.of(ChainId.COSMOS_HUB, "cosmos1contract");
    ContractCall wasm = ContractCall.of(contract, CallPayload.cosmWasm("{\"a\":1}"),
        List.of(Amount.of(1, Denomination.ATOM), Amount.of(2, Denomination.of("ibc/ABC", 6))));
    assertEquals(2, wasm.funds().size());
    assertThrows(UnsupportedOperationException.class, () -> wasm.funds().clear());
    invalid("call.funds[1]", () -> ContractCall.of(contract, CallPayload.cosmWasm("{}"),
        List.of(Amount.of(1, Denomination.ATOM), Amount.of(2, Denomination.ATOM))));
    ChainException unsupported = assertThrows(ChainException.class, () -> ContractCall.of(
        AccountId.parse("bip122:000000000019d6689c085ae165831e93:128Lkh3S7CkDTBZ8W7BbpsN3YYizJMp8p6"), evm));
    assertEquals(ErrorKind.UNSUPPORTED, unsupported.kind());
  }

  @Test
  void transactionRequests() {
    AccountId bob = AccountId.of(ChainId.ETHEREUM_MAINNET, "0xb0b");
    TransactionRequest t = TransactionRequest.transfer(ALICE, bob, Amount.of(5, Denomination.ETH));
    assertEquals(TransactionRequest.Type.TRANSFER, t.type());
    assertEquals(FeeLevel.NORMAL, t.feeLevel());
    TransactionRequest fast = t.withFeeLevel(FeeLevel.FAST).withNonce(9).withMemo("deposit 42");
    assertEquals(FeeLevel.FAST, fast.feeLevel());
    assertEquals(9, fast.nonce().getAsLong());
    assertEquals("deposit 42", fast.memo().get());
    assertNotEquals(t, fast);
    assertEquals(FeeLevel.NORMAL, t.feeLevel(), "withers do not modify the original");
    invalid("request.to", () -> TransactionRequest.transfer(ALICE, AccountId.of(ChainId.eip155(10), "0xb0b"),
        Amount.of(1, Denomination.ETH)));
    invalid("request.nonce", () -> t.withNonce(-1));
    invalid("request.memo", () -> t.withMemo("x".repeat(513)));
    ContractCall call = ContractCall.of(AccountId.of(ChainId.ETHEREUM_MAINNET, "0xc0ffee"), CallPayload.evm(new byte[4]));
    TransactionRequest c = TransactionRequest.contractCall(ALICE, call);
    assertEquals(call, c.call().get());
    assertEquals(call.contract(), c.to());
    invalid("request.call", () -> TransactionRequest.contractCall(AccountId.of(ChainId.eip155(10), "0xa"), call));
  }

  @Test
  void receipts() {
    Amount fee = Amount.of(21000, Denomination.ETH);
    TxReceipt ok = TxReceipt.success(ChainId.ETHEREUM_MAINNET, "0x01", 10, 1, 21000, fee, new byte[] {1});
    assertTrue(ok.isSuccess());
    assertArrayEquals(new byte[] {1}, ok.outcome().valueOrThrow());
    ChainError err = ChainErrors.evmReceiptFailed(ChainId.ETHEREUM_MAINNET, "0x02", null);
    TxReceipt bad = TxReceipt.failure(ChainId.ETHEREUM_MAINNET, "0x02", 10, 1, 50000, fee, err);
    assertFalse(bad.isSuccess());
    assertEquals(err, bad.outcome().error().get());
    assertEquals(0, bad.returnData().length);
    invalid("receipt.confirmations", () -> TxReceipt.success(ChainId.ETHEREUM_MAINNET, "0x01", 10, 0, 1, fee, null));
    invalid("receipt.transactionId", () -> TxReceipt.success(ChainId.ETHEREUM_MAINNET, "", 10, 1, 1, fee, null));
    invalid("receipt.error", () -> TxReceipt.failure(ChainId.ETHEREUM_MAINNET, "0x01", 10, 1, 1, fee, null));
  }
}
