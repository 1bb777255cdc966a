package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.GasEstimate;
import dev.cairn.cosmos.client.GasPrice;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.errors.CosmosErrors;
import dev.cairn.cosmos.rest.CosmosAccount;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.sequence.SequencedSender;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import java.time.Duration;

/** The package-info examples of sdk-cosmwasm's clients (stream cosmosclient), compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CosmosClientSnippets {
  private CosmosClientSnippets() {}

  static byte[] signedTx(long accountNumber, long sequence) {
    return new byte[] {1};
  }

  static void client() {
    // region:dev.cairn.cosmos.client
    GasEstimate est = GasEstimate.of(200000, 83456);
    long gasLimit = est.gasLimit();                              // 108493 = ceil(83456 * 1.3)
    Coin fee = GasPrice.parse("0.025uatom").fee(gasLimit);       // 2713uatom
    // endregion
  }

  static void rest() {
    // region:dev.cairn.cosmos.rest
    try (CosmosRestClient rest = CosmosRestClient.create("http://127.0.0.1:1317", ChainId.cosmos("testing"))) {
      CosmosAccount acct = rest.account("cosmos1...").orElseThrow();
      byte[] txBytes = signedTx(acct.accountNumber(), acct.sequence());
      GasEstimate est = rest.simulate(txBytes);
      BroadcastResult sent = rest.broadcast(txBytes);
      TxResult included = rest.waitForInclusion(sent.txHash(), 0, Duration.ofSeconds(60), Duration.ofSeconds(1));
      String count = rest.smartQuery("cosmos1contract...", "{\"get_count\":{}}");
    }
    // endregion
  }

  static void rpc() {
    // region:dev.cairn.cosmos.rpc
    try (CometRpcClient rpc = CometRpcClient.create("http://127.0.0.1:26657", ChainId.cosmos("testing"));
         WsRpcClient ws = WsRpcClient.connect("ws://127.0.0.1:26657/websocket")) {
      long height = rpc.status().latestBlockHeight();
      WsSubscription sub = CometRpcClient.subscribeTxs(ws, CometRpcClient.txQueryBySender("cosmos1..."),
          tx -> System.out.println(tx.txHash() + " at " + tx.height()));
    }
    // endregion
  }

  static void errors() {
    // region:dev.cairn.cosmos.errors
    ChainError e = CosmosErrors.abci(ChainId.cosmos("cosmoshub-4"), "sdk", 32,
        "account sequence mismatch, expected 7, got 6: incorrect account sequence", null);
    ErrorKind kind = e.kind();                                            // NONCE_MISMATCH
    long expected = CosmosErrors.expectedSequence(e).getAsLong();         // 7
    // endregion
  }

  static void sequence() {
    // region:dev.cairn.cosmos.sequence
    SequencedSender sender = SequencedSender.create(() -> 7L, tx -> BroadcastResult.of("AB", 0, "", ""),
        ChainId.cosmos("testing"));
    SequencedSender.Outcome o = sender.send(seq -> new byte[] {(byte) seq});
    long used = o.sequence(); // 7
    // endregion
  }
}
