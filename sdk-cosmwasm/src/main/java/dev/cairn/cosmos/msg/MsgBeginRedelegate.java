package dev.cairn.cosmos.msg;

import static dev.cairn.cosmos.msg.MsgSupport.*;

import dev.cairn.core.json.JsonObject;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.ProtoWriter;
import dev.cairn.cosmos.internal.Wire;

/** {@code /cosmos.staking.v1beta1.MsgBeginRedelegate}: move a delegation from one validator to another. */
public final class MsgBeginRedelegate extends BaseMsg {
  public static final String TYPE_URL = "/cosmos.staking.v1beta1.MsgBeginRedelegate";

  private final String delegatorAddress;
  private final String validatorSrcAddress;
  private final String validatorDstAddress;
  private final Coin amount;

  private MsgBeginRedelegate(String delegatorAddress, String validatorSrcAddress, String validatorDstAddress, Coin amount) {
    this.delegatorAddress = delegatorAddress;
    this.validatorSrcAddress = validatorSrcAddress;
    this.validatorDstAddress = validatorDstAddress;
    this.amount = amount;
  }

  /**
   * A MsgBeginRedelegate.
   *
   * @throws CosmosException (INVALID_INPUT or TOO_LARGE) naming the field
   */
  public static MsgBeginRedelegate of(String delegatorAddress, String validatorSrcAddress, String validatorDstAddress, Coin amount) {
    return new MsgBeginRedelegate(address("delegatorAddress", delegatorAddress), address("validatorSrcAddress", validatorSrcAddress), address("validatorDstAddress", validatorDstAddress), coin("amount", amount));
  }

  public String delegatorAddress() {
    return delegatorAddress;
  }

  public String validatorSrcAddress() {
    return validatorSrcAddress;
  }

  public String validatorDstAddress() {
    return validatorDstAddress;
  }

  public Coin amount() {
    return amount;
  }

  @Override
  public String typeUrl() {
    return TYPE_URL;
  }

  @Override
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    w.string(1, delegatorAddress);
    w.string(2, validatorSrcAddress);
    w.string(3, validatorDstAddress);
    w.message(4, Wire.coin(amount));
    return w.toByteArray();
  }

  static MsgBeginRedelegate decode(ProtoReader r) {
    String delegatorAddress = "";
    String validatorSrcAddress = "";
    String validatorDstAddress = "";
    Coin amount = null;
    while (r.next()) {
      switch (r.field()) {
        case 1:
          delegatorAddress = r.string("delegator_address");
          break;
        case 2:
          validatorSrcAddress = r.string("validator_src_address");
          break;
        case 3:
          validatorDstAddress = r.string("validator_dst_address");
          break;
        case 4:
          amount = readCoin(r, "amount");
          break;
        default:
          r.skip();
      }
    }
    try {
      return of(delegatorAddress, validatorSrcAddress, validatorDstAddress, amount);
    } catch (CosmosException e) {
      throw invalid(r, e);
    }
  }

  @Override
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("delegatorAddress", delegatorAddress);
    b.put("validatorSrcAddress", validatorSrcAddress);
    b.put("validatorDstAddress", validatorDstAddress);
    b.put("amount", coinJson(amount));
    return b.build();
  }

  static MsgBeginRedelegate fromJson(JsonObject o) {
    return of(str(o, "delegatorAddress"), str(o, "validatorSrcAddress"), str(o, "validatorDstAddress"), coinFromJson("amount", member(o, "amount")));
  }

  @Override
  public String aminoType() {
    return "cosmos-sdk/MsgBeginRedelegate";
  }

  @Override
  public JsonObject toAmino() {
    JsonObject.Builder b = JsonObject.builder();
    b.put("delegator_address", delegatorAddress);
    b.put("validator_src_address", validatorSrcAddress);
    b.put("validator_dst_address", validatorDstAddress);
    b.put("amount", coinJson(amount));
    return b.build();
  }
}
