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

/** {@code /cosmwasm.wasm.v1.MsgExecuteContract}: execute a CosmWasm contract with a JSON message and optional funds. */
public final class MsgExecuteContract extends BaseMsg {
  public static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgExecuteContract";
  /** Largest contract message accepted, in bytes. */
  public static final int MAX_MSG_BYTES = 1 << 20;

  private final String sender;
  private final String contract;
  private final byte[] msg;
  private final List<Coin> funds;

  private MsgExecuteContract(String sender, String contract, byte[] msg, List<Coin> funds) {
    this.sender = sender;
    this.contract = contract;
    this.msg = msg;
    this.funds = funds;
  }

  /**
   * A MsgExecuteContract.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgExecuteContract of(String sender, String contract, byte[] msg, List<Coin> funds) {
    return new MsgExecuteContract(address("sender", sender), address("contract", contract), wasmMsg("msg", msg, MAX_MSG_BYTES), coins("funds", funds));
  }

  public String sender() {
    return sender;
  }

  public String contract() {
    return contract;
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
    w.string(2, contract);
    w.bytes(3, msg);
    for (Coin c : funds) {
      w.message(5, Wire.coin(c));
    }
    return w.toByteArray();
  }

  static MsgExecuteContract decode(ProtoReader r) {
    String sender = "";
    String contract = "";
    byte[] msg = new byte[0];
    List<Coin> funds = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          sender = r.string("sender");
          break;
        case 2:
          contract = r.string("contract");
          break;
        case 3:
          msg = r.bytes("msg");
          break;
        case 5:
          funds.add(readCoin(r, "funds"));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(sender, contract, msg, funds);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("contract", contract);
    b.put("msg", wasmMsgJson(msg));
    b.put("funds", coinsJson(funds));
    return b.build();
  }

  static MsgExecuteContract fromJson(JsonObject o) {
    return of(str(o, "sender"), str(o, "contract"), jsonBytes(o, "msg"), coinsFromJson(o, "funds"));
  }

  @Override
  public String aminoType() {
    return "wasm/MsgExecuteContract";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("sender", sender);
    b.put("contract", contract);
    b.put("msg", wasmMsgAmino("msg", msg));
    b.put("funds", coinsJson(funds));
    return b.build();
  }
}
