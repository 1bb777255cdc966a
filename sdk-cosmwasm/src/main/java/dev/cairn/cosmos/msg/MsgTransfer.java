package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;

/**
 * {@code /ibc.applications.transfer.v1.MsgTransfer}: an ICS-20 token transfer over an IBC channel,
 * timing out at a height on the destination chain ({@code revisionNumber}, {@code revisionHeight}),
 * at a timestamp (Unix nanoseconds), or both (at least one must be set, as ibc-go requires).
 */
public final class MsgTransfer extends BaseMsg {
  public static final String TYPE_URL = "/ibc.applications.transfer.v1.MsgTransfer";
  /** Longest memo accepted (ibc-go's limit): 32,768 characters. */
  public static final int MAX_MEMO = 32768;

  private final String sourcePort;
  private final String sourceChannel;
  private final Coin token;
  private final String sender;
  private final String receiver;
  private final long revisionNumber;
  private final long revisionHeight;
  private final long timeoutTimestamp;
  private final String memo;

  private MsgTransfer(String sourcePort, String sourceChannel, Coin token, String sender, String receiver,
      long revisionNumber, long revisionHeight, long timeoutTimestamp, String memo) {
    this.sourcePort = sourcePort;
    this.sourceChannel = sourceChannel;
    this.token = token;
    this.sender = sender;
    this.receiver = receiver;
    this.revisionNumber = revisionNumber;
    this.revisionHeight = revisionHeight;
    this.timeoutTimestamp = timeoutTimestamp;
    this.memo = memo;
  }

  /**
   * A transfer.
   *
   * @param receiver the address on the destination chain (any format that chain uses)
   * @param timeoutTimestamp Unix time in nanoseconds (unsigned), 0 for none
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgTransfer of(String sourcePort, String sourceChannel, Coin token, String sender, String receiver,
      long revisionNumber, long revisionHeight, long timeoutTimestamp, String memo) {
    identifier("sourcePort", sourcePort);
    identifier("sourceChannel", sourceChannel);
    if (receiver == null || receiver.isEmpty()) {
      throw CosmosException.invalid("receiver", "is empty");
    }
    text("receiver", receiver, 2048);
    if (revisionHeight == 0 && revisionNumber == 0 && timeoutTimestamp == 0) {
      throw CosmosException.invalid("timeoutHeight", "and timeoutTimestamp are both zero: set at least one");
    }
    return new MsgTransfer(sourcePort, sourceChannel, coin("token", token), address("sender", sender), receiver,
        revisionNumber, revisionHeight, timeoutTimestamp, text("memo", memo == null ? "" : memo, MAX_MEMO));
  }

  private static void identifier(String field, String id) {
    if (id == null || id.length() < 2 || id.length() > 128) {
      throw CosmosException.invalid(field, "must be 2 to 128 characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '+' || c == '-' || c == '#' || c == '[' || c == ']' || c == '<' || c == '>';
      if (!ok) {
        throw CosmosException.invalid(field, "character not allowed at offset " + i);
      }
    }
  }

  public String sourcePort() {
    return sourcePort;
  }

  public String sourceChannel() {
    return sourceChannel;
  }

  public Coin token() {
    return token;
  }

  public String sender() {
    return sender;
  }

  public String receiver() {
    return receiver;
  }

  /** Timeout height's revision number (unsigned; 0 with a zero height for no height timeout). */
  public long revisionNumber() {
    return revisionNumber;
  }

  /** Timeout height's revision height (unsigned). */
  public long revisionHeight() {
    return revisionHeight;
  }

  /** Timeout as Unix nanoseconds (unsigned), 0 for none. */
  public long timeoutTimestamp() {
    return timeoutTimestamp;
  }

  public String memo() {
    return memo;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    byte[] height = new ProtoWriter().uint64(1, revisionNumber).uint64(2, revisionHeight).toByteArray();
    return new ProtoWriter().string(1, sourcePort).string(2, sourceChannel).message(3, Wire.coin(token))
        .string(4, sender).string(5, receiver).message(6, height) // non-nullable in ibc-go: always written
        .uint64(7, timeoutTimestamp).string(8, memo).toByteArray();
  }

  static MsgTransfer decode(ProtoReader r) {
    String port = "";
    String channel = "";
    Coin token = null;
    String sender = "";
    String receiver = "";
    long rn = 0;
    long rh = 0;
    long ts = 0;
    String memo = "";
    while (r.next()) {
      switch (r.field()) {
        case 1:
          port = r.string("source_port");
          break;
        case 2:
          channel = r.string("source_channel");
          break;
        case 3:
          token = readCoin(r, "token");
          break;
        case 4:
          sender = r.string("sender");
          break;
        case 5:
          receiver = r.string("receiver");
          break;
        case 6: {
          byte[] b = r.bytes("timeout_height");
          ProtoReader h = r.nested(b, "Height", r.payloadOffset(b));
          while (h.next()) {
            switch (h.field()) {
              case 1:
                rn = h.uint64("revision_number");
                break;
              case 2:
                rh = h.uint64("revision_height");
                break;
              default:
                h.skip();
            }
          }
          break;
        }
        case 7:
          ts = r.uint64("timeout_timestamp");
          break;
        case 8:
          memo = r.string("memo");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(port, channel, token, sender, receiver, rn, rh, ts, memo);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("sourcePort", sourcePort).put("sourceChannel", sourceChannel)
        .put("token", coinJson(token)).put("sender", sender).put("receiver", receiver)
        .put("timeoutHeight", JsonObject.builder().put("revisionNumber", u64(revisionNumber))
            .put("revisionHeight", u64(revisionHeight)).build())
        .put("timeoutTimestamp", u64(timeoutTimestamp)).put("memo", memo).build();
  }

  static MsgTransfer fromJson(JsonObject o) {
    long rn = 0;
    long rh = 0;
    if (o.get("timeoutHeight") != null && !o.get("timeoutHeight").isNull()) {
      JsonObject h = obj(o, "timeoutHeight");
      rn = optU64(h, "revisionNumber");
      rh = optU64(h, "revisionHeight");
    }
    return of(str(o, "sourcePort"), str(o, "sourceChannel"), coinFromJson("token", member(o, "token")),
        str(o, "sender"), str(o, "receiver"), rn, rh, optU64(o, "timeoutTimestamp"), optStr(o, "memo"));
  }

  @Override
  public String aminoType() {
    return "cosmos-sdk/MsgTransfer";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder h = JsonObject.builder();
    if (revisionHeight != 0) {
      h.put("revision_height", u64(revisionHeight));
    }
    if (revisionNumber != 0) {
      h.put("revision_number", u64(revisionNumber));
    }
    JsonObject.Builder b = JsonObject.builder().put("source_port", sourcePort).put("source_channel", sourceChannel)
        .put("token", coinJson(token)).put("sender", sender).put("receiver", receiver).put("timeout_height", h.build());
    if (timeoutTimestamp != 0) {
      b.put("timeout_timestamp", u64(timeoutTimestamp));
    }
    if (!memo.isEmpty()) {
      b.put("memo", memo);
    }
    return b.build();
  }
}
