package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;

/** {@code /cosmwasm.wasm.v1.MsgMigrateContract}: migrate a contract to new code. */
public final class MsgMigrateContract extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgMigrateContract";
  /** Largest contract message accepted, in bytes. */
  public static final int MAX_MSG_BYTES = 1 << 20;

  private final String sender;
  private final String contract;
  private final long codeId;
  private final byte[] msg;

  private MsgMigrateContract(String sender, String contract, long codeId, byte[] msg) {
    this.sender = sender;
    this.contract = contract;
    this.codeId = codeId;
    this.msg = msg;
  }

  /**
   * A MsgMigrateContract.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgMigrateContract of(String sender, String contract, long codeId, byte[] msg) {
    return new MsgMigrateContract(address("sender", sender), address("contract", contract), codeId, wasmMsg("msg", msg, MAX_MSG_BYTES));
  }

  public String sender() {
    return sender;
  }

  public String contract() {
    return contract;
  }

  public long codeId() {
    return codeId;
  }

  /** A copy of msg. */
  public byte[] msg() {
    return msg.clone();
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.string(1, sender);
    w.string(2, contract);
    w.uint64(3, codeId);
    w.bytes(4, msg);
    return w.toByteArray();
  }

  static MsgMigrateContract decode(ProtoReader r) {
    String sender = "";
    String contract = "";
    long codeId = 0;
    byte[] msg = new byte[0];
    while (r.next()) {
      switch (r.field()) {
        case 1:
          sender = r.string("sender");
          break;
        case 2:
          contract = r.string("contract");
          break;
        case 3:
          codeId = r.uint64("code_id");
          break;
        case 4:
          msg = r.bytes("msg");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(sender, contract, codeId, msg);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("contract", contract);
    b.put("codeId", u64(codeId));
    b.put("msg", wasmMsgJson(msg));
    return b.build();
  }

  static MsgMigrateContract fromJson(JsonObject o) {
    return of(str(o, "sender"), str(o, "contract"), u64(o, "codeId"), jsonBytes(o, "msg"));
  }

  @Override
  public String aminoType() {
    return "wasm/MsgMigrateContract";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("contract", contract);
    b.put("code_id", u64(codeId));
    b.put("msg", wasmMsgAmino("msg", msg));
    return b.build();
  }
}
