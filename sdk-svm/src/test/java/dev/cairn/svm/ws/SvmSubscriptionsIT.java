package dev.cairn.svm.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.rpc.AccountEncoding;
import dev.cairn.svm.rpc.AccountFilter;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.SendOptions;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import dev.cairn.transport.ws.WsSubscription;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Subscriptions against LiteSVM behind the testing kit's server (WebSocket on the same port). */
@ExtendWith(LiteSvmExtension.class)
class SvmSubscriptionsIT {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static <T> T next(BlockingQueue<T> q) throws InterruptedException {
    T v = q.poll(20, TimeUnit.SECONDS);
    assertNotNull(v, "no notification within 20 s");
    return v;
  }

  @Test
  void accountSignatureLogsSlotAndProgramNotifications(LiteSvm svm) throws Exception {
    try (SvmRpcClient rpc = SvmRpcClient.builder(svm.url()).commitment(Commitment.CONFIRMED).build();
        SvmSubscriptions subs = SvmSubscriptions.builder(svm.wsUrl()).commitment(Commitment.CONFIRMED).build()) {
      Keypair payer = Keypair.generate(RANDOM);
      rpc.requestAirdrop(payer.publicKey(), 1_000_000_000L).send();
      Pubkey to = Keypair.generate(RANDOM).publicKey();
      BlockingQueue<AccountNotification> accounts = new LinkedBlockingQueue<>();
      BlockingQueue<AccountNotification> program = new LinkedBlockingQueue<>();
      BlockingQueue<LogsNotification> logs = new LinkedBlockingQueue<>();
      BlockingQueue<SlotNotification> slots = new LinkedBlockingQueue<>();
      BlockingQueue<SignatureNotification> sigs = new LinkedBlockingQueue<>();
      BlockingQueue<String> subscribed = new LinkedBlockingQueue<>();
      WsSubscription a = subs.accountSubscribe(to, AccountEncoding.BASE64, new Listener<>(accounts, subscribed, "account"));
      WsSubscription p = subs.programSubscribe(SystemProgram.PROGRAM_ID, List.of(AccountFilter.dataSize(0)), AccountEncoding.BASE64,
          new Listener<>(program, subscribed, "program"));
      WsSubscription l = subs.logsSubscribe(LogsFilter.mentions(to), new Listener<>(logs, subscribed, "logs"));
      WsSubscription s = subs.slotSubscribe(new Listener<>(slots, subscribed, "slot"));
      for (int i = 0; i < 4; i++) {
        next(subscribed);
      }
      Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
          List.of(SystemProgram.transfer(payer.publicKey(), to, 2_000_000L)), rpc.getLatestBlockhash().send().blockhash())).sign(payer);
      WsSubscription sg = subs.signatureSubscribe(tx.id(), new Listener<>(sigs, subscribed, "signature"));
      next(subscribed);
      rpc.sendTransaction(tx, SendOptions.defaults()).send();

      SignatureNotification sn = next(sigs);
      assertEquals(SignatureNotification.processed(sn.slot(), null), sn);
      AccountNotification an = next(accounts);
      assertEquals(to, an.pubkey());
      assertEquals(2_000_000L, an.account().lamports());
      assertEquals(sn.slot(), an.slot());
      LogsNotification ln = next(logs);
      assertEquals(tx.id(), ln.signature());
      assertTrue(ln.logs().contains("Program 11111111111111111111111111111111 success"), ln.logs().toString());
      SlotNotification slot = next(slots);
      assertEquals(slot.parent() + 1, slot.slot());
      boolean sawRecipient = false;
      for (AccountNotification pn; !sawRecipient && (pn = program.poll(20, TimeUnit.SECONDS)) != null; ) {
        sawRecipient = pn.pubkey().equals(to) && pn.account().lamports() == 2_000_000L;
      }
      assertTrue(sawRecipient, "programNotification for the recipient");

      // a failing transaction (without preflight) notifies its error
      Transaction bad = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
          List.of(SystemProgram.transfer(payer.publicKey(), to, 9_000_000_000L)), rpc.getLatestBlockhash().send().blockhash())).sign(payer);
      try (WsSubscription sb = subs.signatureSubscribe(bad.id(), new Listener<>(sigs, subscribed, "bad"))) {
        next(subscribed);
        rpc.sendTransaction(bad, SendOptions.defaults().skipPreflight(true)).send();
        assertEquals(java.util.Optional.of(TransactionError.custom(0, 1)), next(sigs).err());
      }
      for (WsSubscription w : List.of(a, p, l, s, sg)) {
        w.close();
      }
    }
  }

  static final class Listener<T> implements dev.cairn.transport.ws.WsSubscriptionListener<T> {
    private final BlockingQueue<T> events;
    private final BlockingQueue<String> subscribed;
    private final String name;

    Listener(BlockingQueue<T> events, BlockingQueue<String> subscribed, String name) {
      this.events = events;
      this.subscribed = subscribed;
      this.name = name;
    }

    @Override
    public void onEvent(T event) {
      events.add(event);
    }

    @Override
    public void onSubscribed() {
      subscribed.add(name);
    }

    @Override
    public void onError(dev.cairn.transport.TransportException error) {
      subscribed.add("error " + name + ": " + error.getMessage());
    }
  }
}
