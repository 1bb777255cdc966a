package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.signer.Signer;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.Any;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.Messages;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxBody;
import dev.cairn.cosmos.tx.TxRaw;
import dev.cairn.cosmos.tx.TxSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The package-info examples of sdk-cosmwasm's tx and msg packages (stream cosmoscore). */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CosmosCoreSnippets {
  private CosmosCoreSnippets() {}

  static void tx(Signer signer, CosmosPublicKey key, String from, String to, long accountNumber, long sequence) {
    // region:dev.cairn.cosmos.tx
    CosmosTransaction tx = CosmosTransaction.builder("osmosis-1")
        .message(MsgSend.of(from, to, List.of(Coin.of("uosmo", 1_000))))
        .fee(List.of(Coin.of("uosmo", 2_500)), 200_000)
        .memo("rent")
        .signer(TxSigner.of(key, "osmo", accountNumber, sequence, SignMode.DIRECT)) // or AMINO_JSON
        .build();
    SignedCosmosTransaction signed = tx.sign(List.of(signer));
    byte[] txRaw = signed.encoded();          // broadcast these bytes
    String hash = signed.id();                // uppercase hex sha256 of the TxRaw
    TxBody body = TxRaw.decode(txRaw).body(); // messages typed again
    // endregion
  }

  static void msg(String sender, String contract) {
    // region:dev.cairn.cosmos.msg
    CosmosMsg exec = MsgExecuteContract.of(sender, contract,
        "{\"transfer\":{\"recipient\":\"osmo1...\",\"amount\":\"5\"}}".getBytes(StandardCharsets.UTF_8), List.of());
    Any any = exec.toAny();
    CosmosMsg back = Messages.decode(any);   // a MsgExecuteContract again; unknown type URLs give UnknownMsg
    JsonObject json = Messages.toJson(back); // {"typeUrl": ..., "value": {...}} as CosmJS writes it
    JsonObject amino = back.toAmino();       // {"sender": ..., "contract": ..., "msg": {...}, "funds": []}
    // endregion
  }

  static void inspect(CosmosTransaction tx) {
    // region:dev.cairn.cosmos.inspect
    TransactionSummary summary = Inspectors.inspect(tx.signRequest(tx.requiredSigners().get(0)));
    for (TransactionSummary.Action a : summary.actions()) {
      System.out.println(a.type() + " " + a.to().orElse(null) + " " + a.method().orElse(""));
    }
    // endregion
  }
}
