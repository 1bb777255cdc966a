package dev.cairn.svm.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.FeeLevel;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.CompiledInstruction;
import dev.cairn.svm.tx.Message;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's own logic against a scripted node: the compute budget it prepends, the window it
 * records, and the send loop (rebroadcast of the same bytes, EXPIRED only once the finalized height
 * passed the window and the node does not know the signature, TIMEOUT otherwise, receipts).
 */
class SvmChainAdapterTest {
  static final ChainId CLUSTER = ChainId.solana("4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZ");

  /** A node whose answers the test sets; records what was sent. */
  static final class FakeNode implements SvmNode {
    volatile Blockhash blockhash = Blockhash.of(filled(9));
    volatile long lastValid = 1150;
    volatile long height = 1000;
    volatile long[] fees = {0, 0, 100, 200, 300, 400, 5_000_000};
    volatile long simulatedUnits = 1000;
    volatile ChainError simulationError;
    volatile Status status; // what statuses answer (without history search)
    volatile Status historyStatus; // what statuses answer with history search
    volatile Landed landed;
    volatile byte[] nonceData;
    final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> simulated = Collections.synchronizedList(new ArrayList<>());
    final List<List<Pubkey>> feeQueries = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closed;

    @Override
    public CompletableFuture<String> genesisHash() {
      return CompletableFuture.completedFuture("4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZxxxxxxxxxxxx");
    }

    @Override
    public CompletableFuture<LatestBlockhash> latestBlockhash(Level level) {
      return CompletableFuture.completedFuture(new LatestBlockhash(blockhash, lastValid));
    }

    @Override
    public CompletableFuture<Long> balance(Pubkey account, Level level) {
      return CompletableFuture.completedFuture(42L);
    }

    @Override
    public CompletableFuture<byte[]> accountData(Pubkey account, Level level) {
      return CompletableFuture.completedFuture(nonceData);
    }

    @Override
    public CompletableFuture<String> send(byte[] wire, boolean skipPreflight, Level preflight) {
      sent.add(wire.clone());
      return CompletableFuture.completedFuture(dev.cairn.svm.tx.Transaction.deserialize(wire).id());
    }

    @Override
    public CompletableFuture<List<Status>> statuses(List<String> signatures, boolean searchHistory) {
      return CompletableFuture.completedFuture(Collections.singletonList(searchHistory ? historyStatus : status));
    }

    @Override
    public CompletableFuture<Long> blockHeight(Level level) {
      return CompletableFuture.completedFuture(height);
    }

    @Override
    public CompletableFuture<Simulation> simulate(byte[] wire, boolean sigVerify, boolean replace, Level level) {
      simulated.add(wire.clone());
      return CompletableFuture.completedFuture(new Simulation(simulationError, simulatedUnits, List.of("log"), null));
    }

    @Override
    public CompletableFuture<long[]> recentPrioritizationFees(List<Pubkey> writable) {
      feeQueries.add(writable);
      return CompletableFuture.completedFuture(fees);
    }

