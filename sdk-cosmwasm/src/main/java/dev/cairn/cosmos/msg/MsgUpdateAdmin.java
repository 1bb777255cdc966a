package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;

/** {@code /cosmwasm.wasm.v1.MsgUpdateAdmin}: set a contract's admin. */
public final class MsgUpdateAdmin extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgUpdateAdmin";

  private final String sender;
  private final String newAdmin;
  private final String contract;

  private MsgUpdateAdmin(String sender, String newAdmin, String contract) {
    this.sender = sender;
    this.newAdmin = newAdmin;
    this.contract = contract;
  }

  /**
   * A MsgUpdateAdmin.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgUpdateAdmin of(String sender, String newAdmin, String contract) {
    return new MsgUpdateAdmin(address("sender", sender), address("newAdmin", newAdmin), address("contract", contract));
  }

  public String sender() {
    return sender;
  }

  public String newAdmin() {
    return newAdmin;
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
    w.string(2, newAdmin);
    w.string(3, contract);
    return w.toByteArray();
  }

  static MsgUpdateAdmin decode(ProtoReader r) {
    String sender = "";
    String newAdmin = "";
    String contract = "";
    while (r.next()) {
      switch (r.field()) {
        case 1:
          sender = r.string("sender");
          break;
        case 2:
          newAdmin = r.string("new_admin");
          break;
        case 3:
          contract = r.string("contract");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(sender, newAdmin, contract);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("newAdmin", newAdmin);
    b.put("contract", contract);
    return b.build();
  }

  static MsgUpdateAdmin fromJson(JsonObject o) {
    return of(str(o, "sender"), str(o, "newAdmin"), str(o, "contract"));
  }

  @Override
  public String aminoType() {
    return "wasm/MsgUpdateAdmin";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("new_admin", newAdmin);
    b.put("contract", contract);
    return b.build();
  }
}
