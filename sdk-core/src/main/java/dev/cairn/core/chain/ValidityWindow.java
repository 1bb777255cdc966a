package dev.cairn.core.chain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Until when a sent transaction can still land. Past its window it never will, so it is safe to
 * build and sign it again ({@link ErrorKind#EXPIRED}); inside it, or without a window, a transaction
 * that has not landed yet may still land ({@link ErrorKind#TIMEOUT} when waiting gives up).
 *
 * <ul>
 *   <li>EVM: {@link #none()}; a transaction stays valid until its nonce is used.
 *   <li>Solana: {@link #untilHeight} with the blockhash's {@code lastValidBlockHeight} (block height,
 *       not slot).
 *   <li>Cosmos: {@link #untilHeight} with the {@code timeout_height}, and/or {@link #untilTime} with
 *       a {@code timeout_timestamp} (unordered transactions).
 * </ul>
 *
 * Immutable.
 */
public final class ValidityWindow {
  private static final ValidityWindow NONE = new ValidityWindow(-1, null);

  private final long lastValidHeight; // -1: none
  private final Instant expiresAt;

  private ValidityWindow(long lastValidHeight, Instant expiresAt) {
    this.lastValidHeight = lastValidHeight;
    this.expiresAt = expiresAt;
  }

  /** No window: the transaction can land at any time until it is replaced (EVM). */
  public static ValidityWindow none() {
    return NONE;
  }

  /**
   * Valid up to and including block height {@code lastValidHeight} (Solana {@code
   * lastValidBlockHeight}, Cosmos {@code timeout_height}).
   */
  public static ValidityWindow untilHeight(long lastValidHeight) {
    if (lastValidHeight < 0) {
      throw Checks.invalid("validity.lastValidHeight: " + lastValidHeight + " is negative");
    }
    return new ValidityWindow(lastValidHeight, null);
  }

  /** Valid until {@code expiresAt} (block time; Cosmos {@code timeout_timestamp}). */
  public static ValidityWindow untilTime(Instant expiresAt) {
    if (expiresAt == null) {
      throw Checks.invalid("validity.expiresAt: is null");
    }
    return new ValidityWindow(-1, expiresAt);
  }

  /** Valid up to height {@code lastValidHeight} and before {@code expiresAt}, whichever ends first. */
  public static ValidityWindow untilHeightAndTime(long lastValidHeight, Instant expiresAt) {
    if (expiresAt == null) {
      throw Checks.invalid("validity.expiresAt: is null");
    }
    return new ValidityWindow(untilHeight(lastValidHeight).lastValidHeight, expiresAt);
  }

  /** Whether the transaction can land at any time (no window). */
  public boolean isUnbounded() {
    return lastValidHeight < 0 && expiresAt == null;
  }

  /** The last block height at which the transaction can be included. */
  public OptionalLong lastValidHeight() {
    return lastValidHeight < 0 ? OptionalLong.empty() : OptionalLong.of(lastValidHeight);
  }

  /** The block time from which the transaction can no longer be included. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Whether a chain whose latest block has {@code height} and block time {@code blockTime} (may be
   * {@code null} when unknown) is past this window: the transaction can no longer land.
   */
  public boolean isExpiredAt(long height, Instant blockTime) {
    if (lastValidHeight >= 0 && height > lastValidHeight) {
      return true;
    }
    return expiresAt != null && blockTime != null && !blockTime.isBefore(expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ValidityWindow)) {
      return false;
    }
    ValidityWindow w = (ValidityWindow) o;
    return lastValidHeight == w.lastValidHeight && Objects.equals(expiresAt, w.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lastValidHeight, expiresAt);
  }

  @Override
  public String toString() {
    if (isUnbounded()) {
      return "ValidityWindow{none}";
    }
    return "ValidityWindow{" + (lastValidHeight >= 0 ? "height<=" + lastValidHeight : "")
        + (lastValidHeight >= 0 && expiresAt != null ? ", " : "") + (expiresAt == null ? "" : "before " + expiresAt) + "}";
  }
}
