package dev.cairn.evm;

import static dev.cairn.evm.testing.TestContracts.devAddress;
import static dev.cairn.evm.testing.TestContracts.devSigner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.Block;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.transport.TransportException;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipelined HTTP/1.1 channel against a real node (anvil, hyper underneath): concurrent sends
 * from one account, and concurrent mixed reads that must agree with the OkHttp channel's answers.
 */
@ExtendWith(AnvilExtension.class)
class PipelinedChannelIT {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static EvmRpcClient pipelined(Anvil anvil) {
    return EvmRpcClient.builder(anvil.url()).pipelinedHttp1(4).build();
  }

  @Test
  void hundredConcurrentSendsAsyncAndBlockingOverPipelinedConnectionsAllMineWithDistinctNonces(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(pipelined(anvil)).receiptPollInterval(Duration.ofMillis(50))
        .closeRpcOnClose(true).build()) {
      SoftwareSigner signer = devSigner(7);
      long start = adapter.rpc().getTransactionCount(devAddress(7), BlockId.PENDING).send();
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<CompletableFuture<Submission>> subs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int k = i;
        // half through the asynchronous API, half through the blocking one, interleaved
        if (k % 2 == 0) {
          subs.add(CompletableFuture.supplyAsync(() -> adapter.submit(NonceManagerIT.transfer(
              String.format("0x%040x", 0x20000 + k), 1 + k), signer), pool).thenCompose(f -> f));
        } else {
          subs.add(CompletableFuture.supplyAsync(() -> adapter.submitBlocking(NonceManagerIT.transfer(
              String.format("0x%040x", 0x20000 + k), 1 + k), signer), pool));
        }
      }
      TreeSet<Long> nonces = new TreeSet<>();
      List<CompletableFuture<ConfirmedReceipt>> receipts = new ArrayList<>();
      for (CompletableFuture<Submission> f : subs) {
        Submission s = f.get(60, TimeUnit.SECONDS);
        assertTrue(nonces.add(s.nonce()), "duplicate nonce " + s.nonce());
        receipts.add(adapter.awaitReceipt(s.hash(), 1, TIMEOUT));
      }
      pool.shutdown();
      assertEquals(start, nonces.first());
      assertEquals(start + 99, nonces.last());
      for (CompletableFuture<ConfirmedReceipt> r : receipts) {
        assertTrue(r.get(60, TimeUnit.SECONDS).receipt().isSuccess());
      }
      assertEquals(start + 100, adapter.rpc().getTransactionCount(devAddress(7), BlockId.LATEST).send());
    }
  }

  @Test
  void concurrentMixedReadsAgreeWithTheOkHttpChannel(Anvil anvil) throws Exception {
    anvil.mine(3);
    try (EvmRpcClient pipe = pipelined(anvil); EvmRpcClient ok = EvmRpcClient.create(anvil.url())) {
      long head = ok.blockNumber().send();
      Block expectedBlock = ok.getBlockByNumber(BlockId.number(head), true).send().orElseThrow();
      BigInteger expectedBalance = ok.getBalance(devAddress(0), BlockId.number(head)).send();
      byte[] expectedCode = ok.getCode(devAddress(0), BlockId.number(head)).send();
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int id = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            switch ((id + i) % 4) {
              case 0 -> assertEquals(expectedBalance, pipe.getBalance(devAddress(0), BlockId.number(head)).send());
              case 1 -> assertEquals(expectedBlock.header().hash(),
                  pipe.getBlockByNumber(BlockId.number(head), true).send().orElseThrow().header().hash());
              case 2 -> assertArrayEquals(expectedCode, pipe.getCode(devAddress(0), BlockId.number(head)).send());
              default -> assertEquals(Anvil.CHAIN_ID,
                  (long) pipe.chainId().sendAsync().get(30, TimeUnit.SECONDS));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      // JSON-RPC errors come through the pipelined channel typed, like over OkHttp
      TransportException e = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
          () -> pipe.call("eth_noSuchMethod", dev.cairn.transport.ParamsWriter.NONE, p -> null, true).send());
      assertEquals(TransportException.Kind.RPC_ERROR, e.kind());
    }
  }
}
