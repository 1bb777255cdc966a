package dev.cairn.cosmos.client;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.cosmos.errors.CosmosErrors;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a synchronous broadcast: the transaction hash and the {@code CheckTx} result. A
 * non-zero {@link #code()} means the node refused the transaction (it is not in the mempool and
 * its sequence was not consumed); zero means it entered the mempool, not that it was included.
 * Immutable.
 */
public final class BroadcastResult {
  private final String txHash;
  private final long code;
  private final String codespace;
  private final String log;

  private BroadcastResult(String txHash, long code, String codespace, String log) {
    this.txHash = txHash;
    this.code = code;
    this.codespace = codespace;
    this.log = log;
  }

  /**
   * A result.
   *
   * @param txHash upper-case hex SHA-256 of the transaction bytes
   * @param codespace {@code ""} when the node sent none
   * @param log the {@code raw_log} / {@code log}, {@code ""} when none
   */
  public static BroadcastResult of(String txHash, long code, String codespace, String log) {
    return new BroadcastResult(Objects.requireNonNull(txHash, "txHash"), code, codespace == null ? "" : codespace,
        log == null ? "" : log);
  }

  /** The transaction hash, upper-case hex. */
  public String txHash() {
    return txHash;
  }

  /** The {@code CheckTx} code; 0 when accepted into the mempool. */
  public long code() {
    return code;
  }

  /** The codespace of a non-zero code ({@code sdk}, {@code wasm}, ...), else {@code ""}. */
  public String codespace() {
    return codespace;
  }

  /** The node's log. */
  public String log() {
    return log;
  }

  /** Whether the node accepted the transaction into its mempool. */
  public boolean isAccepted() {
    return code == 0;
  }

  /** The refusal in the sdk-core taxonomy (see {@link CosmosErrors#abci}); empty when accepted. */
  public Optional<ChainError> error(ChainId chainId) {
    return code == 0 ? Optional.empty() : Optional.of(CosmosErrors.abci(chainId, codespace, code, log, txHash));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BroadcastResult)) {
      return false;
    }
    BroadcastResult b = (BroadcastResult) o;
    return b.txHash.equals(txHash) && b.code == code && b.codespace.equals(codespace) && b.log.equals(log);
  }

  @Override
  public int hashCode() {
    return Objects.hash(txHash, code, codespace, log);
  }

  @Override
  public String toString() {
    return "BroadcastResult{" + txHash + ", code=" + (code == 0 ? "0" : codespace + ":" + code) + "}";
  }
}
