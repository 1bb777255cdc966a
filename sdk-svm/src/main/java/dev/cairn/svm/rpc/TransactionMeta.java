package dev.cairn.svm.rpc;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.TransactionError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened when a transaction was processed ({@code meta} of {@code getTransaction}): error,
 * fee, balances before and after (in account-key order: static keys, then the writable and readonly
 * addresses loaded from lookup tables), logs, compute units, loaded addresses and return data. Immutable.
 */
public final class TransactionMeta {
  private final TransactionError err;
  private final long fee;
  private final List<Long> preBalances;
  private final List<Long> postBalances;
  private final List<String> logMessages;
  private final long computeUnitsConsumed;
  private final List<Pubkey> loadedWritable;
  private final List<Pubkey> loadedReadonly;
  private final ReturnData returnData;

  private TransactionMeta(Builder b) {
    this.err = b.err;
    this.fee = b.fee;
    this.preBalances = List.copyOf(b.preBalances);
    this.postBalances = List.copyOf(b.postBalances);
    this.logMessages = List.copyOf(b.logMessages);
    this.computeUnitsConsumed = b.computeUnitsConsumed;
    this.loadedWritable = List.copyOf(b.loadedWritable);
    this.loadedReadonly = List.copyOf(b.loadedReadonly);
    this.returnData = b.returnData;
  }

  /** A builder (for tests and readers). */
  public static Builder builder() {
    return new Builder();
  }

  /** The error when it failed. */
  public Optional<TransactionError> err() {
    return Optional.ofNullable(err);
  }

  /** Whether it succeeded. */
  public boolean isSuccess() {
    return err == null;
  }

  /** The fee paid, in lamports. */
  public long fee() {
    return fee;
  }

  /** Lamports of each account before. */
  public List<Long> preBalances() {
    return preBalances;
  }

  /** Lamports of each account after. */
  public List<Long> postBalances() {
    return postBalances;
  }

  /** The program logs. */
  public List<String> logMessages() {
    return logMessages;
  }

  /** The compute units consumed, when the node says. */
  public OptionalLong computeUnitsConsumed() {
    return computeUnitsConsumed < 0 ? OptionalLong.empty() : OptionalLong.of(computeUnitsConsumed);
  }

  /** Writable addresses loaded from lookup tables. */
  public List<Pubkey> loadedWritable() {
    return loadedWritable;
  }

  /** Readonly addresses loaded from lookup tables. */
  public List<Pubkey> loadedReadonly() {
    return loadedReadonly;
  }

  /** The return data, if any. */
  public Optional<ReturnData> returnData() {
    return Optional.ofNullable(returnData);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TransactionMeta)) {
      return false;
    }
    TransactionMeta m = (TransactionMeta) o;
    return Objects.equals(err, m.err) && fee == m.fee && preBalances.equals(m.preBalances) && postBalances.equals(m.postBalances)
        && logMessages.equals(m.logMessages) && computeUnitsConsumed == m.computeUnitsConsumed
        && loadedWritable.equals(m.loadedWritable) && loadedReadonly.equals(m.loadedReadonly)
        && Objects.equals(returnData, m.returnData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(err, fee, preBalances, postBalances, logMessages, computeUnitsConsumed, returnData);
  }

  @Override
  public String toString() {
    return "TransactionMeta[" + (err == null ? "ok" : "err " + err) + ", fee " + fee + "]";
  }

  /** Builds a {@link TransactionMeta}. */
  public static final class Builder {
    private TransactionError err;
    private long fee;
    private List<Long> preBalances = List.of();
    private List<Long> postBalances = List.of();
    private List<String> logMessages = List.of();
    private long computeUnitsConsumed = -1;
    private List<Pubkey> loadedWritable = List.of();
    private List<Pubkey> loadedReadonly = List.of();
    private ReturnData returnData;

    private Builder() {}

    /** The error, or {@code null}. */
    public Builder err(TransactionError e) {
      this.err = e;
      return this;
    }

    /** The fee. */
    public Builder fee(long lamports) {
      this.fee = lamports;
      return this;
    }

    /** Balances before. */
    public Builder preBalances(List<Long> b) {
      this.preBalances = Objects.requireNonNull(b, "preBalances");
      return this;
    }

    /** Balances after. */
    public Builder postBalances(List<Long> b) {
      this.postBalances = Objects.requireNonNull(b, "postBalances");
      return this;
    }

    /** Log lines. */
    public Builder logMessages(List<String> l) {
      this.logMessages = Objects.requireNonNull(l, "logMessages");
      return this;
    }

    /** Compute units, or -1. */
    public Builder computeUnitsConsumed(long units) {
      this.computeUnitsConsumed = units < 0 ? -1 : units;
      return this;
    }

    /** Loaded writable addresses. */
    public Builder loadedWritable(List<Pubkey> a) {
      this.loadedWritable = Objects.requireNonNull(a, "loadedWritable");
      return this;
    }

    /** Loaded readonly addresses. */
    public Builder loadedReadonly(List<Pubkey> a) {
      this.loadedReadonly = Objects.requireNonNull(a, "loadedReadonly");
      return this;
    }

    /** Return data, or {@code null}. */
    public Builder returnData(ReturnData r) {
      this.returnData = r;
      return this;
    }

    /** The meta. */
    public TransactionMeta build() {
      return new TransactionMeta(this);
    }
  }
}
