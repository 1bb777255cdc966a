package dev.cairn.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.SimulationResult;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChainAdapter} must do, as JUnit 5 tests against a local node. Extend it and
 * supply an adapter connected to the node, a funded signer and a recipient:
 *
 * <pre>{@code
 * @ExtendWith(AnvilExtension.class)
 * class EvmChainAdapterConformanceIT extends ChainAdapterConformance {
 *   protected ChainAdapter adapter() { ... }            // shared, open
 *   protected ChainAdapter newAdapter() { ... }         // a fresh one the test closes
 *   protected Signer fundedSigner() { ... }
 *   protected AccountId recipient() { ... }
 *   protected Amount transferAmount() { ... }
 *   protected String unknownTransactionId() { return "0x" + "11".repeat(32); }
 *   protected byte[] stateKey() { return new byte[32]; }
 * }
 * }</pre>
 *
 * Checked: asynchronous methods never throw for null, foreign-chain or malformed arguments (their
 * futures fail with INVALID_INPUT or UNSUPPORTED); build → sign → send → waitFor of a transfer
 * moves the balance; an unfunded account's transfer fails INSUFFICIENT_FUNDS; a stale nonce fails
 * NONCE_MISMATCH (families with nonces); waiting for an unknown id ends in TIMEOUT; close is
 * idempotent and later calls fail typed; concurrent use; partial signing serialized, decoded and
 * completed; simulate and readState.
 */
public abstract class ChainAdapterConformance {

  /** The adapter under test, connected to a node (shared by the tests; not closed by them). */
  protected abstract ChainAdapter adapter();

  /** A new adapter to the same node, which the close test closes. */
  protected abstract ChainAdapter newAdapter();

  /** A signer whose account has funds for a few transfers and their fees. */
  protected abstract Signer fundedSigner();

  /** The recipient of the test transfers (any account on the chain). */
  protected abstract AccountId recipient();

  /** The amount of each test transfer (native asset). */
  protected abstract Amount transferAmount();

  /** A well-formed transaction id the node has never seen. */
  protected abstract String unknownTransactionId();

  /** A key {@link ChainAdapter#readState} accepts for {@link #recipient()} (EVM: a 32-byte slot; Solana: empty). */
  protected abstract byte[] stateKey();

  /** A key {@link ChainAdapter#readState} must refuse with INVALID_INPUT, if the family has one. */
  protected Optional<byte[]> invalidStateKey() {
    return Optional.empty();
  }

  /** A signer with no funds on the chain; by default a fresh random key of the family's key type. */
  protected Signer unfundedSigner() {
    SecureRandom random = new SecureRandom();
    return adapter().family() == ChainFamily.SVM ? Signers.software(Ed25519PrivateKey.generate(random))
        : Signers.software(Secp256k1PrivateKey.generate(random));
  }

  /** The finality the tests wait for (default {@link Finality#included()}). */
  protected Finality finality() {
    return Finality.included();
  }

  /** How long a transfer may take to reach {@link #finality()} (default 60 s). */
  protected Duration timeout() {
    return Duration.ofSeconds(60);
  }

  /** Whether the family has account nonces or sequences (EVM, Cosmos: true; Solana: false). */
  protected boolean hasNonces() {
    return adapter().family() != ChainFamily.SVM;
  }

  /** An account on another chain of the same family. */
  protected AccountId foreignAccount() {
    ChainId own = adapter().chainId();
    ChainId other;
    switch (own.namespace()) {
      case "eip155":
        other = ChainId.eip155(Long.parseLong(own.reference()) == 1 ? 2 : 1);
        break;
      case "solana":
        other = ChainId.parse(own.reference().equals("4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZ")
            ? "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp" : "solana:4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZ");
        break;
      default:
        other = ChainId.parse(own.namespace() + ":" + (own.reference().equals("conformance-other") ? "conformance-x" : "conformance-other"));
    }
    return AccountId.of(other, recipient().address());
  }

  // ---------------------------------------------------------------- helpers

