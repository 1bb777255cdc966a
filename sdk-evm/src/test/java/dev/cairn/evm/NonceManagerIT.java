package dev.cairn.evm;

import static dev.cairn.evm.testing.TestContracts.devAddress;
import static dev.cairn.evm.testing.TestContracts.devSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nonce manager against anvil: concurrent senders, outside interference, resends, replacements. */
@ExtendWith(AnvilExtension.class)
class NonceManagerIT {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static Transaction.Builder transfer(String to, long wei) {
    return Transaction.eip1559().gasLimit(21_000).maxFeePerGas(BigInteger.valueOf(30_000_000_000L))
        .maxPriorityFeePerGas(BigInteger.valueOf(1_000_000_000L)).to(to).value(wei);
  }

  @Test
  void hundredConcurrentSendsFromOneAccountAllMineWithDistinctNonces(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil)) {
      SoftwareSigner signer = devSigner(1);
      long start = adapter.rpc().getTransactionCount(devAddress(1), BlockId.PENDING).send();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<CompletableFuture<Submission>> subs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int k = i;
        subs.add(CompletableFuture.supplyAsync(
            () -> adapter.submit(transfer(String.format("0x%040x", 0x10000 + k), 1 + k), signer),
            pool).thenCompose(f -> f));
      }
      TreeSet<Long> nonces = new TreeSet<>();
      List<CompletableFuture<ConfirmedReceipt>> receipts = new ArrayList<>();
      for (CompletableFuture<Submission> f : subs) {
        Submission s = f.get();
        assertTrue(nonces.add(s.nonce()), "duplicate nonce " + s.nonce());
        receipts.add(adapter.awaitReceipt(s.hash(), 1, TIMEOUT));
      }
      pool.shutdown();
      assertEquals(start, nonces.first());
      assertEquals(start + 99, nonces.last());
      for (CompletableFuture<ConfirmedReceipt> r : receipts) {
        assertTrue(r.get().receipt().isSuccess());
      }
      assertEquals(start + 100, adapter.rpc().getTransactionCount(devAddress(1), BlockId.LATEST).send());
    }
  }

  @Test
  void recoversFromSendsByAnotherProcessAndRestarts(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil)) {
      SoftwareSigner signer = devSigner(2);
      Submission first = adapter.submit(transfer(Anvil.DEV_ADDRESSES.get(3), 1), signer).get();
      // another process sends 3 transactions from the same (unlocked) account
      for (int i = 0; i < 3; i++) {
        anvil.rpc("eth_sendTransaction", Map.of("from", Anvil.DEV_ADDRESSES.get(2), "to", Anvil.DEV_ADDRESSES.get(3), "value", "0x1"));
      }
      Submission next = adapter.submit(transfer(Anvil.DEV_ADDRESSES.get(3), 2), signer).get();
      assertEquals(first.nonce() + 4, next.nonce());
      assertEquals(2, next.attempts(), "one 'nonce too low', then a resynchronised retry");
      assertTrue(adapter.awaitReceipt(next.hash(), 1, TIMEOUT).get().receipt().isSuccess());
      // a restarted process (new adapter) continues from the node's pending nonce
      try (EvmChainAdapter restarted = TestContracts.adapter(anvil)) {
        assertEquals(next.nonce() + 1, restarted.submit(transfer(Anvil.DEV_ADDRESSES.get(3), 3), signer).get().nonce());
      }
    }
  }

  @Test
  void resendOfAPendingTransactionCountsAsSuccessAndReplacementsNeedTheBump(Anvil anvil) throws Exception {
    anvil.rpc("evm_setAutomine", false);
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil)) {
      SoftwareSigner signer = devSigner(6);
      long nonce = adapter.rpc().getTransactionCount(devAddress(6), BlockId.PENDING).send();
      dev.cairn.evm.tx.SignedTransaction tx = transfer(Anvil.DEV_ADDRESSES.get(3), 5).chainId(Anvil.CHAIN_ID).nonce(nonce).build().sign(signer);
      EvmSignedTransaction wrapped = EvmSignedTransaction.of(adapter.chainId(), tx);
      String id1 = adapter.send(wrapped).get().transactionId();
      String id2 = adapter.send(wrapped).get().transactionId(); // the node says it already has it: success, same id
      assertEquals(id1, id2);
      assertEquals(tx.hashHex(), id2);
      // another transaction at the same nonce without higher fees is refused (anvil enforces no minimum
      // bump, unlike geth's 10%, which ReplacementFees follows and the unit tests cover)
      dev.cairn.evm.tx.SignedTransaction cheap = transfer(Anvil.DEV_ADDRESSES.get(3), 6).chainId(Anvil.CHAIN_ID).nonce(nonce)
          .build().sign(signer);
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> adapter.send(EvmSignedTransaction.of(adapter.chainId(), cheap)).get());
      assertTrue(String.valueOf(e.getCause()).toLowerCase().contains("underpriced"), String.valueOf(e.getCause()));
      dev.cairn.evm.nonce.ReplacementFees bumped = dev.cairn.evm.nonce.ReplacementFees.eip1559(
          BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(1_000_000_000L), BigInteger.ZERO, BigInteger.ZERO, 10);
      // cancel: a 0-value transfer to oneself at the same nonce with bumped fees
      dev.cairn.evm.tx.SignedTransaction cancel = Transaction.eip1559().chainId(Anvil.CHAIN_ID).nonce(nonce).gasLimit(21_000)
          .maxFeePerGas(bumped.maxFeePerGas()).maxPriorityFeePerGas(bumped.maxPriorityFeePerGas())
          .to(devAddress(6)).value(0).build().sign(signer);
      String cancelId = adapter.send(EvmSignedTransaction.of(adapter.chainId(), cancel)).get().transactionId();
      anvil.mine(1);
      Receipt r = adapter.awaitReceipt(cancelId, 1, TIMEOUT).get().receipt();
      assertTrue(r.isSuccess());
      assertEquals(devAddress(6), r.to().orElseThrow());
      assertTrue(adapter.rpc().getTransactionReceipt(Hash32.parse(id1)).send().isEmpty(), "the original was replaced");
    } finally {
      anvil.rpc("evm_setAutomine", true);
    }
  }
}