    @Override
    public CompletableFuture<Landed> transaction(String signature, Level level) {
      return CompletableFuture.completedFuture(landed);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static byte[] filled(int v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private final FakeNode node = new FakeNode();
  private final SvmChainAdapter adapter = SvmChainAdapter.builder(node).chainId(CLUSTER)
      .pollInterval(Duration.ofMillis(10)).rebroadcastInterval(Duration.ofMillis(30)).build();
  private final SoftwareSigner alice = Signers.software(Ed25519PrivateKey.fromSeed(filled(1)));
  private final SoftwareSigner bob = Signers.software(Ed25519PrivateKey.fromSeed(filled(2)));

  @AfterEach
  void close() {
    adapter.close();
    alice.close();
    bob.close();
  }

  private TransactionRequest transfer(long lamports) {
    return TransactionRequest.transfer(adapter.accountOf(alice), adapter.accountOf(bob),
        Amount.of(lamports, Denomination.SOL)).withSigner(alice.descriptor());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static ChainException failure(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(ChainException.class, e.getCause());
  }

  private static long u32(byte[] d, int off) {
    return (d[off] & 0xffL) | (d[off + 1] & 0xffL) << 8 | (d[off + 2] & 0xffL) << 16 | (d[off + 3] & 0xffL) << 24;
  }

  private static long u64(byte[] d, int off) {
    return u32(d, off) | u32(d, off + 4) << 32;
  }

  @Test
  void buildPrependsTheSimulatedLimitWithMarginAndThePercentileFee() throws Exception {
    SvmUnsignedTransaction u = (SvmUnsignedTransaction) get(adapter.build(transfer(5)));
    Message m = u.message();
    List<CompiledInstruction> ixs = m.instructions();
    assertEquals(3, ixs.size());
    Pubkey cb = ComputeBudgetProgram.PROGRAM_ID;
    assertEquals(cb, m.staticAccountKeys().get(ixs.get(0).programIdIndex()));
    assertEquals(cb, m.staticAccountKeys().get(ixs.get(1).programIdIndex()));
    assertEquals(SystemProgram.PROGRAM_ID, m.staticAccountKeys().get(ixs.get(2).programIdIndex()));
    // limit: 1000 simulated units + 10 %
    assertEquals(2, ixs.get(0).data()[0]);
    assertEquals(1100, u32(ixs.get(0).data(), 1));
    // price: the nearest-rank median of {0,0,100,200,300,400,5000000} = 200
    assertEquals(3, ixs.get(1).data()[0]);
    assertEquals(200, u64(ixs.get(1).data(), 1));
    // the simulation ran the same shape with the largest limit
    Message probe = dev.cairn.svm.tx.Transaction.deserialize(node.simulated.get(0)).message();
    assertEquals(SvmChainAdapter.MAX_COMPUTE_UNIT_LIMIT, u32(probe.instructions().get(0).data(), 1));
    // the fee query named the written accounts
    assertTrue(node.feeQueries.get(0).contains(Pubkey.of(alice.publicKey())));
    assertEquals(ValidityWindow.untilHeight(1150), u.validity());
    assertEquals(List.of(adapter.accountOf(alice)), u.requiredSigners());
  }

  @Test
  void feeLevelsUsePercentilesAndTheCap() throws Exception {
    FeeEstimate e = get(adapter.estimateFee(transfer(5)));
    assertEquals(0, e.slow().priorityUnitPrice().signum()); // 25th: 0
    assertEquals(new BigDecimal("0.0002"), e.normal().priorityUnitPrice().stripTrailingZeros());
    // 75th percentile is 400; with a cap of 250 the fast level is capped
    SvmChainAdapter capped = SvmChainAdapter.builder(node).chainId(CLUSTER).maxPriorityFee(250).build();
    FeeEstimate c = get(capped.estimateFee(transfer(5)));
    assertEquals(new BigDecimal("0.00025"), c.fast().priorityUnitPrice().stripTrailingZeros());
    assertEquals(1100, c.fast().limit());
    assertEquals(BigInteger.valueOf(5000), c.fast().fixed());
    SvmUnsignedTransaction fast = (SvmUnsignedTransaction) get(capped.build(transfer(5).withFeeLevel(FeeLevel.FAST)));
    assertEquals(250, u64(fast.message().instructions().get(1).data(), 1));
    capped.close();
  }

  @Test
  void nearestRankPercentiles() {
    long[] none = {};
    assertEquals(0, BudgetPlanner.percentile(none, 50));
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(1, BudgetPlanner.percentile(sorted, 0));
    assertEquals(3, BudgetPlanner.percentile(sorted, 25));
    assertEquals(5, BudgetPlanner.percentile(sorted, 50));
    assertEquals(8, BudgetPlanner.percentile(sorted, 75));
    assertEquals(10, BudgetPlanner.percentile(sorted, 100));
    assertEquals(7, BudgetPlanner.percentile(new long[] {7}, 1));
  }

  @Test
  void queryGivesReturnDataOrAFailedResult() throws Exception {
    dev.cairn.core.chain.ContractCall call = adapter.callRequest(Pubkey.of(alice.publicKey()),
        List.of(dev.cairn.svm.programs.MemoProgram.memo("hi", List.of(Pubkey.of(alice.publicKey()))))).call().get();
    dev.cairn.core.chain.ChainResult<byte[]> ok = get(adapter.query(call));
    assertTrue(ok.isSuccess());
    assertEquals(0, ok.value().get().length);
    node.simulationError = ChainError.of(ErrorKind.REVERTED, CLUSTER, "instruction 0 failed");
    dev.cairn.core.chain.ChainResult<byte[]> bad = get(adapter.query(call));
    assertFalse(bad.isSuccess());
    assertEquals(ErrorKind.REVERTED, bad.error().get().kind());
    // the simulated transaction was paid by the instruction's signer
    Message m = dev.cairn.svm.tx.Transaction.deserialize(node.simulated.get(node.simulated.size() - 1)).message();
    assertEquals(Pubkey.of(alice.publicKey()), m.feePayer());
  }

  @Test
  void aFailedSimulationLeavesTheLimitOutAndAnExplicitFeeWins() throws Exception {
    node.simulationError = ChainError.of(ErrorKind.REVERTED, CLUSTER, "nope");
    Message m = ((SvmUnsignedTransaction) get(adapter.build(transfer(5)))).message();
    assertEquals(2, m.instructions().size()); // price + transfer: no limit
    assertEquals(3, m.instructions().get(0).data()[0]);
    Fee fee = Fee.of(Denomination.SOL, 30_000, new BigDecimal("0.000007"), new BigDecimal("0.000007"), BigInteger.ZERO);
    Message e = ((SvmUnsignedTransaction) get(adapter.build(transfer(5).withFee(fee)))).message();
    assertEquals(30_000, u32(e.instructions().get(0).data(), 1));
    assertEquals(7, u64(e.instructions().get(1).data(), 1));
  }

  @Test
  void aDurableNonceTransactionUsesTheStoredValueAndHasNoWindow() throws Exception {
    byte[] data = new byte[80];
    data[4] = 1; // initialized
    System.arraycopy(filled(7), 0, data, 40, 32);
    node.nonceData = data;
    Pubkey nonce = Pubkey.of(filled(5));
    SvmUnsignedTransaction u = get(adapter.buildWithNonce(transfer(5), nonce, Pubkey.of(alice.publicKey())));
    assertEquals(Blockhash.of(filled(7)), u.message().recentBlockhash());
    assertEquals(ValidityWindow.none(), u.validity());
    CompiledInstruction first = u.message().instructions().get(0);
    assertEquals(SystemProgram.PROGRAM_ID, u.message().staticAccountKeys().get(first.programIdIndex()));
    assertEquals(4, first.data()[0]); // AdvanceNonceAccount
    data[4] = 0;
    assertEquals(ErrorKind.INVALID_INPUT,
        failure(adapter.buildWithNonce(transfer(5), nonce, Pubkey.of(alice.publicKey()))).kind());
  }

  @Test
  void aDurableNonceTransactionExpiresOnlyOnceItsNonceMovedOnWithoutIt() throws Exception {
    byte[] data = new byte[80];
    data[4] = 1;
    System.arraycopy(filled(7), 0, data, 40, 32);
    node.nonceData = data;
    SvmUnsignedTransaction u = get(adapter.buildWithNonce(transfer(5), Pubkey.of(filled(5)), Pubkey.of(alice.publicKey())));
    PendingTransaction p = get(adapter.send(get(adapter.sign(u, alice))));
    assertTrue(p.validity().isUnbounded());
    CompletableFuture<TxReceipt> w = adapter.waitFor(p, Finality.confirmed(), Duration.ofSeconds(30));
    Thread.sleep(150);
    assertFalse(w.isDone(), "the nonce still holds the transaction's value: it can land");
    byte[] moved = data.clone();
    System.arraycopy(filled(8), 0, moved, 40, 32);
    node.nonceData = moved;
    ChainException e = failure(w);
    assertEquals(ErrorKind.EXPIRED, e.kind());
    assertEquals("NonceAdvanced", e.error().nativeCode().get());
  }

  @Test
  void theWindowSurvivesPartialSigningAcrossProcesses() throws Exception {
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(alice), adapter.accountOf(bob),
        Amount.of(5, Denomination.SOL)).withSigners(bob.descriptor(), List.of(alice.descriptor()));
    UnsignedTransaction u = get(adapter.build(r));
    assertEquals(adapter.accountOf(bob), u.feePayer());
    assertEquals(List.of(adapter.accountOf(bob), adapter.accountOf(alice)), u.requiredSigners());
    PartiallySignedTransaction p = get(adapter.signPartially(PartiallySignedTransaction.of(u), List.of(alice)));
    PartiallySignedTransaction elsewhere = adapter.decodePartial(p.encode());
    assertEquals(List.of(adapter.accountOf(bob)), elsewhere.missingSigners());
    assertEquals(ValidityWindow.untilHeight(1150), elsewhere.transaction().validity());
    SignedTransaction s = get(adapter.signPartially(elsewhere, List.of(bob))).toSignedTransaction();
    assertEquals(ValidityWindow.untilHeight(1150), s.validity());
    assertTrue(((SvmSignedTransaction) s).transaction().verifySignatures());
    // the unsigned encoding reads back with and without a window
    assertEquals(u, adapter.decodeUnsigned(u.encoded()));
    byte[] plain = ((SvmUnsignedTransaction) u).message().serialize();
    assertEquals(ValidityWindow.none(), adapter.decodeUnsigned(plain).validity());
    byte[] bad = u.encoded();
    bad[1] = 'X';
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> adapter.decodeUnsigned(bad)).kind());
  }

