package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.CallPayload;
import dev.cairn.core.chain.CallResult;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.ContractCall;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.VmDispatcher;
import dev.cairn.core.signer.Signer;
import dev.cairn.cosmos.adapter.CosmosChainAdapter;
import dev.cairn.cosmos.client.GasPrice;
import java.time.Duration;
import java.util.List;

/** The package-info example of sdk-cosmwasm's chain adapter (stream cosmosadapter), compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CosmosAdapterSnippets {
  private CosmosAdapterSnippets() {}

  static void adapter(Signer signer, AccountId to, AccountId counter) throws Exception {
    // region:dev.cairn.cosmos.adapter
    try (CosmosChainAdapter cosmos = CosmosChainAdapter.builder("http://127.0.0.1:1317", "cosmoshub-4")
        .prefix("cosmos").denomination(Denomination.ATOM).gasPrice(GasPrice.parse("0.025uatom")).build()) {
      // a transfer: account number and sequence fetched, gas simulated x 1.3, timeout height latest + 100
      TransactionRequest send = TransactionRequest.transfer(cosmos.accountOf(signer), to,
          Amount.of(1_000, Denomination.ATOM)).withSigner(signer.descriptor());
      PendingTransaction sent = cosmos.build(send).thenCompose(tx -> cosmos.sign(tx, signer))
          .thenCompose(cosmos::send).get();
      TxReceipt receipt = cosmos.waitFor(sent, Finality.included(), Duration.ofSeconds(60)).get();
      // contracts through the VM dispatcher: invoke = MsgExecuteContract (with funds), query = smart query
      VmDispatcher vm = VmDispatcher.over(ChainRegistry.create().register(cosmos));
      CallResult<Void> done = vm.<Void>invoke(ContractCall.of(counter, CallPayload.cosmWasm("{\"increment\":{}}"),
          List.of(Amount.of(10, Denomination.ATOM))), signer, null).get();
      String count = vm.query(ContractCall.of(counter, CallPayload.cosmWasm("{\"get_count\":{}}"))).get().rawUtf8();
      // many threads, one account: sequences handed out in order, mismatches re-signed
      PendingTransaction next = cosmos.submit(send, signer).get();
    }
    // endregion
  }
}
