package dev.cairn.cosmos.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.CallPayload;
import dev.cairn.core.chain.CallResult;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.ContractCall;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.SimulationResult;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.VmDispatcher;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.TxRaw;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cosmos adapter end to end against the {@link dev.cairn.cosmos.testsupport.ScriptedCosmosNode}
 * — an emulator of the documented Cosmos SDK 0.50 REST shapes that verifies every signature and
 * enforces sequences, balances, gas and timeout heights; not a real node.
 */
class CosmosAdapterIT {
  private static final Duration T = Duration.ofSeconds(30);
  private static CosmosTestChain chain;

  @BeforeAll
  static void start() {
    chain = new CosmosTestChain();
  }

  @AfterAll
  static void stop() throws Exception {
    chain.close();
  }

  private static <V> V get(CompletableFuture<V> f) throws Exception {
    return f.get(60, TimeUnit.SECONDS);
  }

  private static ChainException failure(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS));
    return assertInstanceOf(ChainException.class, e.getCause(), String.valueOf(e.getCause()));
  }

  private static AccountId fresh() {
    SoftwareSigner s = chain.fundedSigner();
    AccountId a = chain.adapter.accountOf(s);
    s.close();
    return a;
  }

  private static TxReceipt sendAndWait(CosmosChainAdapter a, UnsignedTransaction u, List<? extends Signer> signers)
      throws Exception {
    SignedTransaction signed = get(a.sign(u, signers));
    PendingTransaction p = get(a.send(signed));
    return get(a.waitFor(p, Finality.included(), T));
  }

  private static Amount stake(long units) {
    return Amount.of(units, CosmosTestChain.STAKE);
  }

  @Test
  void msgSendEndToEnd() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    AccountId to = fresh();
    BigInteger before = chain.node.balance(to.address(), "ustake");
    UnsignedTransaction u = get(a.build(TransactionRequest.transfer(a.accountOf(alice), to, stake(777))
        .withMemo("hello").withSigner(alice.descriptor())));
    CosmosTransaction tx = (CosmosTransaction) u;
    assertEquals("hello", tx.body().memo());
    assertTrue(tx.body().timeoutHeight() > chain.node.height(), "a timeout height ahead of the chain");
    assertEquals(SignMode.DIRECT, tx.signers().get(0).mode());
    // gas: simulated gas used x 1.3, fee = ceil(0.025 x gas)
    SimulationResult sim = get(a.simulate(u));
    assertTrue(sim.isSuccess());
    long gas = tx.fee().gasLimit();
    // (the probe simulated had an empty fee: a few bytes, so 10 gas each, fewer than the final transaction)
    long ceiling = new BigDecimal(sim.unitsUsed()).multiply(new BigDecimal("1.3")).setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
    assertTrue(gas > sim.unitsUsed() && gas <= ceiling && gas > ceiling - 500, gas + " vs " + sim.unitsUsed());
    BigInteger fee = tx.fee().amount().get(0).amount();
    assertEquals(new BigDecimal("0.025").multiply(BigDecimal.valueOf(gas)).setScale(0, java.math.RoundingMode.CEILING)
        .toBigIntegerExact(), fee);
    BigInteger aliceBefore = chain.node.balance(a.accountOf(alice).address(), "ustake");
    TxReceipt r = sendAndWait(a, u, List.of(alice));
    assertTrue(r.isSuccess(), r.toString());
    assertEquals(fee, r.feePaid().units());
    assertTrue(r.gasUsed() > 0 && r.gasUsed() <= gas);
    assertEquals(before.add(BigInteger.valueOf(777)), get(a.balance(to)).units());
    assertEquals(aliceBefore.subtract(fee).subtract(BigInteger.valueOf(777)),
        chain.node.balance(a.accountOf(alice).address(), "ustake"));
    assertEquals(1L, get(a.nextNonce(a.accountOf(alice))));
  }

  @Test
  void executeContractWithFundsThenSmartQueryThroughTheDispatcher() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    String contract = chain.node.deployCounter(a.accountOf(alice).address(), 5);
    AccountId c = AccountId.of(a.chainId(), contract);
    VmDispatcher vm = VmDispatcher.over(ChainRegistry.create().register(a));
    ContractCall inc = ContractCall.of(c, CallPayload.cosmWasm("{\"increment\":{}}"), List.of(stake(1000)));
    CallResult<Void> done = get(vm.invoke(TransactionRequest.contractCall(a.accountOf(alice), inc), alice,
        Finality.included(), T, null));
    assertTrue(done.isSuccess(), done.toString());
    assertTrue(done.receipt().get().gasUsed() > dev.cairn.cosmos.testsupport.ScriptedCosmosNode.EXEC_GAS);
    assertEquals(BigInteger.valueOf(1000), chain.node.balance(contract, "ustake"), "the funds reached the contract");
    CallResult<Void> q = get(vm.query(ContractCall.of(c, CallPayload.cosmWasm("{\"get_count\":{}}"))));
    assertTrue(q.isSuccess());
    assertEquals("{\"count\":6,\"owner\":\"" + a.accountOf(alice).address() + "\"}", q.rawUtf8());
    assertEquals("6", new String(get(a.readState(c, "count".getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8));
    // a query the contract refuses: a failed result with the contract's message
    CallResult<Void> bad = get(vm.query(ContractCall.of(c, CallPayload.cosmWasm("{\"get_cnt\":{}}"))));
    assertFalse(bad.isSuccess());
    assertEquals(ErrorKind.REVERTED, bad.error().get().kind());
    assertTrue(bad.error().get().nativeMessage().get().contains("unknown variant `get_cnt`"));
  }

  @Test
  void multiMessageTransaction() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    String from = a.accountOf(alice).address();
    String contract = chain.node.deployCounter(from, 0);
    AccountId bob = fresh();
    AccountId carol = fresh();
    List<CosmosMsg> msgs = List.of(
        MsgSend.of(from, bob.address(), List.of(Coin.of("ustake", 11))),
        MsgExecuteContract.of(from, contract, "{\"increment\":{}}".getBytes(StandardCharsets.UTF_8), List.of()),
        MsgSend.of(from, carol.address(), List.of(Coin.of("ustake", 22))),
        MsgExecuteContract.of(from, contract, "{\"increment\":{}}".getBytes(StandardCharsets.UTF_8), List.of()));
    BigInteger bobBefore = chain.node.balance(bob.address(), "ustake");
    BigInteger carolBefore = chain.node.balance(carol.address(), "ustake");
    CosmosTransaction tx = get(a.buildMessages(msgs, List.of(alice.descriptor()), "four in one"));
    assertEquals(4, TxRaw.decode(tx.unsignedTxRaw()).body().messages().size());
    TxReceipt r = sendAndWait(a, tx, List.of(alice));
    assertTrue(r.isSuccess(), r.toString());
    assertEquals(bobBefore.add(BigInteger.valueOf(11)), chain.node.balance(bob.address(), "ustake"));
    assertEquals(carolBefore.add(BigInteger.valueOf(22)), chain.node.balance(carol.address(), "ustake"));
    assertEquals(2, chain.node.count(contract));
  }

  @Test
  void aminoSignerAndDirectSigner() throws Exception {
    SoftwareSigner ledgerKey = chain.fundedSigner();
    Signer amino = CosmosTestChain.aminoOnly(ledgerKey);
    SoftwareSigner configured = chain.fundedSigner();
    SoftwareSigner direct = chain.fundedSigner();
    try (CosmosChainAdapter a = chain.builder().signMode(configured.publicKey(), SignMode.AMINO_JSON).build()) {
      AccountId to = fresh();
      // a signer that supports only amino JSON signs in amino mode without being told
      CosmosTransaction t1 = (CosmosTransaction) get(a.build(TransactionRequest.transfer(a.accountOf(amino), to, stake(5))
          .withSigner(amino.descriptor())));
      assertEquals(SignMode.AMINO_JSON, t1.signers().get(0).mode());
      assertTrue(new String(t1.signRequest(a.accountOf(amino)).payload(), StandardCharsets.UTF_8).contains("\"cosmos-sdk/MsgSend\""));
      assertTrue(sendAndWait(a, t1, List.of(amino)).isSuccess());
      // a key configured for amino
      CosmosTransaction t2 = (CosmosTransaction) get(a.build(TransactionRequest.transfer(a.accountOf(configured), to,
          stake(6)).withSigner(configured.descriptor())));
      assertEquals(SignMode.AMINO_JSON, t2.signers().get(0).mode());
      assertTrue(sendAndWait(a, t2, List.of(configured)).isSuccess());
      // the default: direct
      CosmosTransaction t3 = (CosmosTransaction) get(a.build(TransactionRequest.transfer(a.accountOf(direct), to, stake(7))
          .withSigner(direct.descriptor())));
      assertEquals(SignMode.DIRECT, t3.signers().get(0).mode());
      assertTrue(sendAndWait(a, t3, List.of(direct)).isSuccess());
      assertEquals(BigInteger.valueOf(18), get(a.balance(to)).units().subtract(CosmosTestChain.FUNDS));
    }
    // an adapter told to sign only in direct mode for that key refuses the amino-only signer
    try (CosmosChainAdapter a = chain.builder().signMode(ledgerKey.publicKey(), SignMode.DIRECT).build()) {
      ChainException e = failure(a.build(TransactionRequest.transfer(a.accountOf(amino), fresh(), stake(5))
          .withSigner(amino.descriptor())));
      assertEquals(ErrorKind.UNSUPPORTED, e.kind());
    }
  }

  @Test
  void concurrentSendersFromOneAccountRecoverFromAForcedSequenceMismatch() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    AccountId from = a.accountOf(alice);
    AccountId to = fresh();
    BigInteger before = chain.node.balance(to.address(), "ustake");
    int threads = 4;
    int each = 5;
    // first submission: the sender learns the sequence (0)
    TxReceipt first = get(a.waitFor(get(a.submit(TransactionRequest.transfer(from, to, stake(1)), alice)),
        Finality.included(), T));
    assertTrue(first.isSuccess());
    // "another wallet" with the same key lands a transaction: the sender's next sequence is stale
    try (CosmosChainAdapter other = chain.newAdapter()) {
      assertTrue(sendAndWait(other, get(other.build(TransactionRequest.transfer(from, to, stake(1))
          .withSigner(alice.descriptor()))), List.of(alice)).isSuccess());
    }
    int broadcastsBefore = chain.node.broadcasts();
    List<CompletableFuture<PendingTransaction>> sent = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          CompletableFuture<PendingTransaction> f = a.submit(TransactionRequest.transfer(from, to, stake(1)), alice);
          synchronized (sent) {
            sent.add(f);
          }
        }
      });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    for (CompletableFuture<PendingTransaction> f : sent) {
      TxReceipt r = get(a.waitFor(get(f), Finality.included(), T));
      assertTrue(r.isSuccess(), r.toString());
    }
    int n = threads * each;
    assertEquals(before.add(BigInteger.valueOf(n + 2)), chain.node.balance(to.address(), "ustake"));
    assertEquals(n + 2L, get(a.nextNonce(from)));
    assertTrue(chain.node.broadcasts() - broadcastsBefore > n,
        "the stale sequence was refused (code 32) and re-signed: " + (chain.node.broadcasts() - broadcastsBefore));
  }

  @Test
  void staleSequenceSentDirectlyIsNonceMismatchWithTheNodeLog() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    AccountId to = fresh();
    assertTrue(sendAndWait(a, get(a.build(TransactionRequest.transfer(a.accountOf(alice), to, stake(1))
        .withSigner(alice.descriptor()))), List.of(alice)).isSuccess());
    // built with an explicit fee (no simulation) and the used sequence 0: refused at CheckTx
    UnsignedTransaction u = get(a.build(TransactionRequest.transfer(a.accountOf(alice), to, stake(1)).withNonce(0)
        .withFee(Fee.of(CosmosTestChain.STAKE, 200_000, new BigDecimal("0.025"), BigDecimal.ZERO, BigInteger.ZERO))
        .withSigner(alice.descriptor())));
    ChainException e = failure(a.send(get(a.sign(u, alice))));
    assertEquals(ErrorKind.NONCE_MISMATCH, e.kind());
    assertEquals("sdk:32", e.error().nativeCode().get());
    assertEquals("account sequence mismatch, expected 1, got 0: incorrect account sequence", e.error().nativeMessage().get());
  }

  @Test
  void outOfGasInsufficientFundsAndContractErrorsKeepCodeCodespaceAndLog() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    AccountId from = a.accountOf(alice);
    AccountId to = fresh();
    // out of gas: an explicit gas limit that covers the signature but not the send
    Fee tight = Fee.of(CosmosTestChain.STAKE, 10_000, new BigDecimal("0.025"), BigDecimal.ZERO, BigInteger.ZERO);
    TxReceipt oog = sendAndWait(a, get(a.build(TransactionRequest.transfer(from, to, stake(1)).withFee(tight)
        .withSigner(alice.descriptor()))), List.of(alice));
    assertFalse(oog.isSuccess());
    ChainError e = oog.error().get();
    assertEquals(ErrorKind.OUT_OF_GAS, e.kind());
    assertEquals("sdk:11", e.nativeCode().get());
    assertTrue(e.nativeMessage().get().startsWith("out of gas in location: "), e.nativeMessage().get());
    assertEquals(BigInteger.valueOf(250), oog.feePaid().units(), "the fee is charged all the same");
    // insufficient funds: the send is more than the balance (explicit fee: included and failed)
    Fee enough = Fee.of(CosmosTestChain.STAKE, 200_000, new BigDecimal("0.025"), BigDecimal.ZERO, BigInteger.ZERO);
    TxReceipt poor = sendAndWait(a, get(a.build(TransactionRequest.transfer(from, to,
        Amount.of(CosmosTestChain.FUNDS.multiply(BigInteger.TEN), CosmosTestChain.STAKE)).withFee(enough)
        .withSigner(alice.descriptor()))), List.of(alice));
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, poor.error().get().kind());
    assertEquals("sdk:5", poor.error().get().nativeCode().get());
    assertTrue(poor.error().get().nativeMessage().get().contains("is smaller than"));
    // ... and with simulation, the build itself fails the same way
    ChainException sim = failure(a.build(TransactionRequest.transfer(from, to,
        Amount.of(CosmosTestChain.FUNDS.multiply(BigInteger.TEN), CosmosTestChain.STAKE)).withSigner(alice.descriptor())));
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, sim.kind());
    // contract error: reset is owner-only; the contract's message is the revert reason
    String contract = chain.node.deployCounter(fresh().address(), 3);
    ContractCall reset = ContractCall.of(AccountId.of(a.chainId(), contract), CallPayload.cosmWasm("{\"reset\":{\"count\":0}}"));
    TxReceipt refused = sendAndWait(a, get(a.build(TransactionRequest.contractCall(from, reset).withFee(enough)
        .withSigner(alice.descriptor()))), List.of(alice));
    ChainError w = refused.error().get();
    assertEquals(ErrorKind.REVERTED, w.kind());
    assertEquals("wasm:5", w.nativeCode().get());
    assertEquals("failed to execute message; message index: 0: Unauthorized: execute wasm contract failed",
        w.nativeMessage().get());
    assertEquals("Unauthorized", w.revertReason().get());
    assertEquals(3, chain.node.count(contract));
    ChainException viaSim = failure(a.build(TransactionRequest.contractCall(from, reset).withSigner(alice.descriptor())));
    assertEquals(ErrorKind.REVERTED, viaSim.kind());
    assertEquals("Unauthorized", viaSim.error().revertReason().get());
    // a fee below the minimum gas price: refused at CheckTx (code 13)
    Fee cheap = Fee.of(CosmosTestChain.STAKE, 200_000, new BigDecimal("0.001"), BigDecimal.ZERO, BigInteger.ZERO);
    UnsignedTransaction u = get(a.build(TransactionRequest.transfer(from, to, stake(1)).withFee(cheap)
        .withSigner(alice.descriptor())));
    ChainException low = failure(a.send(get(a.sign(u, alice))));
    assertEquals("sdk:13", low.error().nativeCode().get());
    assertEquals(ErrorKind.REJECTED_BY_NODE, low.kind());
  }

  @Test
  void passingTheTimeoutHeightIsExpired() throws Exception {
    SoftwareSigner alice = chain.fundedSigner();
    try (CosmosChainAdapter a = chain.builder().timeoutBlocks(3).build()) {
      AccountId to = fresh();
      BigInteger before = chain.node.balance(to.address(), "ustake");
      UnsignedTransaction u = get(a.build(TransactionRequest.transfer(a.accountOf(alice), to, stake(9))
          .withSigner(alice.descriptor())));
      long timeoutHeight = u.validity().lastValidHeight().getAsLong();
      chain.node.holdMempool(true);
      PendingTransaction p;
      try {
        p = get(a.send(get(a.sign(u, alice))));
        assertEquals(timeoutHeight, p.validity().lastValidHeight().getAsLong());
        ChainException e = failure(a.waitFor(p, Finality.included(), T));
        assertEquals(ErrorKind.EXPIRED, e.kind());
        assertEquals("sdk:30", e.error().nativeCode().get());
      } finally {
        chain.node.holdMempool(false);
      }
      Thread.sleep(300); // a few more blocks: it never lands
      assertFalse(a.rest().tx(p.transactionId()).isPresent());
      assertEquals(before, chain.node.balance(to.address(), "ustake"));
      // sent again after its timeout height: refused at CheckTx with code 30
      ChainException late = failure(a.send(get(a.sign(u, alice))));
      assertEquals(ErrorKind.EXPIRED, late.kind());
      assertEquals("sdk:30", late.error().nativeCode().get());
      assertTrue(late.error().nativeMessage().get().endsWith("timeout height: " + timeoutHeight + ": tx timeout height"));
    }
  }

  @Test
  void waitingPastTheWallClockIsTimeout() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner alice = chain.fundedSigner();
    UnsignedTransaction u = get(a.build(TransactionRequest.transfer(a.accountOf(alice), fresh(), stake(3))
        .withSigner(alice.descriptor())));
    chain.node.holdMempool(true);
    PendingTransaction p;
    try {
      p = get(a.send(get(a.sign(u, alice))));
      long t0 = System.nanoTime();
      ChainException e = failure(a.waitFor(p, Finality.included(), Duration.ofMillis(600)));
      assertEquals(ErrorKind.TIMEOUT, e.kind());
      assertTrue(System.nanoTime() - t0 >= 600_000_000L);
    } finally {
      chain.node.holdMempool(false);
    }
    // it was still valid: it lands once blocks include it
    assertTrue(get(a.waitFor(p, Finality.included(), T)).isSuccess());
  }

  @Test
  void partiallySignedWithASenderAndASeparateFeePayer() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner sender = chain.fundedSigner();
    SoftwareSigner payer = chain.fundedSigner();
    AccountId to = fresh();
    String s = a.accountOf(sender).address();
    String f = a.accountOf(payer).address();
    UnsignedTransaction u = get(a.build(TransactionRequest.transfer(a.accountOf(sender), to, stake(100))
        .withSigners(payer.descriptor(), List.of(sender.descriptor()))));
    assertEquals(List.of(a.accountOf(sender), a.accountOf(payer)), u.requiredSigners());
    assertEquals(a.accountOf(payer), u.feePayer());
    BigInteger fee = ((CosmosTransaction) u).fee().amount().get(0).amount();
    BigInteger sBefore = chain.node.balance(s, "ustake");
    BigInteger fBefore = chain.node.balance(f, "ustake");
    // process 1: the sender signs; process 2: the fee payer; each through bytes
    byte[] wire = get(a.signPartially(a.decodePartial(PartiallySignedTransaction.of(u).encode()), List.of(sender))).encode();
    PartiallySignedTransaction half = a.decodePartial(wire);
    assertEquals(List.of(a.accountOf(payer)), half.missingSigners());
    PartiallySignedTransaction full = get(a.signPartially(half, List.of(payer)));
    assertTrue(full.isComplete());
    PendingTransaction p = get(a.send(a.decodePartial(full.encode()).toSignedTransaction()));
    TxReceipt r = get(a.waitFor(p, Finality.included(), T));
    assertTrue(r.isSuccess(), r.toString());
    assertEquals(sBefore.subtract(BigInteger.valueOf(100)), chain.node.balance(s, "ustake"), "the sender pays no fee");
    assertEquals(fBefore.subtract(fee), chain.node.balance(f, "ustake"), "the fee payer pays the fee");
  }

  @Test
  void aTransactionSignedOnlyByTheSenderIsRefusedByTheNode() throws Exception {
    CosmosChainAdapter a = chain.adapter;
    SoftwareSigner sender = chain.fundedSigner();
    SoftwareSigner payer = chain.fundedSigner();
    UnsignedTransaction u = get(a.build(TransactionRequest.transfer(a.accountOf(sender), fresh(), stake(100))
        .withSigners(payer.descriptor(), List.of(sender.descriptor()))));
    // the payer's signature replaced by the sender's over the payer's document: the node verifies and refuses
    CosmosTransaction tx = (CosmosTransaction) u;
    byte[] good = get(a.sign(u, List.of(sender, payer))).encoded();
    TxRaw raw = TxRaw.decode(good);
    byte[] wrong = TxRaw.of(raw.bodyBytes(), raw.authInfoBytes(), List.of(raw.signatures().get(0), raw.signatures().get(0)))
        .encode();
    ChainException e = failure(a.send(a.decodeSigned(wrong)));
    assertEquals("sdk:4", e.error().nativeCode().get());
    assertTrue(e.error().nativeMessage().get().startsWith("signature verification failed; please verify account number"));
    assertEquals(2, tx.signers().size());
  }
}
