package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.signer.Signer;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.adapter.SvmChainAdapter;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** The package-info example of sdk-svm's chain adapter package, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class SvmAdapterSnippets {
  private SvmAdapterSnippets() {}

  static void adapter(Signer signer, Pubkey recipient) {
    // region:dev.cairn.svm.adapter
    try (SvmChainAdapter solana = SvmChainAdapter.connect("http://127.0.0.1:8899")) {
      TransactionRequest pay = TransactionRequest.transfer(
              solana.accountOf(signer), solana.accountOf(recipient), Amount.of(10_000_000L, Denomination.SOL))
          .withSigner(signer.descriptor());
      SignedTransaction signed = solana.build(pay).thenCompose(tx -> solana.sign(tx, signer)).join();
      try {
        TxReceipt receipt = solana.sendAndConfirm(signed, Finality.confirmed(), Duration.ofSeconds(90)).join();
        System.out.println(receipt.transactionId() + " in slot " + receipt.height());
      } catch (CompletionException e) {
        if (e.getCause() instanceof ChainException && ((ChainException) e.getCause()).kind() == ErrorKind.EXPIRED) {
          // never landed and never will: build and sign again with a fresh blockhash
        }
      }
    }
    // endregion
  }
}
