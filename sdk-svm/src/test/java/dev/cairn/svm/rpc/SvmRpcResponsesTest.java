package dev.cairn.svm.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.transport.RpcCall;
import dev.cairn.transport.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Canned node answers: request shapes, result parsing, malformed responses as typed errors naming the field, error mapping. */
class SvmRpcResponsesTest {
  private static final Pubkey KEY = Keypair.fromSeed(new byte[32]).publicKey();
  private static final String BH = "4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZAMdL4VZHirAn";
  private static CannedNode node;

  @BeforeAll
  static void start() throws Exception {
    node = new CannedNode();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static TransportException malformed(String result, Supplier<RpcCall<?>> call, String path) {
    node.result(result);
    TransportException e = assertThrows(TransportException.class, () -> call.get().send());
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
    assertEquals(Optional.of(path.equals("/") ? "/result" : "/result" + path), e.path(), e.getMessage());
    return e;
  }

  @Test
  void latestBlockhashAndItsRequest() {
    node.result("{\"context\":{\"slot\":42,\"apiVersion\":\"2.2\"},\"value\":{\"blockhash\":\"" + BH + "\",\"lastValidBlockHeight\":192}}");
    LatestBlockhash b = node.client.getLatestBlockhash(Commitment.PROCESSED).send();
    assertEquals(BH, b.blockhash().toBase58());
    assertEquals(192, b.lastValidBlockHeight());
    assertEquals(42, b.contextSlot());
    assertTrue(node.lastRequest().contains("\"method\":\"getLatestBlockhash\",\"params\":[{\"commitment\":\"processed\"}]"), node.lastRequest());
    malformed("{\"context\":{\"slot\":42},\"value\":{\"blockhash\":\"0OIl\",\"lastValidBlockHeight\":1}}",
        () -> node.client.getLatestBlockhash(), "/value/blockhash");
    malformed("{\"context\":{\"slot\":42},\"value\":{\"blockhash\":\"" + BH + "\"}}", () -> node.client.getLatestBlockhash(),
        "/value/lastValidBlockHeight");
    malformed("{\"context\":{\"slot\":42}}", () -> node.client.getLatestBlockhash(), "/value");
    malformed("{\"context\":{\"slot\":-1},\"value\":null}", () -> node.client.getLatestBlockhash(), "/context/slot");
  }

  @Test
  void accountsAndU64Values() {
    node.result("{\"context\":{\"slot\":1},\"value\":{\"data\":[\"AQID\",\"base64\"],\"executable\":false,\"lamports\":18446744073709551615,"
        + "\"owner\":\"11111111111111111111111111111111\",\"rentEpoch\":18446744073709551615,\"space\":3}}");
    AccountInfo a = node.client.getAccountInfo(KEY).send().orElseThrow();
    assertArrayEquals(new byte[] {1, 2, 3}, a.data());
    assertEquals(-1L, a.lamports());
    assertEquals("18446744073709551615", Long.toUnsignedString(a.rentEpoch()));
    assertTrue(node.lastRequest().contains("{\"encoding\":\"base64\"}"), node.lastRequest());
    malformed("{\"context\":{\"slot\":1},\"value\":{\"data\":[\"AQID\",\"base64\"],\"executable\":false,\"lamports\":18446744073709551616,"
        + "\"owner\":\"11111111111111111111111111111111\"}}", () -> node.client.getAccountInfo(KEY), "/value/lamports");
    malformed("{\"context\":{\"slot\":1},\"value\":{\"data\":[\"A*ID\",\"base64\"],\"executable\":false,\"lamports\":1,"
        + "\"owner\":\"11111111111111111111111111111111\"}}", () -> node.client.getAccountInfo(KEY), "/value/data/0");
    malformed("{\"context\":{\"slot\":1},\"value\":{\"data\":[\"AQID\",\"base58\"],\"executable\":false,\"lamports\":1,"
        + "\"owner\":\"11111111111111111111111111111111\"}}", () -> node.client.getAccountInfo(KEY), "/value/data/1");
    malformed("{\"context\":{\"slot\":1},\"value\":{\"data\":[\"AQID\",\"base64\"],\"executable\":false,\"lamports\":1}}",
        () -> node.client.getAccountInfo(KEY), "/value/owner");
    malformed("{\"context\":{\"slot\":1},\"value\":[null]}", () -> node.client.getMultipleAccounts(List.of(KEY, KEY)), "/value");
    node.result("{\"context\":{\"slot\":1},\"value\":[null,null]}");
    assertEquals(List.of(Optional.empty(), Optional.empty()), node.client.getMultipleAccounts(List.of(KEY, KEY)).send());
    malformed("{\"context\":{\"slot\":1},\"value\":\"12\"}", () -> node.client.getBalance(KEY), "/value");
    malformed("{\"context\":{\"slot\":1},\"value\":1.5}", () -> node.client.getBalance(KEY), "/value");
  }

  @Test
  void programAccountsRequestAndBothResultShapes() {
    String keyed = "[{\"pubkey\":\"" + KEY + "\",\"account\":{\"data\":[\"\",\"base64\"],\"executable\":true,\"lamports\":5,"
        + "\"owner\":\"11111111111111111111111111111111\",\"rentEpoch\":0}}]";
    node.result(keyed);
    List<KeyedAccount> bare = node.client.getProgramAccounts(SystemProgram.PROGRAM_ID,
        List.of(AccountFilter.dataSize(165), AccountFilter.memcmp(32, new byte[] {1, 2}), AccountFilter.memcmpBase64(0, new byte[] {3}))).send();
    assertEquals(KEY, bare.get(0).pubkey());
    assertTrue(bare.get(0).account().executable());
    assertTrue(node.lastRequest().contains("\"filters\":[{\"dataSize\":165},{\"memcmp\":{\"offset\":32,\"bytes\":\"5T\",\"encoding\":\"base58\"}},"
        + "{\"memcmp\":{\"offset\":0,\"bytes\":\"Aw==\",\"encoding\":\"base64\"}}]"), node.lastRequest());
    node.result("{\"context\":{\"slot\":3},\"value\":" + keyed + "}");
    assertEquals(bare, node.client.getProgramAccounts(SystemProgram.PROGRAM_ID, List.of()).send());
    malformed("[{\"account\":{}}]", () -> node.client.getProgramAccounts(SystemProgram.PROGRAM_ID, List.of()), "/0/account/lamports");
  }

  @Test
  void statusesAndTokenAmounts() {
    node.result("{\"context\":{\"slot\":9},\"value\":[{\"slot\":7,\"confirmations\":null,\"err\":{\"InstructionError\":[0,{\"Custom\":1}]},"
        + "\"status\":{\"Err\":{}},\"confirmationStatus\":\"finalized\"},null]}");
    String sig = "1".repeat(64);
    List<Optional<SignatureStatus>> s = node.client.getSignatureStatuses(List.of(sig, sig)).send();
    assertEquals(SignatureStatus.of(7, -1, TransactionError.custom(0, 1), Commitment.FINALIZED), s.get(0).orElseThrow());
    assertEquals(Optional.empty(), s.get(1));
    malformed("{\"context\":{\"slot\":9},\"value\":[{\"slot\":7,\"confirmationStatus\":\"done\"},null]}",
        () -> node.client.getSignatureStatuses(List.of(sig, sig)), "/value/0/confirmationStatus");
    malformed("{\"context\":{\"slot\":9},\"value\":[{\"slot\":7,\"err\":{\"InstructionError\":[0,{\"Custom\":-1}]}},null]}",
        () -> node.client.getSignatureStatuses(List.of(sig, sig)), "/value/0/err");
    node.result("{\"context\":{\"slot\":9},\"value\":{\"amount\":\"18446744073709551615\",\"decimals\":9,\"uiAmount\":1.8e10,\"uiAmountString\":\"x\"}}");
    assertEquals("18446744073.709551615", node.client.getTokenAccountBalance(KEY).send().uiAmount().toPlainString());
    malformed("{\"context\":{\"slot\":9},\"value\":{\"amount\":\"-1\",\"decimals\":9}}", () -> node.client.getTokenAccountBalance(KEY), "/value/amount");
    malformed("{\"context\":{\"slot\":9},\"value\":{\"amount\":\"18446744073709551616\",\"decimals\":9}}",
        () -> node.client.getTokenAccountBalance(KEY), "/value");
  }

  @Test
  void sendChecksTheReturnedSignature() {
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
        List.of(SystemProgram.transfer(payer.publicKey(), KEY, 1)), Blockhash.fromBase58(BH))).sign(payer);
    node.result("\"" + tx.id() + "\"");
    assertEquals(tx.id(), node.client.sendTransaction(tx, SendOptions.defaults().skipPreflight(true).maxRetries(0).minContextSlot(5)
        .preflightCommitment(Commitment.PROCESSED)).send());
    assertTrue(node.lastRequest().contains("{\"encoding\":\"base64\",\"skipPreflight\":true,\"preflightCommitment\":\"processed\","
        + "\"maxRetries\":0,\"minContextSlot\":5}"), node.lastRequest());
    byte[] other = new byte[64];
    other[0] = 1;
    TransportException e = malformed("\"" + dev.cairn.core.encoding.Base58.encode(other) + "\"", () -> node.client.sendTransaction(tx), "/");
    assertTrue(e.getMessage().contains("for transaction " + tx.id()), e.getMessage());
    assertThrows(dev.cairn.svm.SvmException.class, () -> node.client.sendTransaction(Transaction.unsigned(tx.message())));
  }

  @Test
  void simulationAndPreflightErrors() {
    node.result("{\"context\":{\"slot\":4},\"value\":{\"err\":null,\"logs\":[\"a\",\"b\"],\"accounts\":null,\"unitsConsumed\":2100,"
        + "\"returnData\":{\"programId\":\"" + KEY + "\",\"data\":[\"CQ==\",\"base64\"]}}}");
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
        List.of(SystemProgram.transfer(payer.publicKey(), KEY, 1)), Blockhash.fromBase58(BH)));
    SimulationResult r = node.client.simulateTransaction(tx).send();
    assertEquals(List.of("a", "b"), r.logs());
    assertEquals(2100, r.unitsConsumed().getAsLong());
    assertEquals(ReturnData.of(KEY, new byte[] {9}), r.returnData().orElseThrow());
    assertEquals(4, r.contextSlot());
    malformed("{\"context\":{\"slot\":4},\"value\":{\"logs\":[]}}", () -> node.client.simulateTransaction(tx), "/value/err");

    node.error("{\"code\":-32002,\"message\":\"Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1\","
        + "\"data\":{\"err\":{\"InstructionError\":[0,{\"Custom\":1}]},\"logs\":[\"Program 11111111111111111111111111111111 invoke [1]\","
        + "\"Transfer: insufficient lamports 0, need 1\"],\"unitsConsumed\":150}}");
    TransportException e = assertThrows(TransportException.class, () -> node.client.simulateTransaction(tx).send());
    ChainError ce = SvmRpcErrors.toChainError(e, ChainId.SOLANA_DEVNET, tx);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ce.kind());
    assertEquals(Optional.of("ResultWithNegativeLamports"), ce.revertReason());
    assertEquals(2, SvmRpcErrors.logs(e).size());
    assertEquals(Optional.of(150L), SvmRpcErrors.unitsConsumed(e));
  }

  @Test
  void rpcErrorCodesMapToKinds() {
    Object[][] cases = {
        {-32002, "{\"err\":\"BlockhashNotFound\",\"logs\":[]}", ErrorKind.EXPIRED},
        {-32002, "{\"err\":\"AlreadyProcessed\"}", ErrorKind.REJECTED_BY_NODE},
        {-32002, "{\"err\":\"InsufficientFundsForFee\"}", ErrorKind.INSUFFICIENT_FUNDS},
        {-32002, "{\"err\":{\"InsufficientFundsForRent\":{\"account_index\":0}}}", ErrorKind.INSUFFICIENT_FUNDS},
        {-32002, "{\"err\":{\"InstructionError\":[0,\"ComputationalBudgetExceeded\"]}}", ErrorKind.OUT_OF_GAS},
        {-32002, "{\"err\":{\"bogus\":1,\"more\":2}}", ErrorKind.REJECTED_BY_NODE},
        {-32002, null, ErrorKind.REJECTED_BY_NODE},
        {-32003, null, ErrorKind.REJECTED_BY_NODE},
        {-32004, null, ErrorKind.TRANSPORT},
        {-32005, "{\"numSlotsBehind\":12}", ErrorKind.TRANSPORT},
        {-32007, null, ErrorKind.UNKNOWN},
        {-32009, null, ErrorKind.UNKNOWN},
        {-32015, null, ErrorKind.UNSUPPORTED},
        {-32016, "{\"contextSlot\":5}", ErrorKind.TRANSPORT},
        {-32601, null, ErrorKind.UNSUPPORTED},
        {-32602, null, ErrorKind.INVALID_INPUT},
        {-1, null, ErrorKind.UNKNOWN},
    };
    for (Object[] c : cases) {
      node.error("{\"code\":" + c[0] + ",\"message\":\"m\"" + (c[1] == null ? "" : ",\"data\":" + c[1]) + "}");
      TransportException e = assertThrows(TransportException.class, () -> node.client.getSlot().send());
      assertEquals(c[2], SvmRpcErrors.toChainError(e, null).kind(), () -> c[0] + " " + c[1]);
    }
  }
}
