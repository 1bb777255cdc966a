package dev.cairn.core.chain;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One failure on one chain: a VM-neutral {@link ErrorKind}, a human-readable message, the chain,
 * and everything the VM said about it, kept verbatim so that nothing is lost in translation:
 *
 * <ul>
 *   <li>{@link #nativeCode()}: the VM's own error code as text. EVM: the JSON-RPC error code
 *       ({@code "-32000"}, {@code "3"}) or {@code "receipt:status=0"}; SVM: the {@code
 *       TransactionError} path, e.g. {@code "BlockhashNotFound"} or {@code
 *       "InstructionError:0:Custom:6001"}; Cosmos: {@code codespace:code}, e.g. {@code "sdk:11"} or
 *       {@code "wasm:5"}.
 *   <li>{@link #nativeMessage()}: the node's message or log, unmodified (EVM error message,
 *       Solana log lines joined by newlines, Cosmos {@code raw_log}).
 *   <li>{@link #nativeData()}: binary detail, e.g. EVM revert data (selector and ABI-encoded
 *       arguments) or Solana return data.
 *   <li>{@link #revertReason()}: the decoded reason when there is one ({@code Error(string)}, a
 *       {@code Panic(uint256)} description, a CosmWasm contract error text).
 *   <li>{@link #transactionId()}: the transaction this concerns, when it was submitted.
 * </ul>
 *
 * Immutable; build with {@link #of} or {@link #builder}.
 */
public final class ChainError {
  private static final byte[] EMPTY = new byte[0];

  private final ErrorKind kind;
  private final ChainId chainId;
  private final String message;
  private final String nativeCode;
  private final String nativeMessage;
  private final byte[] nativeData;
  private final String revertReason;
  private final String transactionId;

  private ChainError(Builder b) {
    this.kind = b.kind;
    this.chainId = b.chainId;
    this.message = b.message;
    this.nativeCode = b.nativeCode;
    this.nativeMessage = b.nativeMessage;
    this.nativeData = b.nativeData;
    this.revertReason = b.revertReason;
    this.transactionId = b.transactionId;
  }

  /** An error without native detail; {@code chainId} may be {@code null}. */
  public static ChainError of(ErrorKind kind, ChainId chainId, String message) {
    return builder(kind, chainId, message).build();
  }

  /**
   * A builder for an error with native detail.
   *
   * @param kind the classification
   * @param chainId the chain the error concerns, or {@code null} for chain-independent input
   * @param message a human-readable summary; must not contain secrets
   */
  public static Builder builder(ErrorKind kind, ChainId chainId, String message) {
    return new Builder(kind, chainId, message);
  }

  /** A builder initialised with this error's values. */
  public Builder toBuilder() {
    Builder b = new Builder(kind, chainId, message);
    b.nativeCode = nativeCode;
    b.nativeMessage = nativeMessage;
    b.nativeData = nativeData;
    b.revertReason = revertReason;
    b.transactionId = transactionId;
    return b;
  }

  /** The VM-neutral classification. */
  public ErrorKind kind() {
    return kind;
  }

  /** The chain the error concerns; empty for errors about chain-independent input. */
  public Optional<ChainId> chainId() {
    return Optional.ofNullable(chainId);
  }

  /** A human-readable summary. */
  public String message() {
    return message;
  }

  /** The VM's own error code as text (format per family, see the class comment). */
  public Optional<String> nativeCode() {
    return Optional.ofNullable(nativeCode);
  }

  /** The node's own message or log, unmodified. */
  public Optional<String> nativeMessage() {
    return Optional.ofNullable(nativeMessage);
  }

  /** A copy of the binary detail (e.g. EVM revert data); empty when there is none. */
  public byte[] nativeData() {
    return nativeData.clone();
  }

  /** The decoded revert reason, if one could be decoded. */
  public Optional<String> revertReason() {
    return Optional.ofNullable(revertReason);
  }

  /** The id of the transaction the error concerns, if it was submitted. */
  public Optional<String> transactionId() {
    return Optional.ofNullable(transactionId);
  }

  /** A {@link ChainException} carrying this error. */
  public ChainException toException() {
    return new ChainException(this);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChainError)) {
      return false;
    }
    ChainError e = (ChainError) o;
    return kind == e.kind
        && Objects.equals(chainId, e.chainId)
        && message.equals(e.message)
        && Objects.equals(nativeCode, e.nativeCode)
        && Objects.equals(nativeMessage, e.nativeMessage)
        && Arrays.equals(nativeData, e.nativeData)
        && Objects.equals(revertReason, e.revertReason)
        && Objects.equals(transactionId, e.transactionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, chainId, message, nativeCode, revertReason, transactionId)
        * 31 + Arrays.hashCode(nativeData);
  }

  /** {@code KIND on chain: message [native code, reason, tx, data]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(96).append(kind);
    if (chainId != null) {
      sb.append(" on ").append(chainId);
    }
    sb.append(": ").append(message);
    if (nativeCode != null) {
      sb.append(" [code ").append(nativeCode).append(']');
    }
    if (revertReason != null) {
      sb.append(" [reason ").append(revertReason).append(']');
    }
    if (transactionId != null) {
      sb.append(" [tx ").append(transactionId).append(']');
    }
    if (nativeData.length > 0) {
      sb.append(" [data 0x");
      sb.append(Hex.encode(nativeData, 0, Math.min(nativeData.length, 68)));
      sb.append(nativeData.length > 68 ? "...]" : "]");
    }
    return sb.toString();
  }

  /** Builds a {@link ChainError}. Not thread-safe. */
  public static final class Builder {
    private final ErrorKind kind;
    private final ChainId chainId;
    private final String message;
    private String nativeCode;
    private String nativeMessage;
    private byte[] nativeData = EMPTY;
    private String revertReason;
    private String transactionId;

    private Builder(ErrorKind kind, ChainId chainId, String message) {
      if (kind == null || message == null) {
        throw new IllegalArgumentException((kind == null ? "kind" : "message") + " is null");
      }
      this.kind = kind;
      this.chainId = chainId;
      this.message = message;
    }

    /** The VM's error code as text; {@code null} clears it. */
    public Builder nativeCode(String code) {
      this.nativeCode = code;
      return this;
    }

    /** The node's message or log, unmodified; {@code null} clears it. */
    public Builder nativeMessage(String text) {
      this.nativeMessage = text;
      return this;
    }

    /** Binary detail (copied); {@code null} clears it. */
    public Builder nativeData(byte[] data) {
      this.nativeData = data == null ? EMPTY : data.clone();
      return this;
    }

    /** The decoded revert reason; {@code null} clears it. */
    public Builder revertReason(String reason) {
      this.revertReason = reason;
      return this;
    }

    /** The transaction the error concerns; {@code null} clears it. */
    public Builder transactionId(String id) {
      this.transactionId = id;
      return this;
    }

    /** The error. */
    public ChainError build() {
      return new ChainError(this);
    }
  }
}
