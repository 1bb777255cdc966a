package dev.cairn.evm;

import static dev.cairn.evm.testing.TestContracts.devSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Receipt waiting against anvil: confirmation depth, a reorg that moves the transaction, one that drops it. */
@ExtendWith(AnvilExtension.class)
class ReceiptWaiterIT {

  private static SignedTransaction signed(EvmChainAdapter adapter, int account, long wei) {
    long nonce = adapter.rpc().getTransactionCount(TestContracts.devAddress(account), BlockId.PENDING).send();
    return Transaction.eip1559().chainId(Anvil.CHAIN_ID).nonce(nonce).gasLimit(21_000)
        .maxFeePerGas(BigInteger.valueOf(30_000_000_000L)).maxPriorityFeePerGas(BigInteger.ONE)
        .to(Anvil.DEV_ADDRESSES.get(9)).value(wei).build().sign(devSigner(account));
  }

  /** Counts listener calls and opens latches. */
  static final class Recorder implements ReceiptWaiter.Listener {
    final CountDownLatch included = new CountDownLatch(1);
    final CountDownLatch reorged = new CountDownLatch(1);
    final AtomicInteger inclusions = new AtomicInteger();

    @Override
    public void onIncluded(Receipt receipt) {
      inclusions.incrementAndGet();
      included.countDown();
    }

    @Override
    public void onReorged(Receipt stale) {
      reorged.countDown();
    }
  }

  @Test
  void waitsForTheConfirmationDepth(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil)) {
      SignedTransaction tx = signed(adapter, 1, 1);
      adapter.rpc().sendRawTransaction(tx.encoded()).send();
      Recorder rec = new Recorder();
      CompletableFuture<ConfirmedReceipt> f = adapter.receipts().await(Hash32.of(tx.hash()), 4, Duration.ofSeconds(20), rec);
      assertTrue(rec.included.await(10, TimeUnit.SECONDS));
      Thread.sleep(200);
      assertFalse(f.isDone(), "1 of 4 confirmations");
      anvil.mine(2);
      Thread.sleep(200);
      assertFalse(f.isDone(), "3 of 4 confirmations");
      anvil.mine(1);
      ConfirmedReceipt c = f.get(10, TimeUnit.SECONDS);
      assertEquals(4, c.confirmations());
      assertEquals(0, c.reorgsObserved());
      assertEquals(c.receipt().blockNumber() + 3, c.head());
    }
  }

  @Test
  void reorgThatMovesTheTransactionIsNoticedAndTheNewBlockConfirmed(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil)) {
      SignedTransaction tx = signed(adapter, 2, 2);
      adapter.rpc().sendRawTransaction(tx.encoded()).send();
      Recorder rec = new Recorder();
      CompletableFuture<ConfirmedReceipt> f = adapter.receipts().await(Hash32.of(tx.hash()), 3, Duration.ofSeconds(30), rec);
      assertTrue(rec.included.await(10, TimeUnit.SECONDS));
      Receipt original = adapter.rpc().getTransactionReceipt(Hash32.of(tx.hash())).send().orElseThrow();
      // replace the tip: the same transaction lands in a different block at the same height
      anvil.rpc("anvil_reorg", 1, List.of(List.of(tx.toHex(), 0)));
      Receipt moved = adapter.rpc().getTransactionReceipt(Hash32.of(tx.hash())).send().orElseThrow();
      assertNotEquals(original.blockHash(), moved.blockHash());
      assertTrue(rec.reorged.await(10, TimeUnit.SECONDS), "the waiter noticed the reorg");
      anvil.mine(2);
      ConfirmedReceipt c = f.get(10, TimeUnit.SECONDS);
      assertEquals(moved.blockHash(), c.receipt().blockHash());
      assertTrue(c.reorgsObserved() >= 1);
      assertEquals(3, c.confirmations());
    }
  }

  @Test
  void reorgThatDropsTheTransactionTimesOutSayingSo(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil)) {
      SignedTransaction tx = signed(adapter, 3, 3);
      adapter.rpc().sendRawTransaction(tx.encoded()).send();
      Recorder rec = new Recorder();
      CompletableFuture<ConfirmedReceipt> f = adapter.receipts().await(Hash32.of(tx.hash()), 2, Duration.ofSeconds(3), rec);
      assertTrue(rec.included.await(10, TimeUnit.SECONDS));
      anvil.rpc("anvil_reorg", 1, List.of()); // the tip is replaced by an empty block
      assertTrue(rec.reorged.await(10, TimeUnit.SECONDS));
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
      ChainException ce = assertInstanceOf(ChainException.class, e.getCause());
      assertEquals(ErrorKind.TIMEOUT, ce.kind());
      assertTrue(ce.getMessage().contains("reorged out"), ce.getMessage());
    }
  }
}
