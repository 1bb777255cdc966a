package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;

/** {@code /cosmwasm.wasm.v1.MsgClearAdmin}: remove a contract's admin. */
public final class MsgClearAdmin extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgClearAdmin";

  private final String sender;
  private final String contract;

  private MsgClearAdmin(String sender, String contract) {
    this.sender = sender;
    this.contract = contract;
  }

  /**
   * A MsgClearAdmin.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgClearAdmin of(String sender, String contract) {
    return new MsgClearAdmin(address("sender", sender), address("contract", contract));
  }

  public String sender() {
    return sender;
  }

  public String contract() {
    return contract;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.string(1, sender);
    w.string(3, contract);
    return w.toByteArray();
  }

  static MsgClearAdmin decode(ProtoReader r) {
    String sender = "";
    String contract = "";
    while (r.next()) {
      switch (r.field()) {
        case 1:
          sender = r.string("sender");
          break;
        case 3:
          contract = r.string("contract");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(sender, contract);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("contract", contract);
    return b.build();
  }

  static MsgClearAdmin fromJson(JsonObject o) {
    return of(str(o, "sender"), str(o, "contract"));
  }

  @Override
  public String aminoType() {
    return "wasm/MsgClearAdmin";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("contract", contract);
    return b.build();
  }
}
