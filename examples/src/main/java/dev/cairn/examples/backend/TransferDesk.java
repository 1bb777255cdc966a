package dev.cairn.examples.backend;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.adapter.SvmChainAdapter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A payments backend's transfer desk: sends batches of transfers on an EVM chain and on Solana
 * through the one {@link ChainAdapter} API and tracks every one of them to confirmation.
 *
 * <p>What a backend needs and this shows:
 *
 * <ul>
 *   <li>Each transfer is built, signed and written to a {@link TransferJournal} <em>before</em> it
 *       is sent: if the process dies after sending, the journal holds the signed bytes, and {@link
 *       #resume} re-sends exactly those bytes (harmless: same transaction id) instead of signing a
 *       new transfer. Nothing is lost and nothing is paid twice.
 *   <li>Transfers of one account are signed in nonce order on one thread of control; tracking runs
 *       concurrently, one future per transfer.
 *   <li>Every failure is a {@link ChainException} with a chain-neutral kind (EXPIRED, TIMEOUT,
 *       INSUFFICIENT_FUNDS, ...), recorded per transfer.
 * </ul>
 *
 * <p>Tracking waits for {@link Finality#included()}: one block on EVM, {@code confirmed} on Solana,
 * the committed block on Cosmos; the same value for every family.
 *
 * <p>Run against the local nodes ({@code scripts/anvil.sh}, {@code scripts/litesvm.sh}):
 * {@code CAIRN_EVM_URL} (default {@code http://127.0.0.1:8545}), {@code CAIRN_SVM_URL} (default
 * {@code http://127.0.0.1:8899}), arguments {@code [transfers per chain] [journal file]}. The EVM hot
 * wallet is anvil's dev account 0 (a public test key: refused on any chain but 31337); the Solana
 * hot wallet is a fresh key funded by an airdrop.
 */
public final class TransferDesk {
  /** The last line when every transfer landed (CI looks for it). */
  public static final String OK_PREFIX = "transfer desk: all ";

  /** Anvil's default mnemonic: its accounts are public test accounts, funded on every anvil. */
  static final String ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ChainRegistry chains;
  private final TransferJournal journal;
  private final PrintStream out;

  public TransferDesk(ChainRegistry chains, TransferJournal journal, PrintStream out) {
    this.chains = chains;
    this.journal = journal;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    int perChain = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path journalFile = args.length > 1 ? Paths.get(args[1]) : Files.createTempFile("transfer-desk", ".journal");
    String evmUrl = env("CAIRN_EVM_URL", "http://127.0.0.1:8545");
    String svmUrl = env("CAIRN_SVM_URL", "http://127.0.0.1:8899");
    boolean ok;
    try (EvmChainAdapter evm = EvmChainAdapter.connect(evmUrl);
        SvmChainAdapter svm = SvmChainAdapter.connect(svmUrl);
        SoftwareSigner evmHot = anvilDevAccount(evm.chainId());
        SoftwareSigner svmHot = Signers.software(Ed25519PrivateKey.generate(new SecureRandom()))) {
      ChainRegistry registry = ChainRegistry.create().register(evm).register(svm);
      TransferDesk desk = new TransferDesk(registry, TransferJournal.open(journalFile), System.out);
      desk.resume();
      fund(svm, svmHot);
      List<Transfer> batch = new ArrayList<>();
      batch.addAll(desk.sendBatch(evm, evmHot, perChain, Amount.of(1_000_000_000_000_000L, evm.nativeDenomination())));
      batch.addAll(desk.sendBatch(svm, svmHot, perChain, Amount.of(1_000_000L, svm.nativeDenomination())));
      ok = desk.track(batch);
    }
    System.exit(ok ? 0 : 1);
  }

  /**
   * Signs and sends {@code count} transfers from {@code hot} to fresh accounts, in order (each
   * waits for the node to accept the previous one, so nonces are consecutive), journaling each
   * signed transaction before it is sent.
   */
  public List<Transfer> sendBatch(ChainAdapter chain, Signer hot, int count, Amount each) {
    AccountId from = chain.accountOf(hot);
    List<Transfer> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AccountId to = freshAccount(chain);
      TransactionRequest request = TransactionRequest.transfer(from, to, each).withSigner(hot.descriptor());
      SignedTransaction signed = join(chain.build(request).thenCompose(u -> chain.sign(u, hot)));
      journal.signed(signed);
      PendingTransaction pending = join(chain.send(signed));
      journal.sent(pending.chainId(), pending.transactionId());
      sent.add(new Transfer(chain, pending, to, each));
    }
    out.println(chain.chainId() + ": " + count + " transfers of " + each + " sent from " + from.address());
    return sent;
  }

  /**
   * Waits for every transfer concurrently and records its outcome; prints one line per transfer.
   *
   * @return whether all of them landed successfully
   */
  public boolean track(List<Transfer> transfers) {
    long start = System.nanoTime();
    List<CompletableFuture<String>> outcomes = new ArrayList<>();
    for (Transfer t : transfers) {
      outcomes.add(t.chain.waitFor(t.pending, Finality.included(), TIMEOUT).handle((receipt, failure) -> {
        if (failure != null) {
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
          String why = cause instanceof ChainException ? ((ChainException) cause).kind().name() : cause.toString();
          journal.failed(t.pending.chainId(), t.pending.transactionId(), why);
          return "  FAILED  " + t.pending.transactionId() + "  " + why;
        }
        journal.landed(receipt);
        return (receipt.isSuccess() ? "  landed  " : "  REVERTED ") + t.pending.transactionId()
            + "  height " + receipt.height() + (t.to == null ? "  (resumed)" : "  to " + t.to.address());
      }));
    }
    int ok = 0;
    for (CompletableFuture<String> f : outcomes) {
      String line = f.join();
      out.println(line);
      if (line.startsWith("  landed")) {
        ok++;
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (ok == transfers.size()) {
      out.println(OK_PREFIX + ok + " transfers confirmed (tracked concurrently in " + ms + " ms)");
      return true;
    }
    out.println("transfer desk: " + (transfers.size() - ok) + " of " + transfers.size() + " transfers did not land");
    return false;
  }

  /**
   * Picks up what a previous run left in flight: every transaction journaled as signed without an
   * outcome is decoded from its journaled bytes, sent again (the same transaction: a node that
   * already has it answers with the same id) and tracked. Never signs anything.
   *
   * @return how many transfers were resumed
   */
  public int resume() {
    List<Transfer> resumed = new ArrayList<>();
    for (TransferJournal.Entry e : journal.inFlight()) {
      ChainAdapter chain = chains.find(e.chainId()).orElse(null);
      if (chain == null) {
        out.println("  journal: " + e.transactionId() + " is for " + e.chainId() + ", which this desk does not serve");
        continue;
      }
      SignedTransaction signed = chain.decodeSigned(e.encoded());
      PendingTransaction pending;
      try {
        pending = join(chain.send(signed));
      } catch (ChainException ex) {
        // already known or already included: track it by id all the same
        pending = PendingTransaction.of(signed);
      }
      resumed.add(new Transfer(chain, pending, null, null));
    }
    if (!resumed.isEmpty()) {
      out.println("journal: resuming " + resumed.size() + " transfer(s) left in flight");
      track(resumed);
    }
    return resumed.size();
  }

  private static AccountId freshAccount(ChainAdapter chain) {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    switch (chain.family()) {
      case EVM: {
        Bip32Key k = Bip32Key.fromSeed(seed);
        try {
          return chain.accountOf(dev.cairn.core.signer.KeyType.SECP256K1, k.publicKey().compressed());
        } finally {
          k.destroy();
        }
      }
      case SVM:
        return AccountId.of(chain.chainId(), Pubkey.of(seed).toString());
      default:
        throw new IllegalArgumentException("no fresh accounts for " + chain.family());
    }
  }

  private static SoftwareSigner anvilDevAccount(ChainId chainId) {
    if (!chainId.reference().equals("31337")) {
      throw new IllegalStateException("the EVM hot wallet here is anvil's public dev account; " + chainId
          + " is not a local anvil (chain id 31337)");
    }
    Mnemonic m = Mnemonic.parse(ANVIL_MNEMONIC);
    byte[] seed = m.toSeed("");
    Bip32Key key = Bip32Key.fromSeed(seed).derive(DerivationPath.EVM);
    try {
      return Signers.software(key.privateKey());
    } finally {
      java.util.Arrays.fill(seed, (byte) 0);
      m.destroy();
    }
  }

  /** Local and test clusters only: an airdrop of 1 SOL to the hot wallet, waited for. */
  private static void fund(SvmChainAdapter svm, Signer hot) {
    Pubkey to = Pubkey.of(hot.publicKey());
    String sig = svm.rpc().requestAirdrop(to, 1_000_000_000L).send();
    join(svm.waitFor(PendingTransaction.of(svm.chainId(), sig, null, dev.cairn.core.chain.ValidityWindow.none()),
        Finality.confirmed(), TIMEOUT));
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  /** A transfer in flight. */
  public static final class Transfer {
    final ChainAdapter chain;
    final PendingTransaction pending;
    final AccountId to;
    final Amount amount;

    Transfer(ChainAdapter chain, PendingTransaction pending, AccountId to, Amount amount) {
      this.chain = chain;
      this.pending = pending;
      this.to = to; // null for a transfer resumed from the journal
      this.amount = amount;
    }
  }

}
