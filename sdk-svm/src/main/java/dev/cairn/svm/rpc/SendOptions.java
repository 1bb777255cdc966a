package dev.cairn.svm.rpc;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Options of {@code sendTransaction}. Immutable; start from {@link #defaults()} (preflight on, at the
 * node's default commitment, the node's own retries).
 *
 * <pre>{@code
 * SendOptions o = SendOptions.defaults().skipPreflight(true).maxRetries(0);
 * }</pre>
 */
public final class SendOptions {
  private static final SendOptions DEFAULTS = new SendOptions(false, null, -1, -1);

  private final boolean skipPreflight;
  private final Commitment preflightCommitment;
  private final int maxRetries;
  private final long minContextSlot;

  private SendOptions(boolean skipPreflight, Commitment preflightCommitment, int maxRetries, long minContextSlot) {
    this.skipPreflight = skipPreflight;
    this.preflightCommitment = preflightCommitment;
    this.maxRetries = maxRetries;
    this.minContextSlot = minContextSlot;
  }

  /** Preflight simulation on, node defaults otherwise. */
  public static SendOptions defaults() {
    return DEFAULTS;
  }

  /** Whether to skip the node's preflight simulation (then failures show only in the status). */
  public SendOptions skipPreflight(boolean skip) {
    return new SendOptions(skip, preflightCommitment, maxRetries, minContextSlot);
  }

  /** The commitment the preflight simulation runs at. */
  public SendOptions preflightCommitment(Commitment c) {
    return new SendOptions(skipPreflight, Objects.requireNonNull(c, "preflightCommitment"), maxRetries, minContextSlot);
  }

  /** How often the node itself re-sends to the leader (0: never, the caller rebroadcasts). */
  public SendOptions maxRetries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("maxRetries: must not be negative, got " + retries);
    }
    return new SendOptions(skipPreflight, preflightCommitment, retries, minContextSlot);
  }

  /** The node must have reached this slot before it processes the request. */
  public SendOptions minContextSlot(long slot) {
    if (slot < 0) {
      throw new IllegalArgumentException("minContextSlot: must not be negative, got " + slot);
    }
    return new SendOptions(skipPreflight, preflightCommitment, maxRetries, slot);
  }

  /** Whether preflight is skipped. */
  public boolean isSkipPreflight() {
    return skipPreflight;
  }

  /** The preflight commitment, when set. */
  public Optional<Commitment> preflightCommitment() {
    return Optional.ofNullable(preflightCommitment);
  }

  /** The node's retries, when set. */
  public OptionalInt maxRetries() {
    return maxRetries < 0 ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** The minimum context slot, when set. */
  public OptionalLong minContextSlot() {
    return minContextSlot < 0 ? OptionalLong.empty() : OptionalLong.of(minContextSlot);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SendOptions)) {
      return false;
    }
    SendOptions s = (SendOptions) o;
    return skipPreflight == s.skipPreflight && preflightCommitment == s.preflightCommitment && maxRetries == s.maxRetries
        && minContextSlot == s.minContextSlot;
  }

  @Override
  public int hashCode() {
    return Objects.hash(skipPreflight, preflightCommitment, maxRetries, minContextSlot);
  }

  @Override
  public String toString() {
    return "SendOptions[skipPreflight=" + skipPreflight + ", preflightCommitment=" + preflightCommitment
        + ", maxRetries=" + maxRetries + ", minContextSlot=" + minContextSlot + "]";
  }
}