  private PendingTransaction sent() throws Exception {
    UnsignedTransaction u = get(adapter.build(transfer(5)));
    return get(adapter.send(get(adapter.sign(u, alice))));
  }

  @Test
  void waitRebroadcastsTheSameBytesThenReportsExpiredOnlyPastTheWindow() throws Exception {
    PendingTransaction p = sent();
    CompletableFuture<TxReceipt> w = adapter.waitFor(p, Finality.confirmed(), Duration.ofSeconds(30));
    Thread.sleep(200);
    assertFalse(w.isDone(), "still inside the window");
    assertTrue(node.sent.size() >= 3, "rebroadcast: " + node.sent.size());
    for (byte[] b : node.sent) {
      assertArrayEquals(node.sent.get(0), b, "never re-signed: the same bytes every time");
    }
    node.height = 1151; // past lastValidBlockHeight 1150, and the node never saw it
    ChainException e = failure(w);
    assertEquals(ErrorKind.EXPIRED, e.kind());
    assertEquals(p.transactionId(), e.error().transactionId().get());
  }

  @Test
  void aTransactionFoundInHistoryAtTheLastMomentIsNotExpired() throws Exception {
    PendingTransaction p = sent();
    node.height = 2000;
    node.historyStatus = new SvmNode.Status(1100, SvmNode.Level.FINALIZED, -1, null);
    CompletableFuture<TxReceipt> w = adapter.waitFor(p, Finality.confirmed(), Duration.ofSeconds(30));
    Thread.sleep(100);
    assertFalse(w.isDone(), "found in history: keep waiting for the status, do not call it expired");
    node.status = node.historyStatus;
    node.landed = new SvmNode.Landed(1100, 5150, 450, null, null);
    TxReceipt r = get(w);
    assertTrue(r.isSuccess());
    assertEquals(1100, r.height());
    assertEquals(BigInteger.valueOf(5150), r.feePaid().units());
    assertEquals(450, r.gasUsed());
  }

