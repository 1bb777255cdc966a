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

/** {@code /cosmwasm.wasm.v1.MsgInstantiateContract2}: instantiate a contract at a predictable address (see {@link dev.cairn.cosmos.CosmosAddress#instantiate2}). */
public final class MsgInstantiateContract2 extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgInstantiateContract2";
  /** Largest contract message accepted, in bytes. */
  public static final int MAX_MSG_BYTES = 1 << 20;

  private final String sender;
  private final String admin;
  private final long codeId;
  private final String label;
  private final byte[] msg;
  private final List<Coin> funds;
  private final byte[] salt;
  private final boolean fixMsg;

  private MsgInstantiateContract2(String sender, String admin, long codeId, String label, byte[] msg, List<Coin> funds, byte[] salt, boolean fixMsg) {
    this.sender = sender;
    this.admin = admin;
    this.codeId = codeId;
    this.label = label;
    this.msg = msg;
    this.funds = funds;
    this.salt = salt;
    this.fixMsg = fixMsg;
  }

  /**
   * A MsgInstantiateContract2.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgInstantiateContract2 of(String sender, String admin, long codeId, String label, byte[] msg, List<Coin> funds, byte[] salt, boolean fixMsg) {
    return new MsgInstantiateContract2(address("sender", sender), optionalAddress("admin", admin), codeId, MsgSupport.label(label), wasmMsg("msg", msg, MAX_MSG_BYTES), coins("funds", funds), MsgSupport.salt(salt), fixMsg);
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

  /** A copy of salt. */
  public byte[] salt() {
    return salt.clone();
  }

  public boolean fixMsg() {
    return fixMsg;
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
    w.bytes(7, salt);
    w.bool(8, fixMsg);
    return w.toByteArray();
  }

  static MsgInstantiateContract2 decode(ProtoReader r) {
    String sender = "";
    String admin = "";
    long codeId = 0;
    String label = "";
    byte[] msg = new byte[0];
    List<Coin> funds = new ArrayList<>();
    byte[] salt = new byte[0];
    boolean fixMsg = false;
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
        case 7:
          salt = r.bytes("salt");
          break;
        case 8:
          fixMsg = r.bool("fix_msg");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(sender, admin, codeId, label, msg, funds, salt, fixMsg);
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
    b.put("salt", base64(salt));
    b.put("fixMsg", fixMsg);
    return b.build();
  }

  static MsgInstantiateContract2 fromJson(JsonObject o) {
    return of(str(o, "sender"), optStr(o, "admin"), u64(o, "codeId"), str(o, "label"), jsonBytes(o, "msg"), coinsFromJson(o, "funds"), fromBase64("salt", str(o, "salt")), optBool(o, "fixMsg"));
  }

  @Override
  public String aminoType() {
    return "wasm/MsgInstantiateContract2";
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
    b.put("salt", base64(salt));
    if (fixMsg) {
      b.put("fix_msg", true);
    }
    return b.build();
  }
}
