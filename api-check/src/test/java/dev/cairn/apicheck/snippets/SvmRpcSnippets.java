package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.ProgramError;
import dev.cairn.svm.errors.ProgramErrorDecoder;
import dev.cairn.svm.errors.SvmErrors;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.LatestBlockhash;
import dev.cairn.svm.rpc.SendOptions;
import dev.cairn.svm.rpc.SignatureStatus;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.rpc.SvmRpcErrors;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.svm.rpc.AccountEncoding;
import dev.cairn.svm.ws.AccountNotification;
import dev.cairn.svm.ws.SvmSubscriptions;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import java.util.List;
import java.util.Optional;

/** The package-info examples of the svmrpc stream's packages, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class SvmRpcSnippets {
  private SvmRpcSnippets() {}

  static void rpc(String url, Keypair payer, Pubkey recipient, ChainId cluster) {
    // region:dev.cairn.svm.rpc
    try (SvmRpcClient rpc = SvmRpcClient.builder(url).commitment(Commitment.CONFIRMED).build()) {
      LatestBlockhash bh = rpc.getLatestBlockhash().send();
      Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
          List.of(SystemProgram.transfer(payer.publicKey(), recipient, 1_000_000L)), bh.blockhash())).sign(payer);
      try {
        String signature = rpc.sendTransaction(tx, SendOptions.defaults().maxRetries(0)).send();
        Optional<SignatureStatus> status = rpc.getSignatureStatuses(List.of(signature)).send().get(0);
      } catch (TransportException e) {
        ChainError error = SvmRpcErrors.toChainError(e, cluster, tx);  // EXPIRED, INSUFFICIENT_FUNDS, ...
      }
    }
    // endregion
  }

  static void errors(Pubkey programId, ChainId cluster, Message message, List<String> logs, String signature) {
    // region:dev.cairn.svm.errors
    ProgramErrorDecoder myProgram = ProgramErrorDecoder.forProgram(programId,
        (program, code) -> code == 6000
            ? Optional.of(ProgramError.of("Unauthorized", "signer is not the admin", null))
            : Optional.empty());
    SvmErrors errors = SvmErrors.standard().with(myProgram);
    ChainError e = errors.toChainError(cluster, TransactionError.parse("{\"InstructionError\":[1,{\"Custom\":1}]}"),
        message, logs, signature);
    // e.kind() == INSUFFICIENT_FUNDS when instruction 1 is a Token transfer; e.revertReason() == "InsufficientFunds"
    // endregion
  }

  static void ws(String wsUrl, Pubkey wallet) {
    // region:dev.cairn.svm.ws
    try (SvmSubscriptions subs = SvmSubscriptions.builder(wsUrl).commitment(Commitment.CONFIRMED).build()) {
      WsSubscription watch = subs.accountSubscribe(wallet, AccountEncoding.BASE64, new WsSubscriptionListener<>() {
        public void onEvent(AccountNotification n) {
          System.out.println(n.slot() + ": " + n.account().lamports());
        }

        public void onResubscribed(WsGap gap) {
          System.out.println("reconnected after " + gap.downtime() + "; re-read the balance");
        }
      });
    }
    // endregion
  }
}