  private static <T> T get(CompletableFuture<T> f, Duration timeout) throws Exception {
    assertNotNull(f, "an adapter method returned no future");
    return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The future of {@code call}, failing the test if it threw instead of returning a failed future. */
  private static <T> CompletableFuture<T> noThrow(String what, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      fail(what + " threw " + e + " instead of failing its future");
      return null;
    }
    assertNotNull(f, what + " returned null");
    return f;
  }

  /** The kind the future failed with (it must fail with a ChainException). */
  private static ErrorKind failureKind(String what, CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS),
        what + " should have failed");
    Throwable c = e.getCause();
    assertInstanceOf(ChainException.class, c, what + " failed with " + c);
    return ((ChainException) c).kind();
  }

  private static void assertInputRefused(String what, CompletableFuture<?> f) {
    ErrorKind k = failureKind(what, f);
    assertTrue(k == ErrorKind.INVALID_INPUT || k == ErrorKind.UNSUPPORTED, what + " failed with " + k);
  }

  private TransactionRequest transfer(Signer from) {
    ChainAdapter a = adapter();
    return TransactionRequest.transfer(a.accountOf(from), recipient(), transferAmount()).withSigner(from.descriptor());
  }

  private TxReceipt sendAndWait(SignedTransaction signed) throws Exception {
    PendingTransaction p = get(adapter().send(signed), timeout());
    assertEquals(signed.id(), p.transactionId());
    assertEquals(adapter().chainId(), p.chainId());
    TxReceipt r = get(adapter().waitFor(p, finality(), timeout()), timeout().plusSeconds(10));
    assertEquals(p.transactionId(), r.transactionId());
    return r;
  }

  // ---------------------------------------------------------------- tests

  @Test
  public void asyncMethodsNeverThrowForNullOrForeignArguments() throws Exception {
    ChainAdapter a = adapter();
    Signer signer = fundedSigner();
    AccountId foreign = foreignAccount();
    assertInputRefused("balance(null)", noThrow("balance(null)", () -> a.balance(null)));
    assertInputRefused("balance(foreign)", noThrow("balance(foreign)", () -> a.balance(foreign)));
    assertInputRefused("nextNonce(null)", noThrow("nextNonce(null)", () -> a.nextNonce(null)));
    assertInputRefused("nextNonce(foreign)", noThrow("nextNonce(foreign)", () -> a.nextNonce(foreign)));
    assertInputRefused("estimateFee(null)", noThrow("estimateFee(null)", () -> a.estimateFee(null)));
    assertInputRefused("build(null)", noThrow("build(null)", () -> a.build(null)));
    TransactionRequest foreignTransfer = TransactionRequest.transfer(foreign, foreign, transferAmount());
    assertInputRefused("build(foreign)", noThrow("build(foreign)", () -> a.build(foreignTransfer)));
    assertInputRefused("sign(null, signer)", noThrow("sign(null)", () -> a.sign(null, signer)));
    UnsignedTransaction u = get(a.build(transfer(signer)), timeout());
    assertInputRefused("sign(tx, null list)", noThrow("sign(tx, null)", () -> a.sign(u, (List<Signer>) null)));
    assertInputRefused("sign(tx, wrong signer)", noThrow("sign(tx, wrong)", () -> a.sign(u, unfundedSigner())));
    assertInputRefused("send(null)", noThrow("send(null)", () -> a.send(null)));
    assertInputRefused("waitFor(null)", noThrow("waitFor(null)", () -> a.waitFor(null, finality(), timeout())));
    PendingTransaction foreignPending = PendingTransaction.of(foreign.chainId(), unknownTransactionId(), null, ValidityWindow.none());
    assertInputRefused("waitFor(foreign)", noThrow("waitFor(foreign)", () -> a.waitFor(foreignPending, finality(), timeout())));
    assertInputRefused("query(null)", noThrow("query(null)", () -> a.query(null)));
    assertInputRefused("simulate(null)", noThrow("simulate(null)", () -> a.simulate(null)));
    assertInputRefused("readState(null)", noThrow("readState(null)", () -> a.readState(null, stateKey())));
    assertInputRefused("readState(foreign)", noThrow("readState(foreign)", () -> a.readState(foreign, stateKey())));
    assertInputRefused("signPartially(null)", noThrow("signPartially(null)", () -> a.signPartially(null, List.of(signer))));
    if (invalidStateKey().isPresent()) {
      assertEquals(ErrorKind.INVALID_INPUT, failureKind("readState(bad key)",
          noThrow("readState(bad key)", () -> a.readState(recipient(), invalidStateKey().get()))));
    }
    // synchronous decoders refuse malformed input with a typed exception
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> a.decodeSigned(new byte[] {1, 2, 3})).kind());
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> a.decodeUnsigned(new byte[] {1, 2, 3})).kind());
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> a.decodePartial(new byte[] {1, 2, 3})).kind());
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> a.decodePartial(null)).kind());
    assertThrows(ChainException.class, () -> a.accountOf(null, new byte[33]));
    abandon(u);
  }

  /** Gives back whatever {@code built} reserved (an EVM nonce), if the adapter supports that; default: sends nothing. */
  protected void abandon(UnsignedTransaction built) {}

  @Test
  public void transferMovesTheBalance() throws Exception {
    ChainAdapter a = adapter();
    Signer signer = fundedSigner();
    Amount before = get(a.balance(recipient()), timeout());
    UnsignedTransaction u = get(a.build(transfer(signer)), timeout());
    assertEquals(a.accountOf(signer), u.feePayer());
    assertTrue(u.requiredSigners().contains(a.accountOf(signer)));
    assertEquals(u.requiredSigners().size(), u.signRequests().size());
    for (SignRequest r : u.signRequests()) {
      assertTrue(r.account().isPresent(), "sign requests name their account");
      assertEquals(a.chainId(), r.account().get().chainId());
    }
    SignedTransaction signed = get(a.sign(u, signer), timeout());
    TxReceipt r = sendAndWait(signed);
    assertTrue(r.isSuccess(), r.toString());
    Amount after = get(a.balance(recipient()), timeout());
    assertEquals(before.units().add(transferAmount().units()), after.units(), "the recipient received the amount");
  }

  @Test
  public void insufficientFundsIsClassified() {
    ChainAdapter a = adapter();
    Signer poor = unfundedSigner();
    CompletableFuture<PendingTransaction> f = noThrow("build/sign/send", () -> a.build(transfer(poor))
        .thenCompose(u -> a.sign(u, poor)).thenCompose(a::send));
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, failureKind("an unfunded transfer", f));
  }

  @Test
  public void staleNonceIsNonceMismatch() throws Exception {
    if (!hasNonces()) {
      return;
    }
    ChainAdapter a = adapter();
    Signer signer = fundedSigner();
    AccountId from = a.accountOf(signer);
    long next = get(a.nextNonce(from), timeout());
    if (next == 0) {
      assertTrue(sendAndWait(get(a.build(transfer(signer)).thenCompose(u -> a.sign(u, signer)), timeout())).isSuccess());
      next = get(a.nextNonce(from), timeout());
    }
    long stale = next - 1;
    CompletableFuture<PendingTransaction> f = a.build(transfer(signer).withNonce(stale))
        .thenCompose(u -> a.sign(u, signer)).thenCompose(a::send);
    assertEquals(ErrorKind.NONCE_MISMATCH, failureKind("a transaction with a used nonce", f));
  }

  @Test
  public void waitingForAnUnknownTransactionTimesOut() {
    ChainAdapter a = adapter();
    PendingTransaction unknown = PendingTransaction.of(a.chainId(), unknownTransactionId(), null, ValidityWindow.none());
    CompletableFuture<TxReceipt> f = noThrow("waitFor(unknown)", () -> a.waitFor(unknown, finality(), Duration.ofMillis(1500)));
    assertEquals(ErrorKind.TIMEOUT, failureKind("waitFor(unknown id)", f), "an unknown id may still land: TIMEOUT, not EXPIRED");
  }

  @Test
  public void closeIsIdempotentAndLaterCallsFailTyped() {
    ChainAdapter fresh = newAdapter();
    assertEquals(adapter().chainId(), fresh.chainId());
    fresh.close();
    fresh.close();
    CompletableFuture<Amount> f = noThrow("balance after close", () -> fresh.balance(recipient()));
    failureKind("balance after close", f);
    failureKind("build after close", noThrow("build after close", () -> fresh.build(transfer(fundedSigner()))));
  }

  @Test
  public void concurrentUse() throws Exception {
    ChainAdapter a = adapter();
    AccountId account = a.accountOf(fundedSigner());
    int threads = 8;
    int each = 10;
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> problem = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < each; i++) {
            assertNotNull(get(a.balance(account), timeout()));
            if (hasNonces()) {
              assertTrue(get(a.nextNonce(account), timeout()) >= 0);
            }
            assertEquals(a.accountOf(fundedSigner()), account);
          }
        } catch (Throwable e) {
          problem.compareAndSet(null, e);
        }
      });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join(TimeUnit.MINUTES.toMillis(2));
      assertFalse(w.isAlive(), "a thread is stuck");
    }
    if (problem.get() != null) {
      throw new AssertionError("concurrent use failed", problem.get());
    }
  }

  @Test
  public void partialSigningRoundTripsThroughBytes() throws Exception {
    ChainAdapter a = adapter();
    Signer signer = fundedSigner();
    UnsignedTransaction u = get(a.build(transfer(signer)), timeout());
    // process 1: nothing signed yet, serialized
    PartiallySignedTransaction empty = PartiallySignedTransaction.of(u);
    assertFalse(empty.isComplete());
    assertEquals(u.requiredSigners(), empty.missingSigners());
    byte[] wire = empty.encode();
    // process 2: decoded, signed, serialized again
    PartiallySignedTransaction decoded = a.decodePartial(wire);
    assertEquals(u.requiredSigners(), decoded.missingSigners());
    assertEquals(u.feePayer(), decoded.transaction().feePayer());
    PartiallySignedTransaction signed = get(a.signPartially(decoded, List.of(signer)), timeout());
    assertTrue(signed.isComplete(), "the only required signer signed: " + signed);
    assertTrue(signed.missingSigners().isEmpty());
    byte[] wire2 = signed.encode();
    // a flipped signature byte is refused when decoding
    byte[] tampered = wire2.clone();
    tampered[tampered.length - 10] ^= 1;
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> a.decodePartial(tampered)).kind());
    // truncations are refused
    for (int cut = 0; cut < wire2.length; cut += Math.max(1, wire2.length / 17)) {
      byte[] t = java.util.Arrays.copyOf(wire2, cut);
      assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> a.decodePartial(t)).kind());
    }
    // process 3: completed and sent
    PartiallySignedTransaction complete = a.decodePartial(wire2);
    SignedTransaction tx = complete.toSignedTransaction();
    SignedTransaction again = a.decodeSigned(tx.encoded());
    assertEquals(tx.id(), again.id());
    assertTrue(sendAndWait(again).isSuccess());
  }

  @Test
  public void simulateAndReadState() throws Exception {
    ChainAdapter a = adapter();
    Signer signer = fundedSigner();
    UnsignedTransaction u = get(a.build(transfer(signer)), timeout());
    SimulationResult sim = get(a.simulate(u), timeout());
    assertTrue(sim.isSuccess(), sim.toString());
    assertTrue(sim.unitsUsed() > 0 || sim.unitsUsed() == -1, "units " + sim.unitsUsed());
    abandon(u);
    byte[] state = get(a.readState(recipient(), stateKey()), timeout());
    assertNotNull(state);
  }

  @Test
  public void signerKeyTypesTheChainDoesNotUseAreRefused() {
    ChainAdapter a = adapter();
    KeyType other = a.family() == ChainFamily.SVM ? KeyType.SECP256K1 : KeyType.ED25519;
    ChainException e = assertThrows(ChainException.class, () -> a.accountOf(other, new byte[other.publicKeyLength()]));
    assertTrue(e.kind() == ErrorKind.UNSUPPORTED || e.kind() == ErrorKind.INVALID_INPUT, e.kind().name());
  }
}
