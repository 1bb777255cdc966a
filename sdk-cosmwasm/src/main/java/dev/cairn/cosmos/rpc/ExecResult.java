package dev.cairn.cosmos.rpc;

import dev.cairn.cosmos.client.TxEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One transaction's result in {@code block_results.txs_results} (CometBFT 0.37 {@code
 * ResponseDeliverTx}, 0.38 {@code ExecTxResult}: the same JSON), in block order. Immutable.
 */
public final class ExecResult {
  private final long code;
  private final String codespace;
  private final String log;
  private final long gasWanted;
  private final long gasUsed;
  private final List<TxEvent> events;

  private ExecResult(long code, String codespace, String log, long gasWanted, long gasUsed, List<TxEvent> events) {
    this.code = code;
    this.codespace = codespace;
    this.log = log;
    this.gasWanted = gasWanted;
    this.gasUsed = gasUsed;
    this.events = events;
  }

  /** A result. */
  public static ExecResult of(long code, String codespace, String log, long gasWanted, long gasUsed,
      List<TxEvent> events) {
    return new ExecResult(code, codespace == null ? "" : codespace, log == null ? "" : log, gasWanted, gasUsed,
        Collections.unmodifiableList(new ArrayList<>(events)));
  }

  /** 0 on success. */
  public long code() {
    return code;
  }

  /** The codespace of a non-zero code. */
  public String codespace() {
    return codespace;
  }

  /** The log. */
  public String log() {
    return log;
  }

  /** Gas wanted. */
  public long gasWanted() {
    return gasWanted;
  }

  /** Gas used. */
  public long gasUsed() {
    return gasUsed;
  }

  /** The events. */
  public List<TxEvent> events() {
    return events;
  }

  @Override
  public String toString() {
    return "ExecResult{code=" + code + ", gas=" + gasUsed + "/" + gasWanted + "}";
  }
}
