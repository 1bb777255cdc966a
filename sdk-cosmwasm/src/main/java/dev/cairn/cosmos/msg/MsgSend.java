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

/** {@code /cosmos.bank.v1beta1.MsgSend}: send coins from one account to another. */
public final class MsgSend extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.bank.v1beta1.MsgSend";

  private final String fromAddress;
  private final String toAddress;
  private final List<Coin> amount;

  private MsgSend(String fromAddress, String toAddress, List<Coin> amount) {
    this.fromAddress = fromAddress;
    this.toAddress = toAddress;
    this.amount = amount;
  }

  /** @throws CosmosException (INVALID_INPUT) naming the field */
  public static MsgSend of(String fromAddress, String toAddress, List<Coin> amount) {
    return new MsgSend(address("fromAddress", fromAddress), address("toAddress", toAddress), coins("amount", amount));
  }

  public String fromAddress() {
    return fromAddress;
  }

  public String toAddress() {
    return toAddress;
  }

  public List<Coin> amount() {
    return amount;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().string(1, fromAddress).string(2, toAddress);
    for (Coin c : amount) {
      w.message(3, Wire.coin(c));
    }
    return w.toByteArray();
  }

  static MsgSend decode(ProtoReader r) {
    String from = "";
    String to = "";
    List<Coin> amount = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1:
          from = r.string("from_address");
          break;
        case 2:
          to = r.string("to_address");
          break;
        case 3:
          amount.add(readCoin(r, "amount"));
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(from, to, amount);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    return JsonObject.builder().put("fromAddress", fromAddress).put("toAddress", toAddress)
        .put("amount", coinsJson(amount)).build();
  }

  static MsgSend fromJson(JsonObject o) {
    return of(str(o, "fromAddress"), str(o, "toAddress"), coinsFromJson(o, "amount"));
  }

  @Override
  public String aminoType() {
    return "cosmos-sdk/MsgSend";
  }

  @Override
  public JsonObject toAmino() {
    return JsonObject.builder().put("from_address", fromAddress).put("to_address", toAddress)
        .put("amount", coinsJson(amount)).build();
  }
}
