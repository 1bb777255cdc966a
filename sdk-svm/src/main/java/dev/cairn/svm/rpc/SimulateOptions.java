package dev.cairn.svm.rpc;

import dev.cairn.svm.Pubkey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code simulateTransaction}. Immutable; start from {@link #defaults()} (no signature
 * check, the transaction's own blockhash, the client's commitment).
 *
 * <pre>{@code
 * SimulateOptions o = SimulateOptions.defaults().replaceRecentBlockhash(true).accounts(List.of(recipient));
 * }</pre>
 */
public final class SimulateOptions {
  private static final SimulateOptions DEFAULTS = new SimulateOptions(false, false, null, List.of(), false);

  private final boolean sigVerify;
  private final boolean replaceRecentBlockhash;
  private final Commitment commitment;
  private final List<Pubkey> accounts;
  private final boolean innerInstructions;

  private SimulateOptions(boolean sigVerify, boolean replaceRecentBlockhash, Commitment commitment, List<Pubkey> accounts,
      boolean innerInstructions) {
    this.sigVerify = sigVerify;
    this.replaceRecentBlockhash = replaceRecentBlockhash;
    this.commitment = commitment;
    this.accounts = accounts;
    this.innerInstructions = innerInstructions;
  }

  /** The node's defaults. */
  public static SimulateOptions defaults() {
    return DEFAULTS;
  }

  /** Check the signatures too (not with {@link #replaceRecentBlockhash}). */
  public SimulateOptions sigVerify(boolean verify) {
    return new SimulateOptions(verify, replaceRecentBlockhash, commitment, accounts, innerInstructions);
  }

  /** Simulate with the node's latest blockhash instead of the transaction's (e.g. to estimate compute units of an unsigned draft). */
  public SimulateOptions replaceRecentBlockhash(boolean replace) {
    return new SimulateOptions(sigVerify, replace, commitment, accounts, innerInstructions);
  }

  /** The commitment to simulate at. */
  public SimulateOptions commitment(Commitment c) {
    return new SimulateOptions(sigVerify, replaceRecentBlockhash, Objects.requireNonNull(c, "commitment"), accounts,
        innerInstructions);
  }

  /** Accounts whose state after the simulation to return (base64). */
  public SimulateOptions accounts(List<Pubkey> addresses) {
    return new SimulateOptions(sigVerify, replaceRecentBlockhash, commitment, List.copyOf(addresses), innerInstructions);
  }

  /** Whether to return inner instructions (read from the raw result with {@link SvmRpcClient#call}). */
  public SimulateOptions innerInstructions(boolean include) {
    return new SimulateOptions(sigVerify, replaceRecentBlockhash, commitment, accounts, include);
  }

  /** Whether signatures are checked. */
  public boolean isSigVerify() {
    return sigVerify;
  }

  /** Whether the blockhash is replaced. */
  public boolean isReplaceRecentBlockhash() {
    return replaceRecentBlockhash;
  }

  /** The commitment, when set. */
  public Optional<Commitment> commitment() {
    return Optional.ofNullable(commitment);
  }

  /** The accounts to return. */
  public List<Pubkey> accounts() {
    return accounts;
  }

  /** Whether inner instructions are asked for. */
  public boolean isInnerInstructions() {
    return innerInstructions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SimulateOptions)) {
      return false;
    }
    SimulateOptions s = (SimulateOptions) o;
    return sigVerify == s.sigVerify && replaceRecentBlockhash == s.replaceRecentBlockhash && commitment == s.commitment
        && accounts.equals(s.accounts) && innerInstructions == s.innerInstructions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sigVerify, replaceRecentBlockhash, commitment, accounts, innerInstructions);
  }

  @Override
  public String toString() {
    return "SimulateOptions[sigVerify=" + sigVerify + ", replaceRecentBlockhash=" + replaceRecentBlockhash
        + ", commitment=" + commitment + ", accounts=" + accounts.size() + "]";
  }
}
