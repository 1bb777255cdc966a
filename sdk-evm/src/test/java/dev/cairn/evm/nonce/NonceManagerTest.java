package dev.cairn.evm.nonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NonceManagerTest {
  static final String ACCOUNT = "0x00000000000000000000000000000000000000aa";
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /**
   * A node's pool for one account, with geth's answers: "nonce too low" below the account nonce,
   * "already known" for the same transaction, "replacement transaction underpriced" for another one
   * with a pending nonce. Transactions are 8-byte nonce + 4-byte tag; answers come on another thread.
   */
  class FakeNode implements NonceSource {
    long accountNonce; // mined
    final Map<Long, String> pending = new HashMap<>();
    final Set<String> seen = new java.util.HashSet<>();
    final AtomicInteger pendingNonceCalls = new AtomicInteger();
    final AtomicInteger sends = new AtomicInteger();
    volatile int failTransportTimes;
    volatile int rejectTimes;
    volatile boolean swallowThenTransport;

    FakeNode(long start) {
      accountNonce = start;
    }

    synchronized long pendingCount() {
      long n = accountNonce;
      while (pending.containsKey(n)) {
        n++;
      }
      return n;
    }

    @Override
    public CompletableFuture<Long> pendingNonce(String account) {
      pendingNonceCalls.incrementAndGet();
      return CompletableFuture.supplyAsync(this::pendingCount, pool);
    }

    @Override
    public CompletableFuture<String> sendRawTransaction(byte[] tx) {
      sends.incrementAndGet();
      return CompletableFuture.supplyAsync(() -> {
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
          Thread.yield();
        }
        ByteBuffer b = ByteBuffer.wrap(tx);
        long nonce = b.getLong();
        String hash = hash(tx);
        synchronized (this) {
          if (rejectTimes > 0) {
            rejectTimes--;
            throw new CompletionException(new ChainException(ChainError.builder(ErrorKind.INSUFFICIENT_FUNDS, null,
                "insufficient funds for gas * price + value").build()));
          }
          if (failTransportTimes > 0) {
            failTransportTimes--;
            if (swallowThenTransport) {
              // the node got it, the answer was lost
              accept(nonce, hash);
            }
            throw new CompletionException(new IOException("connection reset"));
          }
          if (pending.containsKey(nonce) && pending.get(nonce).equals(hash)) {
            throw new CompletionException(new RuntimeException("already known"));
          }
          if (nonce < accountNonce) {
            throw new CompletionException(new RuntimeException("nonce too low: next nonce " + accountNonce + ", tx nonce " + nonce));
          }
          if (pending.containsKey(nonce)) {
            throw new CompletionException(new RuntimeException("replacement transaction underpriced"));
          }
          accept(nonce, hash);
          return hash;
        }
      }, pool);
    }

    private void accept(long nonce, String hash) {
      pending.put(nonce, hash);
      seen.add(hash);
    }

    @Override
    public CompletableFuture<Boolean> isKnown(String hash) {
      synchronized (this) {
        return CompletableFuture.completedFuture(seen.contains(hash));
      }
    }

    /** Mines every executable pending transaction. */
    synchronized void mine() {
      while (pending.containsKey(accountNonce)) {
        pending.remove(accountNonce);
        accountNonce++;
      }
    }

    /** Another process sends {@code n} transactions from the same account. */
    synchronized void externalSends(int n) {
      for (int i = 0; i < n; i++) {
        accept(pendingCount(), "external-" + pendingCount());
      }
      mine();
    }
  }

  static String hash(byte[] tx) {
    return "0x" + dev.cairn.core.encoding.Hex.encode(dev.cairn.core.hash.Keccak256.hash(tx));
  }

  static SignedForNonce sign(long nonce, int tag) {
    byte[] tx = ByteBuffer.allocate(12).putLong(nonce).putInt(tag).array();
    return SignedForNonce.of(nonce, tx, hash(tx));
  }

  @Test
  void concurrentSendersGetUniqueGaplessNonces() throws Exception {
    FakeNode node = new FakeNode(42);
    NonceManager m = NonceManager.create(node);
    ExecutorService senders = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Submission>> all = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      int tag = i;
      all.add(CompletableFuture.supplyAsync(() -> m.submit(ACCOUNT, n -> sign(n, tag)), senders).thenCompose(f -> f));
    }
    TreeSet<Long> nonces = new TreeSet<>();
    for (CompletableFuture<Submission> f : all) {
      assertTrue(nonces.add(f.get().nonce()));
    }
    senders.shutdown();
    assertEquals(800, nonces.size());
    assertEquals(42L, nonces.first());
    assertEquals(841L, nonces.last());
    assertEquals(1, node.pendingNonceCalls.get(), "one initial sync, shared by all senders");
    assertEquals(842L, node.pendingCount());
    assertEquals(0L, m.stats(ACCOUNT).get("outstanding"));
  }

  @Test
  void nonceTooLowResynchronisesAndRetries() throws Exception {
    FakeNode node = new FakeNode(0);
    NonceManager m = NonceManager.create(node);
    assertEquals(0, m.submit(ACCOUNT, n -> sign(n, 1)).get().nonce());
    node.mine();
    node.externalSends(3); // another process (or a previous run) used 1, 2, 3
    Submission s = m.submit(ACCOUNT, n -> sign(n, 2)).get();
    assertEquals(4, s.nonce());
    assertEquals(2, s.attempts());
    assertEquals(5, m.submit(ACCOUNT, n -> sign(n, 3)).get().nonce());
  }

  @Test
  void resendOfAKnownTransactionIsSuccess() throws Exception {
    FakeNode node = new FakeNode(7);
    NonceManager m = NonceManager.create(node);
    SignedForNonce tx = sign(7, 99);
    node.sendRawTransaction(tx.encoded()).get(); // sent before a restart
    Submission s = m.submit(ACCOUNT, n -> sign(n, 99)).get();
    // the pending count already includes 7, so the manager starts at 8: a fresh transaction
    assertEquals(8, s.nonce());
    // an explicit resend of the same bytes through a lease for 8 (already sent): "already known"
    NonceManager fresh = NonceManager.create(new NonceSource() {
      @Override
      public CompletableFuture<Long> pendingNonce(String account) {
        return CompletableFuture.completedFuture(7L);
      }

      @Override
      public CompletableFuture<String> sendRawTransaction(byte[] raw) {
        return node.sendRawTransaction(raw);
      }
    });
    Submission again = fresh.submit(ACCOUNT, n -> sign(n, 99)).get();
    assertTrue(again.alreadyKnown());
    assertEquals(tx.hash(), again.hash());
    assertEquals(7, again.nonce());
  }

  @Test
  void lostAnswerIsResentAndCountsOnce() throws Exception {
    FakeNode node = new FakeNode(0);
    node.failTransportTimes = 1;
    node.swallowThenTransport = true; // the first send arrived, its answer did not
    NonceManager m = NonceManager.create(node);
    Submission s = m.submit(ACCOUNT, n -> sign(n, 5)).get();
    assertEquals(0, s.nonce());
    assertTrue(s.alreadyKnown());
    assertEquals(2, s.attempts());
    // mined meanwhile, then the answer is lost again: "nonce too low" on resend, but the hash is known
    node.failTransportTimes = 1;
    NonceManager m2 = NonceManager.create(new NonceSource() {
      @Override
      public CompletableFuture<Long> pendingNonce(String a) {
        return node.pendingNonce(a);
      }

      @Override
      public CompletableFuture<String> sendRawTransaction(byte[] raw) {
        return node.sendRawTransaction(raw).whenComplete((h, t) -> node.mine());
      }

      @Override
      public CompletableFuture<Boolean> isKnown(String hash) {
        return node.isKnown(hash);
      }
    });
    Submission s2 = m2.submit(ACCOUNT, n -> sign(n, 6)).get();
    assertEquals(1, s2.nonce());
    assertTrue(s2.alreadyKnown());
    assertEquals(2L, node.pendingCount());
  }

  @Test
  void transportFailuresWithoutDeliveryAreRetried() throws Exception {
    FakeNode node = new FakeNode(3);
    node.failTransportTimes = 2;
    NonceManager m = NonceManager.create(node);
    Submission s = m.submit(ACCOUNT, n -> sign(n, 1)).get();
    assertEquals(3, s.nonce());
    assertFalse(s.alreadyKnown());
    assertEquals(3, s.attempts());
  }

  @Test
  void rejectionFreesTheNonceForTheNextSender() throws Exception {
    FakeNode node = new FakeNode(10);
    NonceManager m = NonceManager.create(node);
    NonceManager.Lease held = m.reserve(ACCOUNT).get(); // 10, still out
    node.rejectTimes = 1;
    Throwable t = assertThrows(Exception.class, () -> m.submit(ACCOUNT, n -> sign(n, 1)).get());
    assertTrue(t.getCause() instanceof ChainException, String.valueOf(t));
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, ((ChainException) t.getCause()).kind());
    // 11 was freed and is handed out before 12
    NonceManager.Lease next = m.reserve(ACCOUNT).get();
    assertEquals(11, next.nonce());
    next.release();
    held.release();
    // both back: the counter collapses to 10
    assertEquals(10, m.peekNext(ACCOUNT).getAsLong());
    assertEquals(10, m.reserve(ACCOUNT).get().nonce());
  }

  @Test
  void signerFailureReleasesTheNonce() throws Exception {
    FakeNode node = new FakeNode(0);
    NonceManager m = NonceManager.create(node);
    assertThrows(Exception.class, () -> m.submit(ACCOUNT, n -> {
      throw new IllegalStateException("signer offline");
    }).get());
    assertThrows(Exception.class, () -> m.submit(ACCOUNT, n -> sign(n + 1, 0)).get());
    assertEquals(0, m.submit(ACCOUNT, n -> sign(n, 0)).get().nonce());
  }

  @Test
  void droppedTransactionGapIsRefilled() throws Exception {
    FakeNode node = new FakeNode(0);
    NonceManager m = NonceManager.create(node);
    for (int i = 0; i < 3; i++) {
      m.submit(ACCOUNT, n -> sign(n, 0)).get();
    }
    node.mine();
    m.submit(ACCOUNT, n -> sign(n, 0)).get(); // 3
    m.submit(ACCOUNT, n -> sign(n, 0)).get(); // 4
    synchronized (node) {
      node.pending.remove(3L); // the node dropped 3; 4 is stuck behind it
    }
    assertEquals(3L, m.resync(ACCOUNT).get());
    Submission refill = m.submit(ACCOUNT, n -> sign(n, 1)).get();
    assertEquals(3, refill.nonce());
    node.mine();
    assertEquals(5L, node.pendingCount());
    assertEquals(5, m.submit(ACCOUNT, n -> sign(n, 0)).get().nonce());
    // explicit report of a drop
    m.dropped(ACCOUNT, 5);
    assertEquals(5, m.reserve(ACCOUNT).get().nonce());
  }

  @Test
  void restartStartsFromTheNodesPendingCount() throws Exception {
    FakeNode node = new FakeNode(0);
    NonceManager first = NonceManager.create(node);
    for (int i = 0; i < 5; i++) {
      first.submit(ACCOUNT, n -> sign(n, 0)).get();
    }
    NonceManager second = NonceManager.create(node); // a restarted process, txs still pending
    assertEquals(5, second.submit(ACCOUNT, n -> sign(n, 0)).get().nonce());
  }

  /** The fake node answering blocking sends on the caller's thread, recording which threads sent. */
  final class InlineNode extends FakeNode {
    final Set<String> sendThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    InlineNode(long start) {
      super(start);
    }

    @Override
    public String sendRawTransactionBlocking(byte[] tx) {
      sendThreads.add(Thread.currentThread().getName());
      try {
        return sendRawTransaction(tx).join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
      }
    }
  }

  @Test
  void blockingSubmitsFromManyThreadsGetUniqueGaplessNoncesOnTheirOwnThreads() throws Exception {
    InlineNode node = new InlineNode(100);
    NonceManager m = NonceManager.create(node);
    ExecutorService senders = Executors.newFixedThreadPool(16, r -> new Thread(r, "sender-" + r.hashCode()));
    List<java.util.concurrent.Future<Submission>> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int tag = i;
      all.add(senders.submit(() -> m.submitBlocking(ACCOUNT, n -> sign(n, tag))));
    }
    TreeSet<Long> nonces = new TreeSet<>();
    for (java.util.concurrent.Future<Submission> f : all) {
      assertTrue(nonces.add(f.get().nonce()));
    }
    senders.shutdown();
    assertEquals(100L, nonces.first());
    assertEquals(499L, nonces.last());
    assertFalse(node.sendThreads.isEmpty());
    for (String t : node.sendThreads) {
      assertTrue(t.startsWith("sender-"), "sent from " + t);
    }
    assertEquals(0L, m.stats(ACCOUNT).get("outstanding"));
  }

  @Test
  void blockingSubmitHandlesTheNodesAnswersLikeSubmit() throws Exception {
    InlineNode node = new InlineNode(0);
    NonceManager m = NonceManager.create(node);
    assertEquals(0, m.submitBlocking(ACCOUNT, n -> sign(n, 1)).nonce());
    node.mine();
    node.externalSends(2); // nonce too low: resynchronise and retry
    Submission s = m.submitBlocking(ACCOUNT, n -> sign(n, 2));
    assertEquals(3, s.nonce());
    assertEquals(2, s.attempts());
    node.failTransportTimes = 1;
    node.swallowThenTransport = true; // lost answer: the resend is "already known"
    Submission lost = m.submitBlocking(ACCOUNT, n -> sign(n, 3));
    assertTrue(lost.alreadyKnown());
    assertEquals(4, lost.nonce());
    node.rejectTimes = 1; // a rejection is thrown as is, not wrapped, and frees the nonce
    ChainException e = assertThrows(ChainException.class, () -> m.submitBlocking(ACCOUNT, n -> sign(n, 4)));
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, e.kind());
    assertEquals(5, m.submitBlocking(ACCOUNT, n -> sign(n, 5)).nonce());
    IllegalStateException signerDown = assertThrows(IllegalStateException.class,
        () -> m.submitBlocking(ACCOUNT, n -> {
          throw new IllegalStateException("signer offline");
        }));
    assertEquals("signer offline", signerDown.getMessage());
    assertEquals(6, m.submitBlocking(ACCOUNT, n -> sign(n, 6)).nonce());
    assertThrows(ChainException.class, () -> m.submitBlocking(ACCOUNT, null));
    // every send, resyncs and resends included, ran on this thread
    assertEquals(Set.of(Thread.currentThread().getName()), node.sendThreads);
  }

  @Test
  void blockingSubmitOfAnInterruptedCallerIsNotResentAfterATransportFailure() {
    InlineNode node = new InlineNode(0);
    NonceManager m = NonceManager.create(node);
    assertEquals(0, m.submitBlocking(ACCOUNT, n -> sign(n, 1)).nonce());
    node.failTransportTimes = 3;
    Thread.currentThread().interrupt();
    try {
      assertThrows(RuntimeException.class, () -> m.submitBlocking(ACCOUNT, n -> sign(n, 2)));
    } finally {
      Thread.interrupted();
    }
    assertEquals(2, node.sends.get(), "one send for the first transaction, one (not five) for the second");
  }

  @Test
  void invalidInputIsTyped() {
    FakeNode node = new FakeNode(0);
    assertThrows(ChainException.class, () -> NonceManager.create(null));
    assertThrows(ChainException.class, () -> NonceManager.create(node, 0));
    NonceManager m = NonceManager.create(node);
    assertThrows(ChainException.class, () -> m.reserve("0x12"));
    assertThrows(ChainException.class, () -> m.submit(ACCOUNT, null));
  }

  @Test
  void errorClassification() {
    assertEquals(NodeErrors.Kind.ALREADY_KNOWN, NodeErrors.classify(new RuntimeException("already known")));
    assertEquals(NodeErrors.Kind.ALREADY_KNOWN,
        NodeErrors.classify(new CompletionException(new RuntimeException("transaction already imported"))));
    assertEquals(NodeErrors.Kind.NONCE_TOO_LOW, NodeErrors.classify(new RuntimeException("Nonce too low")));
    assertEquals(NodeErrors.Kind.REPLACEMENT_UNDERPRICED,
        NodeErrors.classify(new RuntimeException("replacement transaction underpriced")));
    assertEquals(NodeErrors.Kind.TRANSPORT, NodeErrors.classify(new IOException("reset")));
    assertEquals(NodeErrors.Kind.TRANSPORT, NodeErrors.classify(
        new ChainException(ChainError.of(ErrorKind.TIMEOUT, null, "no answer"))));
    assertEquals(NodeErrors.Kind.REJECTED, NodeErrors.classify(new RuntimeException("insufficient funds")));
  }

  @Test
  void replacementFees() {
    assertEquals(BigInteger.valueOf(110), ReplacementFees.bump(BigInteger.valueOf(100), 10));
    assertEquals(BigInteger.valueOf(112), ReplacementFees.bump(BigInteger.valueOf(101), 10)); // 111.1 rounded up
    assertEquals(BigInteger.ONE, ReplacementFees.bump(BigInteger.ZERO, 10));
    ReplacementFees r = ReplacementFees.eip1559(BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(1_000_000_000L),
        BigInteger.valueOf(20_000_000_000L), BigInteger.valueOf(2_000_000_000L), 10);
    assertEquals(BigInteger.valueOf(33_000_000_000L), r.maxFeePerGas());
    assertEquals(BigInteger.valueOf(2_000_000_000L), r.maxPriorityFeePerGas()); // the market is higher
    assertEquals(BigInteger.valueOf(150), ReplacementFees.legacy(BigInteger.valueOf(100), BigInteger.valueOf(150), 10));
    assertThrows(ChainException.class, () -> ReplacementFees.bump(BigInteger.TEN, 5));
    assertThrows(ChainException.class, () -> ReplacementFees.bump(BigInteger.valueOf(-1), 10));
  }
}