  @Test
  void waitTimesOutInsideTheWindowAndReturnsFailedReceipts() throws Exception {
    PendingTransaction p = sent();
    ChainException t = failure(adapter.waitFor(p, Finality.confirmed(), Duration.ofMillis(150)));
    assertEquals(ErrorKind.TIMEOUT, t.kind());
    assertTrue(t.getMessage().contains("1150"), t.getMessage());
    // processed is not enough for confirmed; confirmed is
    node.status = new SvmNode.Status(1010, SvmNode.Level.PROCESSED, 0, null);
    CompletableFuture<TxReceipt> w = adapter.waitFor(p, Finality.confirmed(), Duration.ofSeconds(30));
    Thread.sleep(80);
    assertFalse(w.isDone());
    ChainError err = ChainError.of(ErrorKind.REVERTED, CLUSTER, "instruction 2 failed: custom program error: 0x1");
    node.landed = new SvmNode.Landed(1010, 5000, 300, null, err);
    node.status = new SvmNode.Status(1010, SvmNode.Level.CONFIRMED, 3, err);
    TxReceipt r = get(w);
    assertFalse(r.isSuccess());
    assertEquals(ErrorKind.REVERTED, r.error().get().kind());
    assertEquals(p.transactionId(), r.error().get().transactionId().get());
    assertEquals(3, r.confirmations());
    assertEquals(ErrorKind.UNSUPPORTED, failure(adapter.waitFor(p, Finality.confirmations(2), Duration.ofSeconds(1))).kind());
  }

  @Test
  void closingFailsPendingWaitsAndLaterCalls() throws Exception {
    PendingTransaction p = sent();
    CompletableFuture<TxReceipt> w = adapter.waitFor(p, Finality.confirmed(), Duration.ofSeconds(30));
    adapter.close();
    assertEquals(ErrorKind.UNSUPPORTED, failure(w).kind());
    assertEquals(ErrorKind.UNSUPPORTED, failure(adapter.balance(adapter.accountOf(alice))).kind());
    assertTrue(node.closed);
  }

  @Test
  void inputsAreCheckedWithTypedFailures() throws Exception {
    assertEquals(ErrorKind.UNSUPPORTED, failure(adapter.nextNonce(adapter.accountOf(alice))).kind());
    assertEquals(ErrorKind.UNSUPPORTED, failure(adapter.build(transfer(5).withNonce(3))).kind());
    assertEquals(ErrorKind.INVALID_INPUT, failure(adapter.readState(adapter.accountOf(alice), new byte[1])).kind());
    AccountId foreign = AccountId.of(ChainId.SOLANA_MAINNET, adapter.accountOf(alice).address());
    assertEquals(ErrorKind.INVALID_INPUT, failure(adapter.balance(foreign)).kind());
    assertEquals(ErrorKind.INVALID_INPUT, failure(adapter.build(TransactionRequest.transfer(adapter.accountOf(alice),
        adapter.accountOf(bob), Amount.of(1, Denomination.ETH)))).kind());
    assertEquals(ErrorKind.INVALID_INPUT, failure(adapter.build(transfer(5).withSigners(alice.descriptor(),
        List.of(bob.descriptor())))).kind()); // bob signs nothing in a transfer from alice
    assertEquals(Amount.of(42, Denomination.SOL), get(adapter.balance(adapter.accountOf(alice))));
  }
}
