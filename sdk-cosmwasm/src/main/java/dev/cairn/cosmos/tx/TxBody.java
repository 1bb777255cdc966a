package dev.cairn.cosmos.tx;

import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import dev.cairn.cosmos.msg.Any;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code cosmos.tx.v1beta1.TxBody}: the messages, memo, timeout height, the unordered flag and
 * timeout timestamp (Cosmos SDK 0.53), and the extension options. Immutable.
 */
public final class TxBody {
  /** Longest memo accepted, in characters (chains default to 256 and may raise it). */
  public static final int MAX_MEMO = 65536;

  private final List<CosmosMsg> messages;
  private final String memo;
  private final long timeoutHeight;
  private final boolean unordered;
  private final Instant timeoutTimestamp; // nullable
  private final List<Any> extensionOptions;
  private final List<Any> nonCriticalExtensionOptions;

  private TxBody(List<CosmosMsg> messages, String memo, long timeoutHeight, boolean unordered, Instant timeoutTimestamp,
      List<Any> extensionOptions, List<Any> nonCriticalExtensionOptions) {
    this.messages = messages;
    this.memo = memo;
    this.timeoutHeight = timeoutHeight;
    this.unordered = unordered;
    this.timeoutTimestamp = timeoutTimestamp;
    this.extensionOptions = extensionOptions;
    this.nonCriticalExtensionOptions = nonCriticalExtensionOptions;
  }

  /** A body with messages, memo and timeout height (0 for none). */
  public static TxBody of(List<CosmosMsg> messages, String memo, long timeoutHeight) {
    return of(messages, memo, timeoutHeight, false, null, Collections.emptyList(), Collections.emptyList());
  }

  /**
   * A body with every field.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static TxBody of(List<CosmosMsg> messages, String memo, long timeoutHeight, boolean unordered,
      Instant timeoutTimestamp, List<Any> extensionOptions, List<Any> nonCriticalExtensionOptions) {
    if (messages == null || messages.isEmpty()) {
      throw CosmosException.invalid("body.messages", "is empty");
    }
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) == null) {
        throw CosmosException.invalid("body.messages[" + i + "]", "is null");
      }
    }
    String m = memo == null ? "" : memo;
    if (m.length() > MAX_MEMO) {
      throw new CosmosException(CosmosException.Reason.TOO_LARGE, "body.memo: " + m.length() + " characters, limit " + MAX_MEMO);
    }
    if (extensionOptions == null || nonCriticalExtensionOptions == null) {
      throw CosmosException.invalid("body.extensionOptions", "is null");
    }
    if (timeoutTimestamp != null && (timeoutTimestamp.getEpochSecond() < Wire.MIN_TIMESTAMP_SECONDS
        || timeoutTimestamp.getEpochSecond() > Wire.MAX_TIMESTAMP_SECONDS)) {
      throw CosmosException.invalid("body.timeoutTimestamp", "outside years 1 to 9999");
    }
    return new TxBody(Collections.unmodifiableList(new ArrayList<>(messages)), m, timeoutHeight, unordered, timeoutTimestamp,
        Collections.unmodifiableList(new ArrayList<>(extensionOptions)),
        Collections.unmodifiableList(new ArrayList<>(nonCriticalExtensionOptions)));
  }

  public List<CosmosMsg> messages() {
    return messages;
  }

  public String memo() {
    return memo;
  }

  /** The last height at which the transaction may be included (unsigned), 0 for none. */
  public long timeoutHeight() {
    return timeoutHeight;
  }

  public boolean unordered() {
    return unordered;
  }

  public Optional<Instant> timeoutTimestamp() {
    return Optional.ofNullable(timeoutTimestamp);
  }

  public List<Any> extensionOptions() {
    return extensionOptions;
  }

  public List<Any> nonCriticalExtensionOptions() {
    return nonCriticalExtensionOptions;
  }

  /** The protobuf encoding (the {@code body_bytes}). */
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    for (CosmosMsg m : messages) {
      w.message(1, m.toAny().encode());
    }
    w.string(2, memo).uint64(3, timeoutHeight).bool(4, unordered);
    if (timeoutTimestamp != null) {
      w.message(5, Wire.secondsNanos(timeoutTimestamp.getEpochSecond(), timeoutTimestamp.getNano()));
    }
    for (Any a : extensionOptions) {
      w.message(1023, a.encode());
    }
    for (Any a : nonCriticalExtensionOptions) {
      w.message(2047, a.encode());
    }
    return w.toByteArray();
  }

  /**
   * Decodes {@code body_bytes}, every message into its type ({@link dev.cairn.cosmos.msg.UnknownMsg}
   * for type URLs not modelled here).
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the field and offset
   */
  public static TxBody decode(byte[] bytes) {
    ProtoReader r = ProtoReader.of(bytes, "TxBody");
    List<CosmosMsg> msgs = new ArrayList<>();
    String memo = "";
    long timeout = 0;
    boolean unordered = false;
    Instant ts = null;
    List<Any> ext = new ArrayList<>();
    List<Any> nonCritical = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          msgs.add(decodeMessage(r, r.bytes("messages"), msgs.size()));
          break;
        case 2:
          memo = r.string("memo");
          break;
        case 3:
          timeout = r.uint64("timeout_height");
          break;
        case 4:
          unordered = r.bool("unordered");
          break;
        case 5: {
          ts = Wire.readTimestamp(r, r.bytes("timeout_timestamp"), "timeout_timestamp");
          break;
        }
        case 1023:
          ext.add(Any.decode(r.bytes("extension_options")));
          break;
        case 2047:
          nonCritical.add(Any.decode(r.bytes("non_critical_extension_options")));
          break;
        default:
          r.skip();
      }
    }
    if (memo.length() > MAX_MEMO) {
      throw r.error("memo", -1, memo.length() + " characters, limit " + MAX_MEMO);
    }
    return new TxBody(Collections.unmodifiableList(msgs), memo, timeout, unordered, ts,
        Collections.unmodifiableList(ext), Collections.unmodifiableList(nonCritical));
  }

  /** Decodes one message; errors carry offsets relative to the whole body. */
  private static CosmosMsg decodeMessage(ProtoReader r, byte[] anyBytes, int index) {
    long base = r.payloadOffset(anyBytes);
    try {
      return Messages.decode(Any.decode(anyBytes));
    } catch (dev.cairn.core.encoding.DecodingException e) {
      throw new dev.cairn.core.encoding.DecodingException("TxBody.messages[" + index + "]",
          base + Math.max(0, e.offset()), e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxBody && java.util.Arrays.equals(((TxBody) o).encode(), encode());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "TxBody{" + messages + (memo.isEmpty() ? "" : ", memo=" + memo)
        + (timeoutHeight == 0 ? "" : ", timeoutHeight=" + Long.toUnsignedString(timeoutHeight)) + "}";
  }
}
