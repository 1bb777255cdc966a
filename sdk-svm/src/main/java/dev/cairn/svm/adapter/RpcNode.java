package dev.cairn.svm.adapter;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.SvmErrors;
import dev.cairn.svm.rpc.AccountInfo;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.PrioritizationFee;
import dev.cairn.svm.rpc.SendOptions;
import dev.cairn.svm.rpc.SignatureStatus;
import dev.cairn.svm.rpc.SimulateOptions;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.rpc.SvmRpcErrors;
import dev.cairn.svm.rpc.TransactionDetails;
import dev.cairn.svm.rpc.TransactionMeta;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@link SvmNode} over the JSON-RPC client; RPC failures become classified {@link ChainException}s. */
final class RpcNode implements SvmNode {
  private final SvmRpcClient rpc;
  private final SvmErrors errors;
  private volatile ChainId chainId;

  RpcNode(SvmRpcClient rpc, SvmErrors errors) {
    this.rpc = rpc;
    this.errors = errors;
  }

  @Override
  public void bind(ChainId chainId) {
    this.chainId = chainId;
  }

  SvmRpcClient rpc() {
    return rpc;
  }

  private static Commitment c(Level l) {
    switch (l) {
      case PROCESSED:
        return Commitment.PROCESSED;
      case FINALIZED:
        return Commitment.FINALIZED;
      default:
        return Commitment.CONFIRMED;
    }
  }

  private static Level level(Commitment c) {
    switch (c) {
      case PROCESSED:
        return Level.PROCESSED;
      case FINALIZED:
        return Level.FINALIZED;
      default:
        return Level.CONFIRMED;
    }
  }

  /** Maps a failure of {@code f} (transaction: what was sent or simulated, for error detail). */
  private <T> CompletableFuture<T> mapped(CompletableFuture<T> f, Transaction transaction) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.whenComplete((v, e) -> {
      if (e == null) {
        out.complete(v);
        return;
      }
      Throwable t = e;
      while (t instanceof CompletionException && t.getCause() != null) {
        t = t.getCause();
      }
      ChainError err = t instanceof TransportException
          ? SvmRpcErrors.toChainError((TransportException) t, chainId, transaction, errors)
          : ChainErrors.fromThrowable(chainId, t);
      out.completeExceptionally(new ChainException(err, t));
    });
    return out;
  }

  private ChainError classify(dev.cairn.svm.errors.TransactionError e, Message message, List<String> logs, String id) {
    return e == null ? null : errors.toChainError(chainId, e, message, logs, id);
  }

  @Override
  public CompletableFuture<String> genesisHash() {
    return mapped(rpc.getGenesisHash().sendAsync(), null);
  }

  @Override
  public CompletableFuture<LatestBlockhash> latestBlockhash(Level level) {
    return mapped(rpc.getLatestBlockhash(c(level)).sendAsync(), null)
        .thenApply(b -> new LatestBlockhash(b.blockhash(), b.lastValidBlockHeight()));
  }

  @Override
  public CompletableFuture<Long> balance(Pubkey account, Level level) {
    return mapped(rpc.getBalance(account, c(level)).sendAsync(), null);
  }

  @Override
  public CompletableFuture<byte[]> accountData(Pubkey account, Level level) {
    return mapped(rpc.getAccountInfo(account, dev.cairn.svm.rpc.AccountEncoding.BASE64, c(level)).sendAsync(), null)
        .thenApply(o -> o.map(AccountInfo::data).orElse(null));
  }

  @Override
  public CompletableFuture<String> send(byte[] wire, boolean skipPreflight, Level preflight) {
    Transaction tx = Transaction.deserialize(wire);
    SendOptions o = SendOptions.defaults().skipPreflight(skipPreflight).preflightCommitment(c(preflight)).maxRetries(0);
    return mapped(rpc.sendRawTransaction(wire, o).sendAsync(), tx);
  }

  @Override
  public CompletableFuture<List<Status>> statuses(List<String> signatures, boolean searchHistory) {
    return mapped(rpc.getSignatureStatuses(signatures, searchHistory).sendAsync(), null).thenApply(list -> {
      List<Status> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Optional<SignatureStatus> s = list.get(i);
        if (!s.isPresent()) {
          out.add(null);
          continue;
        }
        SignatureStatus st = s.get();
        Level l = st.confirmationStatus().map(RpcNode::level)
            .orElse(st.confirmations().isPresent() ? Level.CONFIRMED : Level.FINALIZED);
        out.add(new Status(st.slot(), l, (int) Math.min(Integer.MAX_VALUE, st.confirmations().orElse(-1)),
            classify(st.err().orElse(null), null, null, signatures.get(i))));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<Long> blockHeight(Level level) {
    return mapped(rpc.getBlockHeight(c(level)).sendAsync(), null);
  }

  @Override
  public CompletableFuture<Simulation> simulate(byte[] wire, boolean sigVerify, boolean replaceRecentBlockhash, Level level) {
    Transaction tx = Transaction.deserialize(wire);
    SimulateOptions o = SimulateOptions.defaults().sigVerify(sigVerify).replaceRecentBlockhash(replaceRecentBlockhash)
        .commitment(c(level));
    return mapped(rpc.simulateTransaction(tx, o).sendAsync(), tx).thenApply(r -> new Simulation(
        classify(r.err().orElse(null), tx.message(), r.logs(), null),
        r.unitsConsumed().orElse(-1),
        r.logs(),
        r.returnData().map(dev.cairn.svm.rpc.ReturnData::data).orElse(null)));
  }

  @Override
  public CompletableFuture<long[]> recentPrioritizationFees(List<Pubkey> writableAccounts) {
    List<Pubkey> accounts = writableAccounts.size() > SvmRpcClient.MAX_PRIORITIZATION_ADDRESSES
        ? writableAccounts.subList(0, SvmRpcClient.MAX_PRIORITIZATION_ADDRESSES) : writableAccounts;
    return mapped(rpc.getRecentPrioritizationFees(accounts).sendAsync(), null).thenApply(list -> {
      long[] out = new long[list.size()];
      for (int i = 0; i < out.length; i++) {
        PrioritizationFee f = list.get(i);
        out[i] = f.microLamports();
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<Landed> transaction(String signature, Level level) {
    return mapped(rpc.getTransaction(signature, c(level)).sendAsync(), null).thenApply(o -> {
      if (!o.isPresent() || !o.get().meta().isPresent()) {
        return null;
      }
      TransactionDetails d = o.get();
      TransactionMeta m = d.meta().get();
      return new Landed(d.slot(), m.fee(), m.computeUnitsConsumed().orElse(-1),
          m.returnData().map(dev.cairn.svm.rpc.ReturnData::data).orElse(null),
          classify(m.err().orElse(null), d.transaction().message(), m.logMessages(), signature));
    });
  }

  @Override
  public void close() {
    rpc.close();
  }
}
