package dev.cairn.cosmos.sequence;

import static dev.cairn.cosmos.testsupport.FixtureServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.testsupport.FixtureServer;
import dev.cairn.cosmos.testsupport.Fixtures;
import dev.cairn.cosmos.testsupport.Tx;
import dev.cairn.transport.RestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sequences for concurrent senders, against a scripted node that enforces them like CheckTx does. */
class SequencedSenderTest {
  static final ChainId CHAIN = ChainId.cosmos("testing");

  @Test
  void allocatorHandsOutDistinctSequencesUnderConcurrency() throws Exception {
    SequenceAllocator a = SequenceAllocator.startingAt(100);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      fs.add(pool.submit(() -> {
        for (int i = 0; i < 1000; i++) {
          assertTrue(seen.add(a.next()));
        }
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    assertEquals(8000, seen.size());
    assertEquals(100, Collections.min(seen));
    assertEquals(8099, Collections.max(seen));
    assertEquals(8100, a.peek());
  }

  @Test
  void releaseAndResync() {
    SequenceAllocator a = SequenceAllocator.startingAt(5);
    assertEquals(5, a.next());
    assertTrue(a.release(5), "the last one handed out is reused");
    assertEquals(5, a.next());
    assertEquals(6, a.next());
    assertEquals(7, a.next());
    long epoch = a.epoch();
    assertFalse(a.release(6), "7 was handed out after 6: it is now ahead of the chain");
    assertEquals(6, a.peek());
    assertTrue(a.epoch() > epoch);
    assertFalse(a.release(9), "never handed out");
    a.resync(12);
    assertEquals(12, a.next());
    assertThrows(dev.cairn.cosmos.CosmosException.class, () -> a.resync(-1));
  }

  /**
   * A node enforcing sequences: CheckTx accepts sequence == expected (and consumes it), answers
   * "account sequence mismatch, expected E, got G" otherwise, refuses some transactions for an
   * insufficient fee on their first try (sequence not consumed), and now and then another wallet
   * of the same account lands transactions (the expected sequence jumps).
   */
  static final class SequenceNode {
    long expected = 7;
    final Map<String, Long> acceptedIdToSeq = new ConcurrentHashMap<>();
    final Set<Long> external = Collections.synchronizedSet(new TreeSet<>());
    final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    int accepted;

    synchronized String checkTx(String tx) {
      String[] parts = tx.split(";");
      long seq = Long.parseLong(parts[0].substring("seq=".length()));
      String id = parts[1].substring("id=".length());
      if (seq != expected) {
        return "{\"code\":32,\"codespace\":\"sdk\",\"raw_log\":\"account sequence mismatch, expected " + expected + ", got "
            + seq + ": incorrect account sequence\"}";
      }
      if (Integer.parseInt(id.substring(id.indexOf('-') + 1)) % 7 == 3 && refusedOnce.add(id)) {
        return "{\"code\":13,\"codespace\":\"sdk\",\"raw_log\":\"insufficient fees; got: 1uatom required: 2713uatom: insufficient fee\"}";
      }
      if (acceptedIdToSeq.putIfAbsent(id, seq) != null) {
        throw new IllegalStateException("transaction " + id + " accepted twice");
      }
      expected++;
      accepted++;
      if (accepted % 25 == 0) {
        // another wallet of this account lands two transactions
        external.add(expected);
        external.add(expected + 1);
        expected += 2;
      }
      return "{\"code\":0,\"codespace\":\"\",\"raw_log\":\"\"}";
    }

    synchronized long committed() {
      return expected;
    }
  }

  @Test
  void concurrentSendersOverRestStayInSequenceAndRecover() throws Exception {
    SequenceNode node = new SequenceNode();
    try (FixtureServer s = new FixtureServer(r -> {
      if (r.target.startsWith("/cosmos/auth/v1beta1/accounts/")) {
        return ok(Fixtures.read("sdk-0.50", "account-base.json")); // sequence 7
      }
      byte[] tx = Tx.decode(r.json().get("tx_bytes").asText());
      String verdict = node.checkTx(new String(tx, StandardCharsets.UTF_8));
      return ok("{\"tx_response\":{\"height\":\"0\",\"txhash\":\"" + Tx.hash(tx) + "\",\"data\":\"\",\"logs\":[],"
          + "\"info\":\"\",\"gas_wanted\":\"0\",\"gas_used\":\"0\",\"tx\":null,\"timestamp\":\"\",\"events\":[],"
          + verdict.substring(1) + "}");
    }); CosmosRestClient rest = CosmosRestClient.of(RestClient.builder(s.url()).timeout(Duration.ofSeconds(10)).build(), CHAIN)) {
      AtomicInteger signs = new AtomicInteger();
      AtomicInteger refusedResyncs = new AtomicInteger();
      SequencedSender sender = SequencedSender.create(
          () -> rest.account("cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu").orElseThrow().sequence(), rest::broadcast, CHAIN, 10);
      int threads = 8;
      int perThread = 15;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<SequencedSender.Outcome>>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        fs.add(pool.submit(() -> {
          List<SequencedSender.Outcome> out = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            String id = thread + "-" + i;
            SequencedSender.Outcome o = sender.send(seq -> {
              signs.incrementAndGet();
              return ("seq=" + seq + ";id=" + id).getBytes(StandardCharsets.UTF_8);
            });
            if (!o.result().isAccepted()) {
              // refused by CheckTx: the caller fixes the fee and sends again; the sequence was not consumed
              assertEquals(ErrorKind.REJECTED_BY_NODE, o.result().error(CHAIN).orElseThrow().kind());
              refusedResyncs.addAndGet(o.resyncs());
              o = sender.send(seq -> ("seq=" + seq + ";id=" + id).getBytes(StandardCharsets.UTF_8));
            }
            out.add(o);
          }
          return out;
        }));
      }
      List<SequencedSender.Outcome> all = new ArrayList<>();
      for (Future<List<SequencedSender.Outcome>> f : fs) {
        all.addAll(f.get());
      }
      pool.shutdown();
      assertEquals(threads * perThread, all.size());
      Set<Long> used = new HashSet<>();
      int resyncs = refusedResyncs.get();
      for (SequencedSender.Outcome o : all) {
        assertTrue(o.result().isAccepted(), o.toString());
        assertTrue(used.add(o.sequence()), "sequence " + o.sequence() + " used twice");
        resyncs += o.resyncs();
      }
      assertEquals(threads * perThread, node.acceptedIdToSeq.size());
      // every sequence from 7 to the node's current one was used exactly once, by us or the other wallet
      Set<Long> everything = new TreeSet<>(used);
      everything.addAll(node.external);
      assertEquals(node.committed() - 7, everything.size());
      assertEquals(7L, ((TreeSet<Long>) everything).first());
      assertEquals(node.committed() - 1, (long) ((TreeSet<Long>) everything).last());
      assertEquals(node.external.size() / 2, resyncs, "each landing of the other wallet forced exactly one re-sign");
      assertTrue(signs.get() > threads * perThread, "re-signing happened through the caller's signer");
      assertEquals(node.committed(), sender.nextSequence());
    }
  }

  @Test
  void mismatchesBeyondTheLimitAndSignerFailuresConsumeNothing() {
    AtomicInteger calls = new AtomicInteger();
    SequencedSender sender = SequencedSender.create(() -> 3, tx -> {
      calls.incrementAndGet();
      return BroadcastResult.of(Tx.hash(tx), 32, "sdk", "account sequence mismatch, expected 99, got 3: incorrect account sequence");
    }, CHAIN, 2);
    ChainException e = assertThrows(ChainException.class, () -> sender.send(seq -> new byte[] {(byte) seq}));
    assertEquals(ErrorKind.NONCE_MISMATCH, e.kind());
    assertEquals(3, calls.get(), "first try and two re-signs");
    assertEquals(99, sender.nextSequence(), "the last mismatch's sequence was released for the next sender");

    SequencedSender ok = SequencedSender.create(() -> 10, tx -> BroadcastResult.of(Tx.hash(tx), 0, "", ""), CHAIN);
    assertThrows(IllegalStateException.class, () -> ok.send(seq -> {
      throw new IllegalStateException("device unplugged");
    }));
    assertEquals(10, ok.send(seq -> new byte[] {1}).sequence(), "the failed signing consumed nothing");
    assertEquals(11, ok.send(seq -> new byte[] {2}).sequence());

    AtomicInteger attempt = new AtomicInteger();
    SequencedSender flaky = SequencedSender.create(() -> 20, tx -> {
      switch (attempt.incrementAndGet()) {
        case 1: throw dev.cairn.transport.TransportException.connect("POST /cosmos/tx/v1beta1/txs", "refused", null);
        case 2: throw dev.cairn.transport.TransportException.io("POST /cosmos/tx/v1beta1/txs", "reset", null);
        default: return BroadcastResult.of(Tx.hash(tx), 0, "", "");
      }
    }, CHAIN);
    assertThrows(dev.cairn.transport.TransportException.class, () -> flaky.send(seq -> new byte[] {3}));
    assertEquals(20, flaky.nextSequence(), "never sent: not consumed");
    assertThrows(dev.cairn.transport.TransportException.class, () -> flaky.send(seq -> new byte[] {4}));
    assertEquals(21, flaky.nextSequence(), "may have reached the node: presumed consumed");
    assertEquals(21, flaky.send(seq -> new byte[] {5}).sequence());
  }
}
