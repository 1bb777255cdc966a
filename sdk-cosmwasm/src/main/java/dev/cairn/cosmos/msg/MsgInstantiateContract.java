package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;
import java.util.ArrayList;
import java.util.List;

/** {@code /cosmwasm.wasm.v1.MsgInstantiateContract}: instantiate a contract from stored code. */
public final class MsgInstantiateContract extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgInstantiateContract";
  /** Largest contract message accepted, in bytes. */
  public static final int MAX_MSG_BYTES = 1 << 20;

  private final String sender;
  private final String admin;
  private final long codeId;
  private final String label;
  private final byte[] msg;
  private final List<Coin> funds;

  private MsgInstantiateContract(String sender, String admin, long codeId, String label, byte[] msg, List<Coin> funds) {
    this.sender = sender;
    this.admin = admin;
    this.codeId = codeId;
    this.label = label;
    this.msg = msg;
    this.funds = funds;
  }

  /**
   * A MsgInstantiateContract.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgInstantiateContract of(String sender, String admin, long codeId, String label, byte[] msg, List<Coin> funds) {
    return new MsgInstantiateContract(address("sender", sender), optionalAddress("admin", admin), codeId, MsgSupport.label(label), wasmMsg("msg", msg, MAX_MSG_BYTES), coins("funds", funds));
  }

  public String sender() {
    return sender;
  }

  public String admin() {
    return admin;
  }

  public long codeId() {
    return codeId;
  }

  public String label() {
    return label;
  }

  /** A copy of msg. */
  public byte[] msg() {
    return msg.clone();
  }

  public List<Coin> funds() {
    return funds;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.string(1, sender);
    w.string(2, admin);
    w.uint64(3, codeId);
    w.string(4, label);
    w.bytes(5, msg);
    for (Coin c : funds) {
      w.message(6, Wire.coin(c));
    }
    return w.toByteArray();
  }

  static MsgInstantiateContract decode(ProtoReader r) {
    String sender = "";
    String admin = "";
    long codeId = 0;
    String label = "";
    byte[] msg = new byte[0];
    List<Coin> funds = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          sender = r.string("sender");
          break;
        case 2:
          admin = r.string("admin");
          break;
        case 3:
          codeId = r.uint64("code_id");
          break;
        case 4:
          label = r.string("label");
          break;
        case 5:
          msg = r.bytes("msg");
          break;
        case 6:
          funds.add(readCoin(r, "funds"));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(sender, admin, codeId, label, msg, funds);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("admin", admin);
    b.put("codeId", u64(codeId));
    b.put("label", label);
    b.put("msg", wasmMsgJson(msg));
    b.put("funds", coinsJson(funds));
    return b.build();
  }

  static MsgInstantiateContract fromJson(JsonObject o) {
    return of(str(o, "sender"), optStr(o, "admin"), u64(o, "codeId"), str(o, "label"), jsonBytes(o, "msg"), coinsFromJson(o, "funds"));
  }

  @Override
  public String aminoType() {
    return "wasm/MsgInstantiateContract";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    if (!admin.isEmpty()) {
      b.put("admin", admin);
    }
    b.put("code_id", u64(codeId));
    b.put("label", label);
    b.put("msg", wasmMsgAmino("msg", msg));
    b.put("funds", coinsJson(funds));
    return b.build();
  }
}
