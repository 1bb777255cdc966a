package dev.cairn.cosmos.client;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.cosmos.errors.CosmosErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction included in a block: its height, the {@code DeliverTx}/{@code ExecTxResult} code,
 * codespace and log, gas wanted and used, and the events. Included with a non-zero code means it
 * failed but its fee was paid and its sequence consumed. Immutable.
 */
public final class TxResult {
  private final String txHash;
  private final long height;
  private final long code;
  private final String codespace;
  private final String log;
  private final long gasWanted;
  private final long gasUsed;
  private final List<TxEvent> events;
  private final String timestamp;

  private TxResult(Builder b) {
    this.txHash = b.txHash;
    this.height = b.height;
    this.code = b.code;
    this.codespace = b.codespace;
    this.log = b.log;
    this.gasWanted = b.gasWanted;
    this.gasUsed = b.gasUsed;
    this.events = Collections.unmodifiableList(new ArrayList<>(b.events));
    this.timestamp = b.timestamp;
  }

  /** A builder for a result of transaction {@code txHash} (upper-case hex) at {@code height}. */
  public static Builder builder(String txHash, long height) {
    return new Builder(Objects.requireNonNull(txHash, "txHash"), height);
  }

  /** The transaction hash, upper-case hex. */
  public String txHash() {
    return txHash;
  }

  /** The block height it was included at. */
  public long height() {
    return height;
  }

  /** The execution code; 0 on success. */
  public long code() {
    return code;
  }

  /** The codespace of a non-zero code, else {@code ""}. */
  public String codespace() {
    return codespace;
  }

  /** The node's {@code raw_log} / {@code log} ({@code ""} on success with SDK 0.50). */
  public String log() {
    return log;
  }

  /** Gas wanted (the transaction's gas limit). */
  public long gasWanted() {
    return gasWanted;
  }

  /** Gas used. */
  public long gasUsed() {
    return gasUsed;
  }

  /** The events in order. */
  public List<TxEvent> events() {
    return events;
  }

  /** The block time as the node rendered it (RFC 3339), when it sent one (REST does, CometBFT {@code tx} does not). */
  public Optional<String> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /** Whether it executed successfully. */
  public boolean isSuccess() {
    return code == 0;
  }

  /** The events of one type, in order. */
  public List<TxEvent> events(String type) {
    List<TxEvent> out = new ArrayList<>();
    for (TxEvent e : events) {
      if (e.type().equals(type)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The failure in the sdk-core taxonomy (see {@link CosmosErrors#abci}); empty on success. */
  public Optional<ChainError> error(ChainId chainId) {
    return code == 0 ? Optional.empty() : Optional.of(CosmosErrors.abci(chainId, codespace, code, log, txHash));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TxResult)) {
      return false;
    }
    TxResult t = (TxResult) o;
    return t.txHash.equals(txHash) && t.height == height && t.code == code && t.codespace.equals(codespace)
        && t.log.equals(log) && t.gasWanted == gasWanted && t.gasUsed == gasUsed && t.events.equals(events)
        && Objects.equals(t.timestamp, timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(txHash, height, code, codespace, gasUsed);
  }

  @Override
  public String toString() {
    return "TxResult{" + txHash + " @" + height + ", code=" + (code == 0 ? "0" : codespace + ":" + code) + ", gas="
        + gasUsed + "/" + gasWanted + "}";
  }

  /** Builds a {@link TxResult}. */
  public static final class Builder {
    private final String txHash;
    private final long height;
    private long code;
    private String codespace = "";
    private String log = "";
    private long gasWanted;
    private long gasUsed;
    private List<TxEvent> events = Collections.emptyList();
    private String timestamp;

    Builder(String txHash, long height) {
      this.txHash = txHash;
      this.height = height;
    }

    /** The code, codespace ({@code null} = none) and log ({@code null} = none). */
    public Builder result(long code, String codespace, String log) {
      this.code = code;
      this.codespace = codespace == null ? "" : codespace;
      this.log = log == null ? "" : log;
      return this;
    }

    /** Gas wanted and used. */
    public Builder gas(long wanted, long used) {
      this.gasWanted = wanted;
      this.gasUsed = used;
      return this;
    }

    /** The events. */
    public Builder events(List<TxEvent> events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** The block time text, or {@code null}. */
    public Builder timestamp(String timestamp) {
      this.timestamp = timestamp == null || timestamp.isEmpty() ? null : timestamp;
      return this;
    }

    /** The result. */
    public TxResult build() {
      return new TxResult(this);
    }
  }
}
