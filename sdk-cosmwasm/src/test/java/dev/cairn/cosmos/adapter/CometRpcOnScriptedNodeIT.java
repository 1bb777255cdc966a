package dev.cairn.cosmos.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.rpc.CometTxListener;
import dev.cairn.transport.TransportException;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CometBFT 0.38 RPC client and its Tx event subscription against the {@link
 * dev.cairn.cosmos.testsupport.ScriptedCosmosNode} (an emulator of the documented shapes, not a
 * node), with transactions the adapter built and signed.
 */
class CometRpcOnScriptedNodeIT {
  @Test
  void broadcastOverRpcAndSeeTheTxEventAndLookup() throws Exception {
    try (CosmosTestChain chain = new CosmosTestChain();
         CometRpcClient rpc = CometRpcClient.create(chain.node.rpcUrl(), chain.adapter.chainId());
         WsRpcClient ws = WsRpcClient.builder(chain.node.wsUrl()).build();
         SoftwareSigner alice = chain.fundedSigner()) {
      CosmosChainAdapter a = chain.adapter;
      String sender = a.accountOf(alice).address();
      assertEquals(CosmosTestChain.CHAIN, rpc.status().network());
      assertTrue(rpc.status().latestBlockHeight() >= 1);
      LinkedBlockingQueue<TxResult> seen = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<Exception> errors = new LinkedBlockingQueue<>();
      WsSubscription sub = CometRpcClient.subscribeTxs(ws, CometRpcClient.txQueryBySender(sender), new CometTxListener() {
        @Override
        public void onTx(TxResult tx) {
          seen.add(tx);
        }

        @Override
        public void onError(TransportException error) {
          errors.add(error);
        }
      });
      long until = System.nanoTime() + 10_000_000_000L;
      while (chain.node.subscriptions() == 0 && System.nanoTime() < until) {
        Thread.sleep(10); // the subscription is acknowledged asynchronously
      }
      assertEquals(1, chain.node.subscriptions());
      UnsignedTransaction u = a.build(TransactionRequest.transfer(a.accountOf(alice),
          a.accountOf(chain.fundedSigner()), Amount.of(42, CosmosTestChain.STAKE)).withSigner(alice.descriptor()))
          .get(30, TimeUnit.SECONDS);
      byte[] signed = ((CosmosTransaction) u).sign(List.of(alice)).encoded();
      BroadcastResult r = rpc.broadcastTxSync(signed);
      assertTrue(r.isAccepted(), r.toString());
      TxResult event = seen.poll(10, TimeUnit.SECONDS);
      assertTrue(errors.isEmpty(), String.valueOf(errors));
      assertTrue(event != null, "no Tx event");
      assertEquals(r.txHash(), event.txHash());
      assertTrue(event.isSuccess());
      TxResult looked = rpc.tx(r.txHash()).get();
      assertEquals(event.height(), looked.height());
      assertEquals(event.gasUsed(), looked.gasUsed());
      assertEquals(a.rest().tx(r.txHash()).get().height(), looked.height(), "REST and RPC agree");
      // the same bytes again: refused; a stale sequence over RPC: code 32 with the SDK's log
      BroadcastResult again = rpc.broadcastTxSync(signed);
      assertFalse(again.isAccepted());
      UnsignedTransaction stale = a.build(TransactionRequest.transfer(a.accountOf(alice),
          a.accountOf(chain.fundedSigner()), Amount.of(43, CosmosTestChain.STAKE)).withNonce(0).withFee(
          dev.cairn.core.chain.Fee.of(CosmosTestChain.STAKE, 200_000, new java.math.BigDecimal("0.025"),
              java.math.BigDecimal.ZERO, java.math.BigInteger.ZERO)).withSigner(alice.descriptor()))
          .get(30, TimeUnit.SECONDS);
      BroadcastResult mismatch = rpc.broadcastTxSync(((CosmosTransaction) stale).sign(List.of(alice)).encoded());
      assertEquals(32, mismatch.code());
      assertEquals(ErrorKind.NONCE_MISMATCH, mismatch.error(a.chainId()).get().kind());
      assertEquals("account sequence mismatch, expected 1, got 0: incorrect account sequence", mismatch.log());
      assertFalse(rpc.tx("AB".repeat(32)).isPresent());
      sub.close();
    }
  }
}
