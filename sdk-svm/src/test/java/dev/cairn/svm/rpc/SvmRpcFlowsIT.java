package dev.cairn.svm.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import dev.cairn.transport.TransportException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The integration flows through SvmRpcClient against LiteSVM: tokens, lookup tables, nonces, errors, expiry. */
@ExtendWith(LiteSvmExtension.class)
class SvmRpcFlowsIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ChainId CLUSTER = ChainId.SOLANA_DEVNET;
  private static SvmRpcClient rpc;
  private static LiteSvm node;

  @BeforeAll
  static void connect(LiteSvm svm) {
    node = svm;
    rpc = SvmRpcClient.builder(svm.url()).commitment(Commitment.CONFIRMED).build();
  }

  @AfterAll
  static void close() {
    rpc.close();
  }

  static Keypair funded(long lamports) {
    Keypair k = Keypair.generate(RANDOM);
    rpc.requestAirdrop(k.publicKey(), lamports).send();
    return k;
  }

  static Transaction signed(Keypair payer, List<Instruction> ixs, Keypair... others) {
    LatestBlockhash bh = rpc.getLatestBlockhash().send();
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(), ixs, bh.blockhash()));
    tx = tx.sign(payer);
    return others.length == 0 ? tx : tx.sign(others);
  }

  static String sendOk(Transaction tx) {
    String sig = rpc.sendTransaction(tx).send();
    SignatureStatus st = rpc.getSignatureStatuses(List.of(sig)).send().get(0)
        .orElseThrow(() -> new AssertionError("did not land: " + node.log()));
    assertTrue(st.isSuccess(), () -> "failed: " + st);
    return sig;
  }

  /** A mint with {@code decimals} of {@code program}, the payer its authority. */
  static Pubkey mint(Keypair payer, TokenProgram program, int decimals) {
    Keypair mint = Keypair.generate(RANDOM);
    long rent = rpc.getMinimumBalanceForRentExemption(82).send();
    sendOk(signed(payer, List.of(
        SystemProgram.createAccount(payer.publicKey(), mint.publicKey(), rent, 82, program.programId()),
        program.initializeMint2(mint.publicKey(), decimals, payer.publicKey(), null)), mint));
    return mint.publicKey();
  }

  @Test
  void secondSignerAndSeparateFeePayer() {
    Keypair payer = funded(1_000_000_000L);
    Keypair sender = funded(1_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    Transaction tx = signed(payer, List.of(SystemProgram.transfer(sender.publicKey(), to, 250_000_000L)), sender);
    sendOk(tx);
    assertEquals(1_000_000_000L - 5_000L * 2, rpc.getBalance(payer.publicKey()).send());
    assertEquals(750_000_000L, rpc.getBalance(sender.publicKey()).send());
    assertEquals(250_000_000L, rpc.getBalance(to).send());
  }

  @Test
  void tokenFlowsOnTokenAndToken2022() {
    for (TokenProgram program : List.of(TokenProgram.TOKEN, TokenProgram.TOKEN_2022)) {
      Keypair payer = funded(5_000_000_000L);
      Keypair recipient = Keypair.generate(RANDOM);
      Pubkey mint = mint(payer, program, 6);
      Pubkey from = AssociatedTokenProgram.address(payer.publicKey(), mint, program.programId());
      Pubkey to = AssociatedTokenProgram.address(recipient.publicKey(), mint, program.programId());
      sendOk(signed(payer, List.of(
          AssociatedTokenProgram.create(payer.publicKey(), from, payer.publicKey(), mint, program.programId()),
          AssociatedTokenProgram.createIdempotent(payer.publicKey(), to, recipient.publicKey(), mint, program.programId()),
          program.mintTo(mint, from, payer.publicKey(), 10_000_000L),
          program.transferChecked(from, mint, to, payer.publicKey(), 2_500_000L, 6))));

      assertEquals(TokenAmount.of(BigInteger.valueOf(7_500_000L), 6), rpc.getTokenAccountBalance(from).send());
      TokenAmount got = rpc.getTokenAccountBalance(to).send();
      assertEquals(BigInteger.valueOf(2_500_000L), got.amount());
      assertEquals("2.5", got.uiAmount().toPlainString());

      List<KeyedAccount> byMint = rpc.getTokenAccountsByOwner(recipient.publicKey(), TokenAccountsFilter.mint(mint)).send();
      assertEquals(1, byMint.size());
      assertEquals(to, byMint.get(0).pubkey());
      assertEquals(program.programId(), byMint.get(0).account().owner());
      byte[] data = byMint.get(0).account().data();
      assertArrayEquals(mint.bytes(), Arrays.copyOfRange(data, 0, 32));
      assertArrayEquals(recipient.publicKey().bytes(), Arrays.copyOfRange(data, 32, 64));
      List<KeyedAccount> byProgram = rpc.getTokenAccountsByOwner(recipient.publicKey(),
          TokenAccountsFilter.programId(program.programId()), AccountEncoding.JSON_PARSED, null).send();
      assertEquals(1, byProgram.size());
      JsonObject parsed = byProgram.get(0).account().parsed().orElseThrow().asObject("data");
      JsonObject info = parsed.get("parsed").asObject("parsed").get("info").asObject("info");
      assertEquals(mint.toBase58(), info.get("mint").asString("mint"));
      assertEquals("2500000", info.get("tokenAmount").asObject("tokenAmount").get("amount").asString("amount"));

      JsonValue mintParsed = rpc.getAccountInfo(mint, AccountEncoding.JSON_PARSED, null).send().orElseThrow().parsed().orElseThrow();
      assertEquals("10000000", mintParsed.asObject("m").get("parsed").asObject("p").get("info").asObject("i")
          .get("supply").asString("supply"));

      // getProgramAccounts with memcmp (owner at 32, base58 and base64) and dataSize
      List<KeyedAccount> owned = rpc.getProgramAccounts(program.programId(),
          List.of(AccountFilter.memcmp(32, recipient.publicKey().bytes()), AccountFilter.memcmpBase64(0, mint.bytes()))).send();
      assertEquals(List.of(to), owned.stream().map(KeyedAccount::pubkey).toList());
      List<KeyedAccount> mints = rpc.getProgramAccounts(program.programId(),
          List.of(AccountFilter.dataSize(82), AccountFilter.memcmp(4, payer.publicKey().bytes()))).send();
      assertEquals(List.of(mint), mints.stream().map(KeyedAccount::pubkey).toList());

      // a failing instruction: Token custom error 1 (insufficient funds) through preflight
      Transaction tooMuch = signed(payer,
          List.of(program.transferChecked(from, mint, to, payer.publicKey(), 8_000_000L, 6)));
      TransportException e = assertThrows(TransportException.class, () -> rpc.sendTransaction(tooMuch).send());
      assertEquals(TransportException.Kind.RPC_ERROR, e.kind());
      assertEquals(SvmRpcErrors.SEND_TRANSACTION_PREFLIGHT_FAILURE, e.code());
      assertEquals(TransactionError.custom(0, 1), SvmRpcErrors.transactionError(e).orElseThrow());
      ChainError ce = SvmRpcErrors.toChainError(e, CLUSTER, tooMuch);
      assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ce.kind());
      assertEquals(Optional.of("InsufficientFunds"), ce.revertReason());
      assertEquals(Optional.of("InstructionError:0:Custom:1"), ce.nativeCode());
      assertEquals(Optional.of(tooMuch.id()), ce.transactionId());
      assertTrue(ce.nativeMessage().orElseThrow().contains("insufficient funds"), ce.nativeMessage().orElseThrow());
    }
  }

  @Test
  void lookupTableThenV0Transaction() {
    Keypair payer = funded(5_000_000_000L);
    long recentSlot = rpc.getSlot(Commitment.FINALIZED).send();
    Pubkey table = AddressLookupTableProgram.address(payer.publicKey(), recentSlot).address();
    List<Pubkey> recipients = List.of(Keypair.generate(RANDOM).publicKey(), Keypair.generate(RANDOM).publicKey(),
        Keypair.generate(RANDOM).publicKey());
    sendOk(signed(payer, List.of(
        AddressLookupTableProgram.create(payer.publicKey(), payer.publicKey(), recentSlot),
        AddressLookupTableProgram.extend(table, payer.publicKey(), payer.publicKey(), recipients))));
    LookupTableAccount state = rpc.getAddressLookupTable(table).send().orElseThrow();
    assertEquals(recipients, state.addresses());
    assertEquals(Optional.of(payer.publicKey()), state.authority());
    assertTrue(state.isActive());
    assertEquals(Optional.empty(), rpc.getAddressLookupTable(Keypair.generate(RANDOM).publicKey()).send());

    LatestBlockhash bh = rpc.getLatestBlockhash().send();
    List<Instruction> ixs = recipients.stream().map(r -> SystemProgram.transfer(payer.publicKey(), r, 1_000_000L)).toList();
    Message v0 = Message.compileV0(payer.publicKey(), ixs, bh.blockhash(), List.of(state.table()));
    assertEquals(1, v0.addressTableLookups().size());
    Transaction tx = Transaction.unsigned(v0).sign(payer);
    String sig = sendOk(tx);
    for (Pubkey r : recipients) {
      assertEquals(1_000_000L, rpc.getBalance(r).send());
    }
    TransactionDetails d = rpc.getTransaction(sig).send().orElseThrow();
    assertEquals(tx, d.transaction());
    assertEquals(recipients, d.meta().orElseThrow().loadedWritable());
  }

  @Test
  void computeBudgetAndPriorityFees() {
    Keypair payer = funded(1_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    Transaction tx = signed(payer, List.of(
        ComputeBudgetProgram.setComputeUnitLimit(10_000),
        ComputeBudgetProgram.setComputeUnitPrice(250_000),
        SystemProgram.transfer(payer.publicKey(), to, 1_000_000L),
        MemoProgram.memo("cairn", List.of(payer.publicKey()))));
    assertEquals(OptionalLong.of(5_000L + 2_500L), rpc.getFeeForMessage(tx.message()).send());
    String sig = sendOk(tx);
    assertEquals(5_000L + 2_500L, rpc.getTransaction(sig).send().orElseThrow().meta().orElseThrow().fee());
    assertEquals(1_000_000_000L - 1_000_000L - 7_500L, rpc.getBalance(payer.publicKey()).send());
    List<PrioritizationFee> fees = rpc.getRecentPrioritizationFees(List.of(payer.publicKey())).send();
    long slot = rpc.getSignatureStatuses(List.of(sig)).send().get(0).orElseThrow().slot();
    assertTrue(fees.contains(PrioritizationFee.of(slot, 250_000L)), fees.toString());
  }

  @Test
  void durableNonceTransaction() {
    Keypair payer = funded(1_000_000_000L);
    Keypair nonce = Keypair.generate(RANDOM);
    long rent = rpc.getMinimumBalanceForRentExemption(SystemProgram.NONCE_ACCOUNT_LENGTH).send();
    sendOk(signed(payer, List.of(
        SystemProgram.createAccount(payer.publicKey(), nonce.publicKey(), rent, SystemProgram.NONCE_ACCOUNT_LENGTH, SystemProgram.PROGRAM_ID),
        SystemProgram.nonceInitialize(nonce.publicKey(), payer.publicKey())), nonce));
    byte[] data = rpc.getAccountInfo(nonce.publicKey()).send().orElseThrow().data();
    Blockhash nonceValue = Blockhash.of(Arrays.copyOfRange(data, 40, 72));
    // the nonce outlives every recent blockhash
    node.advanceSlots(200);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    Message m = Message.builder().feePayer(payer.publicKey())
        .durableNonce(nonce.publicKey(), payer.publicKey(), nonceValue)
        .add(SystemProgram.transfer(payer.publicKey(), to, 5_000_000L))
        .buildLegacy();
    sendOk(Transaction.unsigned(m).sign(payer));
    assertEquals(5_000_000L, rpc.getBalance(to).send());
    byte[] after = rpc.getAccountInfo(nonce.publicKey()).send().orElseThrow().data();
    assertFalse(Arrays.equals(nonceValue.bytes(), Arrays.copyOfRange(after, 40, 72)), "the nonce advanced");
    // the used nonce cannot be used again
    Message again = Message.builder().feePayer(payer.publicKey())
        .durableNonce(nonce.publicKey(), payer.publicKey(), nonceValue)
        .add(SystemProgram.transfer(payer.publicKey(), to, 6_000_000L))
        .buildLegacy();
    TransportException e = assertThrows(TransportException.class, () -> rpc.sendTransaction(Transaction.unsigned(again).sign(payer)).send());
    assertEquals(ErrorKind.EXPIRED, SvmRpcErrors.toChainError(e, CLUSTER).kind());
  }

  @Test
  void simulationReportsLogsUnitsAccountsAndErrors() {
    Keypair payer = funded(1_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    Transaction tx = signed(payer, List.of(SystemProgram.transfer(payer.publicKey(), to, 3_000_000L)));
    SimulationResult ok = rpc.simulateTransaction(tx, SimulateOptions.defaults().sigVerify(true).accounts(List.of(to, payer.publicKey()))).send();
    assertTrue(ok.isSuccess());
    assertEquals(OptionalLong.of(150), ok.unitsConsumed());
    assertEquals("Program 11111111111111111111111111111111 invoke [1]", ok.logs().get(0));
    assertEquals(3_000_000L, ok.accounts().get(0).orElseThrow().lamports());
    assertEquals(Optional.empty(), ok.returnData());
    assertEquals(0L, rpc.getBalance(to).send(), "simulation changes nothing");

    // an unsigned draft with a stale blockhash: replaceRecentBlockhash
    Message draft = Message.compileLegacy(payer.publicKey(), List.of(SystemProgram.transfer(payer.publicKey(), to, 3_000_000L)),
        Blockhash.of(new byte[32]));
    SimulationResult replaced = rpc.simulateTransaction(Transaction.unsigned(draft), SimulateOptions.defaults().replaceRecentBlockhash(true)).send();
    assertTrue(replaced.isSuccess(), replaced.toString());
    assertTrue(replaced.replacementBlockhash().isPresent());
    SimulationResult stale = rpc.simulateTransaction(Transaction.unsigned(draft)).send();
    assertEquals(Optional.of(TransactionError.of("BlockhashNotFound")), stale.err());

    Transaction tooMuch = signed(payer, List.of(SystemProgram.transfer(payer.publicKey(), to, 5_000_000_000L)));
    SimulationResult failed = rpc.simulateTransaction(tooMuch).send();
    assertEquals(Optional.of(TransactionError.custom(0, 1)), failed.err());
    ChainError ce = failed.err().map(err -> dev.cairn.svm.errors.SvmErrors.standard()
        .toChainError(CLUSTER, err, tooMuch.message(), failed.logs(), null)).orElseThrow();
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ce.kind());
    assertEquals(Optional.of("ResultWithNegativeLamports"), ce.revertReason());
  }

  @Test
  void expiredBlockhashIsReportedAsExpired() {
    Keypair payer = funded(1_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    LatestBlockhash bh = rpc.getLatestBlockhash().send();
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
        List.of(SystemProgram.transfer(payer.publicKey(), to, 1_000_000L)), bh.blockhash())).sign(payer);
    assertTrue(rpc.getFeeForMessage(tx.message()).send().isPresent());
    node.advanceSlots((int) (bh.lastValidBlockHeight() - rpc.getBlockHeight().send()) + 1);
    assertTrue(rpc.getBlockHeight().send() > bh.lastValidBlockHeight());
    assertFalse(rpc.isBlockhashValid(bh.blockhash(), null).send());
    assertEquals(OptionalLong.empty(), rpc.getFeeForMessage(tx.message()).send());

    TransportException e = assertThrows(TransportException.class, () -> rpc.sendTransaction(tx).send());
    assertEquals(SvmRpcErrors.SEND_TRANSACTION_PREFLIGHT_FAILURE, e.code());
    ChainError ce = SvmRpcErrors.toChainError(e, CLUSTER, tx);
    assertEquals(ErrorKind.EXPIRED, ce.kind());
    assertEquals(Optional.of("BlockhashNotFound"), ce.nativeCode());
    assertTrue(ce.kind().isTransient());

    // without preflight the node takes it, but it never lands
    assertEquals(tx.id(), rpc.sendTransaction(tx, SendOptions.defaults().skipPreflight(true)).send());
    assertEquals(Optional.empty(), rpc.getSignatureStatuses(List.of(tx.id()), true).send().get(0));
    assertEquals(0L, rpc.getBalance(to).send());
  }

  @Test
  void failedTransactionWithoutPreflightLandsWithItsError() {
    Keypair payer = funded(1_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    Transaction tx = signed(payer, List.of(
        SystemProgram.transfer(payer.publicKey(), to, 1_000_000L),
        SystemProgram.transfer(payer.publicKey(), to, 9_000_000_000L)));
    String sig = rpc.sendTransaction(tx, SendOptions.defaults().skipPreflight(true).maxRetries(0)).send();
    SignatureStatus st = rpc.getSignatureStatuses(List.of(sig)).send().get(0).orElseThrow();
    assertEquals(Optional.of(TransactionError.custom(1, 1)), st.err());
    TransactionMeta meta = rpc.getTransaction(sig).send().orElseThrow().meta().orElseThrow();
    assertEquals(st.err(), meta.err());
    assertEquals(1_000_000_000L - 5_000L, rpc.getBalance(payer.publicKey()).send(), "the fee is charged, nothing else");
    ChainError ce = dev.cairn.svm.errors.SvmErrors.standard().toChainError(CLUSTER, st.err().get(), tx.message(), meta.logMessages(), sig);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ce.kind());
    assertEquals(Optional.of("InstructionError:1:Custom:1"), ce.nativeCode());

    // the same transaction again: already processed
    TransportException e = assertThrows(TransportException.class, () -> rpc.sendTransaction(tx).send());
    assertEquals(ErrorKind.REJECTED_BY_NODE, SvmRpcErrors.toChainError(e, CLUSTER, tx).kind());
    assertEquals(Optional.of(TransactionError.of("AlreadyProcessed")), SvmRpcErrors.transactionError(e));
  }

  @Test
  void droppedTransactionsNeverLand() {
    Keypair payer = funded(1_000_000_000L);
    Pubkey to = Keypair.generate(RANDOM).publicKey();
    Transaction tx = signed(payer, List.of(SystemProgram.transfer(payer.publicKey(), to, 1_000_000L)));
    node.dropTransactions(1);
    assertEquals(tx.id(), rpc.sendTransaction(tx).send());
    assertEquals(Optional.empty(), rpc.getSignatureStatuses(List.of(tx.id())).send().get(0));
    // a rebroadcast of the same bytes lands
    assertEquals(tx.id(), rpc.sendTransaction(tx).send());
    assertTrue(rpc.getSignatureStatuses(List.of(tx.id())).send().get(0).isPresent());
    assertEquals(1_000_000L, rpc.getBalance(to).send());
  }

  @Test
  void minimumContextSlotNotReached() {
    Keypair payer = funded(1_000_000_000L);
    Transaction tx = signed(payer, List.of(SystemProgram.transfer(payer.publicKey(), Keypair.generate(RANDOM).publicKey(), 1_000_000L)));
    long slot = rpc.getSlot().send();
    TransportException e = assertThrows(TransportException.class,
        () -> rpc.sendTransaction(tx, SendOptions.defaults().minContextSlot(slot + 1_000)).send());
    assertEquals(SvmRpcErrors.MIN_CONTEXT_SLOT_NOT_REACHED, e.code());
    assertEquals(ErrorKind.TRANSPORT, SvmRpcErrors.toChainError(e, CLUSTER, tx).kind());
    assertEquals(tx.id(), rpc.sendTransaction(tx, SendOptions.defaults().minContextSlot(slot)).send());
  }

  @Test
  void badSignatureIsRejected() {
    Keypair payer = funded(1_000_000_000L);
    Transaction tx = signed(payer, List.of(SystemProgram.transfer(payer.publicKey(), Keypair.generate(RANDOM).publicKey(), 1_000L)));
    byte[] wire = tx.serialize();
    wire[5] ^= 1;
    TransportException e = assertThrows(TransportException.class, () -> rpc.sendRawTransaction(wire, SendOptions.defaults()).send());
    assertEquals(SvmRpcErrors.TRANSACTION_SIGNATURE_VERIFICATION_FAILURE, e.code());
    assertEquals(ErrorKind.REJECTED_BY_NODE, SvmRpcErrors.toChainError(e, CLUSTER).kind());
  }
}
