package dev.cairn.evm;

import static dev.cairn.evm.testing.TestContracts.devAddress;
import static dev.cairn.evm.testing.TestContracts.devSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedLog;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Log;
import dev.cairn.evm.rpc.LogFilter;
import dev.cairn.evm.rpc.ws.EvmWsClient;
import dev.cairn.evm.rpc.ws.Subscription;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.evm.tx.Transaction;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** newHeads and logs subscriptions over anvil's WebSocket (same port as HTTP), and newHeads driving the receipt waiter. */
@ExtendWith(AnvilExtension.class)
class SubscriptionIT {

  @Test
  void newHeadsAndTransferLogs(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = TestContracts.adapter(anvil); EvmWsClient ws = EvmWsClient.connect(anvil.wsUrl())) {
      ContractAbi abi = TestContracts.tokenAbi();
      Address token = adapter.deploy(devSigner(0), TestContracts.tokenInitCode("Sub", "SUB", 6, BigInteger.valueOf(1_000_000)),
          Duration.ofSeconds(30)).get().contractAddress().orElseThrow();
      LinkedBlockingQueue<BlockHeader> heads = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<Log> logs = new LinkedBlockingQueue<>();
      try (Subscription h = ws.subscribeNewHeads(head -> {
            heads.add(head);
            adapter.receipts().onNewHead();
          });
          Subscription l = ws.subscribeLogs(LogFilter.builder().address(token)
              .topic(0, Hash32.of(abi.event("Transfer").orElseThrow().topic0())).build(), logs::add)) {
        long before = anvil.blockNumber();
        anvil.mine(3);
        for (int i = 1; i <= 3; i++) {
          BlockHeader head = heads.poll(10, TimeUnit.SECONDS);
          assertTrue(head != null, "head " + i);
          assertEquals(before + i, head.numberOrMinusOne());
        }
        Address bob = devAddress(4);
        var s = adapter.submit(Transaction.eip1559().gasLimit(100_000).maxFeePerGas(BigInteger.valueOf(30_000_000_000L))
            .maxPriorityFeePerGas(BigInteger.ONE).to(token)
            .data(abi.function("transfer").orElseThrow().encodeCall(bob, BigInteger.valueOf(77))), devSigner(0)).get();
        Log log = logs.poll(10, TimeUnit.SECONDS);
        assertTrue(log != null, "Transfer log");
        assertEquals(Hash32.parse(s.hash()), log.transactionHash().orElseThrow());
        List<byte[]> topics = new ArrayList<>();
        log.topics().forEach(t -> topics.add(t.bytes()));
        DecodedLog d = abi.decodeLog(topics, log.data());
        assertEquals(bob, d.get("to"));
        assertEquals(BigInteger.valueOf(77), d.get("value"));
        // a slow-polling waiter completes quickly because newHeads pokes it
        try (EvmChainAdapter slow = EvmChainAdapter.builder(adapter.rpc()).receiptPollInterval(Duration.ofMinutes(5)).build()) {
          var s2 = slow.submit(Transaction.eip1559().gasLimit(21_000).maxFeePerGas(BigInteger.valueOf(30_000_000_000L))
              .maxPriorityFeePerGas(BigInteger.ONE).to(bob).value(1), devSigner(5)).get();
          CompletableFuture<ConfirmedReceipt> f = slow.awaitReceipt(s2.hash(), 2, Duration.ofSeconds(30));
          try (Subscription poke = slow.receipts().followNewHeads(ws)) {
            Thread.sleep(300);
            anvil.mine(1);
            assertEquals(2, f.get(10, TimeUnit.SECONDS).confirmations());
          }
        }
      }
    }
  }
}
